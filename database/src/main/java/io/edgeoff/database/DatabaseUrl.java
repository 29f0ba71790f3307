package io.edgeoff.database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A JDBC URL of an edgeoff database: embedded H2 ({@code jdbc:h2:...}) or PostgreSQL
 * ({@code jdbc:postgresql://...}). H2 URLs without a {@code MODE} get the PostgreSQL compatibility
 * settings the migrations are written for; in-memory H2 URLs live until the process ends
 * ({@code DB_CLOSE_DELAY=-1}) unless they say otherwise.
 *
 * @param jdbcUrl the normalised JDBC URL
 */
public record DatabaseUrl(String jdbcUrl) {
    /** Environment variable that selects the database when no {@code --url} is given. */
    public static final String ENV_URL = "EDGEOFF_DB_URL";

    /** H2 settings that make it accept the same SQL as PostgreSQL 15. */
    public static final String H2_COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public DatabaseUrl {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("database URL must not be blank");
        }
        jdbcUrl = jdbcUrl.strip();
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database URL " + redact(jdbcUrl) + " is not a JDBC URL; expected "
                    + "jdbc:h2:file:/path/to/db or jdbc:postgresql://host:5432/dbname?user=...&password=...");
        }
        if (lower.startsWith("jdbc:h2:")) {
            if (!lower.contains(";mode=")) {
                jdbcUrl = jdbcUrl + H2_COMPATIBILITY;
            }
            if (lower.startsWith("jdbc:h2:mem:") && !lower.contains(";db_close_delay=")) {
                jdbcUrl = jdbcUrl + ";DB_CLOSE_DELAY=-1";
            }
        } else if (!lower.startsWith("jdbc:postgresql:")) {
            String vendor = lower.substring(5, Math.max(5, lower.indexOf(':', 5)));
            throw new IllegalArgumentException("database URL " + redact(jdbcUrl) + " names unsupported database '"
                    + vendor + "'; supported: h2 (jdbc:h2:...) and postgresql (jdbc:postgresql://...)");
        }
    }

    /**
     * The database to use: {@code flag} when given, else the environment variable {@value #ENV_URL},
     * else the embedded H2 file database under the user's data folder.
     *
     * @param flag  the {@code --url} value, or null
     * @param env   the environment (usually {@code System.getenv()})
     * @param userHome the user's home folder (usually the system property {@code user.home})
     */
    public static DatabaseUrl resolve(String flag, Map<String, String> env, String userHome) {
        if (flag != null) {
            return new DatabaseUrl(flag);
        }
        String fromEnv = env.get(ENV_URL);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DatabaseUrl(fromEnv);
        }
        return embedded(dataDirectory(env, userHome).resolve("edgeoff"));
    }

    /** Resolves from the process environment and {@code user.home}. */
    public static DatabaseUrl resolve(String flag) {
        return resolve(flag, System.getenv(), System.getProperty("user.home"));
    }

    /** The folder for edgeoff's data: {@code $XDG_DATA_HOME/edgeoff} or {@code ~/.local/share/edgeoff}. */
    public static Path dataDirectory(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "edgeoff");
        }
        Objects.requireNonNull(userHome, "userHome");
        return Path.of(userHome, ".local", "share", "edgeoff");
    }

    /** An embedded H2 file database ({@code base} + {@code .mv.db}). */
    public static DatabaseUrl embedded(Path base) {
        return new DatabaseUrl("jdbc:h2:file:" + base.toAbsolutePath());
    }

    public boolean isH2() {
        return jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8);
    }

    public boolean isPostgres() {
        return jdbcUrl.regionMatches(true, 0, "jdbc:postgresql:", 0, 16);
    }

    /** The H2 file this URL stores to, when it is an embedded file database. */
    public java.util.Optional<Path> h2File() {
        if (!isH2()) {
            return java.util.Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String location = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:")) {
            return java.util.Optional.empty();
        }
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        return java.util.Optional.of(Path.of(location));
    }

    /** The URL with any password hidden, for messages and logs. */
    public String redacted() {
        return redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return redacted();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
