package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.common.scenario.ScenarioYaml;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The database contract on PostgreSQL, run when {@code EDGEOFF_TEST_PG_URL} names a database
 * (e.g. {@code jdbc:postgresql://localhost:5432/edgeoff_test?user=edgeoff&password=edgeoff});
 * each test gets a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = PostgresDatabaseTest.ENV, matches = ".+")
class PostgresDatabaseTest extends DatabaseContractTest {
    static final String ENV = "EDGEOFF_TEST_PG_URL";

    @Override
    FreshDatabase newDatabase() throws SQLException {
        return FreshDatabase.postgres(System.getenv(ENV));
    }

    @Test
    void reportsARefusedLoginWithoutThePassword() {
        String wrong = System.getenv(ENV).replaceAll("password=[^&]*", "password=wrong-s3cret");
        assumeTrue(wrong.contains("wrong-s3cret"), "the test URL carries a password");

        assertThatThrownBy(() -> Database.open(new DatabaseUrl(wrong), Duration.ofSeconds(5), java.time.Clock.systemUTC()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("cannot open the database: the database at ")
                .hasMessageContaining("refused the login: ")
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("wrong-s3cret");
    }

    /**
     * Restarts the machine's PostgreSQL 15 under a live pool; the next query must succeed without
     * reopening the database. Needs root (to run {@code pg_ctlcluster}).
     */
    @Test
    void poolSurvivesAPostgresRestart() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "restarting PostgreSQL needs root");
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));
        db.ping();

        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart")
                .redirectErrorStream(true).start();
        assertThat(restart.waitFor(60, TimeUnit.SECONDS)).as("pg_ctlcluster restart finished").isTrue();
        assertThat(restart.exitValue()).as(new String(restart.getInputStream().readAllBytes())).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    try (var c = java.sql.DriverManager.getConnection(System.getenv(ENV))) {
                        return c.isValid(2);
                    }
                });

        assertThat(db.scenarios().load("seed")).isEqualTo(ScenarioYaml.load("seed"));
    }
}
