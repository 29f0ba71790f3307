package io.edgeoff.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.edgeoff.database.internal.DatabaseErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * An open edgeoff database: a HikariCP connection pool, Flyway migrations
 * ({@code db/migration}, the same SQL on H2 and PostgreSQL 15) and the stores. Every statement is
 * parameterised. Failures surface as {@link DatabaseException} naming what failed. A {@code Database}
 * and its stores are safe to use from several threads; each store call runs on one pooled connection
 * (writes in one transaction). Close it to close the pool.
 *
 * <pre>{@code
 * try (Database db = Database.open(null)) {   // --url, else EDGEOFF_DB_URL, else ~/.local/share/edgeoff
 *     db.migrate();
 *     db.scenarios().save(ScenarioYaml.load("seed"));
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    /** How long to wait for a connection before reporting the database unreachable. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Clock clock;

    private Database(DatabaseUrl url, HikariDataSource pool, Clock clock) {
        this.url = url;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.clock = clock;
    }

    /**
     * Opens the database at {@code url}; null selects {@code EDGEOFF_DB_URL} or the embedded
     * default (see {@link DatabaseUrl#resolve(String)}). Fails fast when it cannot be reached.
     */
    public static Database open(String url) {
        return open(DatabaseUrl.resolve(url), DEFAULT_CONNECT_TIMEOUT, Clock.systemUTC());
    }

    /**
     * @param connectTimeout how long to wait for a connection (at least 250 ms)
     * @param clock          source of timestamps (import times, run start and finish)
     */
    public static Database open(DatabaseUrl url, Duration connectTimeout, Clock clock) {
        url.h2File().ifPresent(Database::createParentFolder);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.driverUrl());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.setPoolName("edgeoff-db");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(5_000, connectTimeout.toMillis())));
        config.setInitializationFailTimeout(1);
        try {
            return new Database(url, new HikariDataSource(config), clock);
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate("cannot open the database", url.redacted(), e);
        }
    }

    private static void createParentFolder(Path h2Base) {
        Path parent = h2Base.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create database folder " + parent + ": " + e.getMessage(), e);
        }
    }

    /** Applies pending migrations. @return the number applied (0 when up to date) */
    public int migrate() {
        try {
            MigrateResult result = flyway().migrate();
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate("cannot migrate the database", url.redacted(), e);
        }
    }

    /** The schema version and the applied and pending migrations. */
    public DatabaseStatus status() {
        try {
            var info = flyway().info();
            MigrationInfo current = info.current();
            List<String> applied = java.util.Arrays.stream(info.applied())
                    .map(m -> m.getVersion() + " " + m.getDescription()).toList();
            List<String> pending = java.util.Arrays.stream(info.pending())
                    .map(m -> m.getVersion() + " " + m.getDescription()).toList();
            List<String> scenarios = current == null ? List.of() : scenariosIfPresent();
            return new DatabaseStatus(url.redacted(), current == null ? "none" : current.getVersion().toString(),
                    applied, pending, scenarios);
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate("cannot read the database status", url.redacted(), e);
        }
    }

    private List<String> scenariosIfPresent() {
        try {
            return scenarios().names();
        } catch (DatabaseException e) {
            return List.of();
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    public ScenarioStore scenarios() {
        return new ScenarioStore(this);
    }

    public FailureEventStore failureEvents() {
        return new FailureEventStore(this);
    }

    public RunStore runs() {
        return new RunStore(this);
    }

    public DetectorStore detector() {
        return new DetectorStore(this);
    }

    public DatabaseUrl url() {
        return url;
    }

    Clock clock() {
        return clock;
    }

    /** Runs {@code work} in one transaction; failures become {@link DatabaseException} starting with {@code action}. */
    <R> R inTransaction(String action, HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(action, url.redacted(), e);
        }
    }

    /** Runs {@code work} on one connection; failures become {@link DatabaseException} starting with {@code action}. */
    <R> R withHandle(String action, HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(action, url.redacted(), e);
        }
    }

    /** A trivial round trip ({@code SELECT 1}) to check the database answers. */
    public void ping() {
        withHandle("cannot query the database",
                (Handle h) -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        pool.close();
    }
}
