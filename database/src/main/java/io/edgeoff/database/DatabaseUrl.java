package io.edgeoff.database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL of an edgeoff database: embedded H2 ({@code jdbc:h2:file:...} or {@code jdbc:h2:mem:...})
 * or PostgreSQL ({@code jdbc:postgresql://...}). H2 URLs without a {@code MODE} get the PostgreSQL
 * compatibility settings the migrations are written for; in-memory H2 URLs live until the process
 * ends ({@code DB_CLOSE_DELAY=-1}) unless they say otherwise.
 *
 * <p>A URL is input from the user, and both drivers act on what it says: H2's {@code INIT} runs any
 * SQL (including {@code RUNSCRIPT FROM '/etc/passwd'}), pgjdbc's {@code socketFactory} instantiates
 * any class on the class path. So only the settings in {@link #H2_SETTINGS} and the parameters in
 * {@link #POSTGRES_PARAMETERS} are accepted, and H2 only as a file or in-memory database; anything
 * else is rejected with a message naming the setting. Messages, logs and {@code db status} show the
 * URL through {@link #redact(String)}; the pool and the drivers get the user and password
 * separately ({@link #user()}, {@link #password()}), never inside the URL ({@link #driverUrl()}).
 *
 * @param jdbcUrl the normalised JDBC URL, credentials included
 */
public record DatabaseUrl(String jdbcUrl) {
    /** Environment variable that selects the database when no {@code --url} is given. */
    public static final String ENV_URL = "EDGEOFF_DB_URL";

    /** H2 settings that make it accept the same SQL as PostgreSQL 15. */
    public static final String H2_COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /**
     * The H2 settings a URL may carry (compared ignoring case, as H2 does): the compatibility
     * settings, the lifetime of an in-memory database and the credentials. Everything else
     * ({@code INIT}, {@code TRACE_LEVEL_FILE}, {@code AUTO_SERVER}, ...) is rejected.
     */
    public static final List<String> H2_SETTINGS = List.of("MODE", "DATABASE_TO_LOWER", "DEFAULT_NULL_ORDERING",
            "DB_CLOSE_DELAY", "USER", "PASSWORD");

    /**
     * The PostgreSQL JDBC parameters a URL may carry (exact names, as pgjdbc spells them): credentials,
     * TLS with certificate files, timeouts, the application name, the schema and server selection.
     * Parameters that load classes or write files ({@code socketFactory}, {@code sslfactory},
     * {@code sslpasswordcallback}, {@code authenticationPluginClassName}, {@code loggerFile}, ...) are
     * rejected.
     */
    public static final List<String> POSTGRES_PARAMETERS = List.of("user", "password", "ssl", "sslmode",
            "sslrootcert", "sslcert", "sslkey", "sslpassword", "ApplicationName", "connectTimeout", "socketTimeout",
            "loginTimeout", "currentSchema", "tcpKeepAlive", "targetServerType");

    private static final String H2 = "jdbc:h2:";
    private static final String POSTGRES = "jdbc:postgresql:";

    /** {@code //user:password@host}: the password in a URL's user information. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/@\\s:?#]*:)[^\\s/?#]*@");
    /**
     * {@code password=...} in any case (also {@code sslpassword=}, H2's {@code PASSWORD=}); the value
     * is quoted, or H2's "file-password user-password" pair (two words ending the text or the
     * setting), or runs to the next {@code &}, whitespace or quote, or to a {@code ;} that starts
     * the next H2 setting ({@code ;NAME=}). A value already hidden ({@code ***}) or a
     * placeholder in a hint ({@code password=...}) is left alone.
     */
    private static final String VALUE_CHAR = "(?:(?!;\\s*[a-z_][a-z0-9_]*\\s*=)[^&\\s\"'])";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password\\s*=\\s*)(?!\\*\\*\\*|\\.\\.\\.)(\"[^\"]*\"?|'[^']*'?"
            + "|" + VALUE_CHAR + "+ " + VALUE_CHAR + "+(?=;|$)|" + VALUE_CHAR + "*)");

    public DatabaseUrl {
        jdbcUrl = normalise(jdbcUrl, "the database URL");
    }

    /**
     * A URL given by the user; {@code where} names where it came from ({@code --url},
     * {@code EDGEOFF_DB_URL}) in messages about a setting that is not allowed.
     */
    public static DatabaseUrl of(String url, String where) {
        return new DatabaseUrl(normalise(url, where));
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
            return of(flag, "--url");
        }
        String fromEnv = env.get(ENV_URL);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return of(fromEnv, ENV_URL);
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
        return new DatabaseUrl(H2 + "file:" + base.toAbsolutePath());
    }

    public boolean isH2() {
        return jdbcUrl.regionMatches(true, 0, H2, 0, H2.length());
    }

    public boolean isPostgres() {
        return jdbcUrl.regionMatches(true, 0, POSTGRES, 0, POSTGRES.length());
    }

    /** The H2 file this URL stores to, when it is an embedded file database. */
    public Optional<Path> h2File() {
        if (!isH2()) {
            return Optional.empty();
        }
        String location = h2Location(jdbcUrl);
        if (location.startsWith("mem:")) {
            return Optional.empty();
        }
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Optional.of(Path.of(location));
    }

    /** The user named in the URL ({@code user=} or H2's {@code USER=}), if any. */
    public Optional<String> user() {
        return credential("user");
    }

    /** The password given in the URL ({@code password=} or H2's {@code PASSWORD=}), if any. */
    public Optional<String> password() {
        return credential("password");
    }

    /** The URL without user and password, for the driver and the pool (which may log it). */
    public String driverUrl() {
        List<String> kept = new ArrayList<>();
        for (String[] p : parameters(jdbcUrl)) {
            if (!isCredential(p[0])) {
                kept.add(p[2]);
            }
        }
        String base = isH2() ? H2 + h2Location(jdbcUrl) : withoutQuery(jdbcUrl);
        if (kept.isEmpty()) {
            return base;
        }
        return isH2() ? base + ";" + String.join(";", kept) : base + "?" + String.join("&", kept);
    }

    /** The URL with any password hidden, for messages and logs. */
    public String redacted() {
        return redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return redacted();
    }

    /**
     * Hides every password in {@code text}, which may be a JDBC URL or a message quoting one: the
     * password of {@code //user:password@host} and the value of every {@code password=} parameter or
     * setting, in any case (also {@code sslpassword=} and H2's {@code ;PASSWORD=}), become {@code ***}.
     * The one redaction used for every message, log line and status output that can show a URL.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String hidden = USERINFO_PASSWORD.matcher(text).replaceAll("$1***@");
        return PASSWORD_PARAMETER.matcher(hidden).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
    }

    // ---- checking ----

    private static String normalise(String url, String where) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL must not be blank");
        }
        url = url.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database URL " + redact(url) + " is not a JDBC URL; expected "
                    + "jdbc:h2:file:/path/to/db or jdbc:postgresql://host:5432/dbname?user=...&password=...");
        }
        if (lower.startsWith(H2)) {
            checkH2(url, where);
            if (!lower.contains(";mode=")) {
                url = url + H2_COMPATIBILITY;
            }
            if (h2Location(url).startsWith("mem:") && !lower.contains(";db_close_delay=")) {
                url = url + ";DB_CLOSE_DELAY=-1";
            }
            return url;
        }
        if (lower.startsWith(POSTGRES)) {
            checkPostgres(url, where);
            return url;
        }
        String vendor = lower.substring(5, Math.max(5, lower.indexOf(':', 5)));
        throw new IllegalArgumentException("database URL " + redact(url) + " names unsupported database '"
                + vendor + "'; supported: h2 (jdbc:h2:...) and postgresql (jdbc:postgresql://...)");
    }

    private static void checkH2(String url, String where) {
        String location = h2Location(url);
        String path = location.startsWith("mem:") ? "" : location.startsWith("file:")
                ? location.substring("file:".length()) : location;
        if (!location.startsWith("mem:") && (path.isEmpty() || path.contains(":"))) {
            throw new IllegalArgumentException("H2 database '" + redact(location) + "' in " + where + " is not "
                    + "allowed: edgeoff uses H2 as a file (jdbc:h2:file:/path/name) or in memory (jdbc:h2:mem:name); "
                    + "share a database between processes through PostgreSQL");
        }
        for (String[] p : parameters(url)) {
            if (p[1] == null) {
                throw new IllegalArgumentException("an H2 setting without '=' in " + where + "; settings are "
                        + "NAME=VALUE separated by ';' (allowed: " + String.join(", ", H2_SETTINGS) + ")");
            }
            if (!H2_SETTINGS.contains(p[0].strip().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("H2 setting " + printable(p[0]) + " is not allowed in " + where
                        + " (allowed: " + String.join(", ", H2_SETTINGS) + ")");
            }
        }
    }

    private static void checkPostgres(String url, String where) {
        String rest = url.substring(POSTGRES.length());
        if (rest.startsWith("//")) {
            int end = indexOfAny(rest, 2, "/?#");
            if (rest.substring(2, end < 0 ? rest.length() : end).contains("@")) {
                throw new IllegalArgumentException("database URL " + redact(url) + " in " + where + " puts the "
                        + "credentials before the host, which the PostgreSQL driver does not read; give them as "
                        + "?user=...&password=...");
            }
        }
        for (String[] p : parameters(url)) {
            if (p[1] == null) {
                throw new IllegalArgumentException("a PostgreSQL parameter without '=' in " + where + "; parameters "
                        + "are name=value separated by '&' (allowed: " + String.join(", ", POSTGRES_PARAMETERS) + ")");
            }
            if (!POSTGRES_PARAMETERS.contains(p[0])) {
                throw new IllegalArgumentException("PostgreSQL parameter " + printable(p[0]) + " is not allowed in "
                        + where + " (allowed: " + String.join(", ", POSTGRES_PARAMETERS) + ")");
            }
        }
    }

    /** A parameter name for a message: at most 40 characters, control characters escaped. */
    private static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    // ---- parsing ----

    /** What an H2 URL names before its first {@code ;}: {@code mem:x}, {@code file:/x} or a plain path. */
    private static String h2Location(String url) {
        String rest = url.substring(H2.length());
        int semicolon = rest.indexOf(';');
        return semicolon < 0 ? rest : rest.substring(0, semicolon);
    }

    /**
     * The URL's settings (H2, after {@code ;}) or query parameters (PostgreSQL, after {@code ?}), in
     * order, empty ones skipped: {name, value or null when there is no {@code =}, the raw text}.
     */
    private static List<String[]> parameters(String url) {
        boolean h2 = url.regionMatches(true, 0, H2, 0, H2.length());
        String all;
        if (h2) {
            int semicolon = url.indexOf(';');
            all = semicolon < 0 ? "" : url.substring(semicolon + 1);
        } else {
            int question = url.indexOf('?');
            all = question < 0 ? "" : url.substring(question + 1);
            int hash = all.indexOf('#');
            all = hash < 0 ? all : all.substring(0, hash);
        }
        List<String[]> out = new ArrayList<>();
        for (String raw : all.split(h2 ? ";" : "&", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            int eq = raw.indexOf('=');
            out.add(new String[] {eq < 0 ? raw : raw.substring(0, eq), eq < 0 ? null : raw.substring(eq + 1), raw});
        }
        return out;
    }

    private Optional<String> credential(String name) {
        String found = null;
        for (String[] p : parameters(jdbcUrl)) {
            if (p[1] != null && (isH2() ? p[0].strip().equalsIgnoreCase(name) : p[0].equals(name))) {
                found = isH2() ? p[1] : URLDecoder.decode(p[1], StandardCharsets.UTF_8);
            }
        }
        return Optional.ofNullable(found);
    }

    private boolean isCredential(String name) {
        return isH2() ? List.of("USER", "PASSWORD").contains(name.strip().toUpperCase(Locale.ROOT))
                : name.equals("user") || name.equals("password");
    }

    private static String withoutQuery(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
