package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {
    private static final String PG = "jdbc:postgresql://db.example:5432/edgeoff?user=me&password=s3cret";

    @Test
    void defaultsToAnEmbeddedH2FileUnderXdgDataHome() {
        DatabaseUrl url = DatabaseUrl.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), "/home/u");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:h2:file:/data/xdg/edgeoff/edgeoff" + DatabaseUrl.H2_COMPATIBILITY);
        assertThat(url.h2File()).contains(Path.of("/data/xdg/edgeoff/edgeoff"));
    }

    @Test
    void defaultsToTheLocalShareFolderWithoutXdgDataHome() {
        DatabaseUrl url = DatabaseUrl.resolve(null, Map.of(), "/home/u");

        assertThat(url.jdbcUrl()).startsWith("jdbc:h2:file:/home/u/.local/share/edgeoff/edgeoff;MODE=PostgreSQL");
    }

    @Test
    void prefersTheFlagOverTheEnvironmentAndTheEnvironmentOverTheDefault() {
        Map<String, String> env = Map.of(DatabaseUrl.ENV_URL, PG);

        assertThat(DatabaseUrl.resolve(null, env, "/home/u").jdbcUrl()).isEqualTo(PG);
        assertThat(DatabaseUrl.resolve("jdbc:h2:mem:x", env, "/home/u").jdbcUrl())
                .isEqualTo("jdbc:h2:mem:x" + DatabaseUrl.H2_COMPATIBILITY + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void keepsAnH2UrlThatChoosesItsOwnMode() {
        assertThat(new DatabaseUrl("jdbc:h2:file:/x;MODE=PostgreSQL").jdbcUrl()).isEqualTo("jdbc:h2:file:/x;MODE=PostgreSQL");
    }

    @Test
    void hidesThePasswordInMessages() {
        assertThat(new DatabaseUrl(PG).redacted())
                .isEqualTo("jdbc:postgresql://db.example:5432/edgeoff?user=me&password=***");
        assertThat(new DatabaseUrl(PG).toString()).doesNotContain("s3cret");
    }

    @Test
    void rejectsSomethingThatIsNotAJdbcUrl() {
        assertThatThrownBy(() -> new DatabaseUrl("postgres://h/db?password=s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("database URL postgres://h/db?password=*** is not a JDBC URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void rejectsAnUnsupportedDatabaseNamingTheSupportedOnes() {
        assertThatThrownBy(() -> new DatabaseUrl("jdbc:mysql://h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database 'mysql'")
                .hasMessageContaining("supported: h2 (jdbc:h2:...) and postgresql");
    }

    @Test
    void rejectsABlankUrl() {
        assertThatThrownBy(() -> new DatabaseUrl(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("database URL must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://db:5432/edgeoff?user=me&password=s3cret",
        "jdbc:postgresql://db:5432/edgeoff?password=s3cret&user=me",
        "jdbc:postgresql://db/edgeoff?user=me&PASSWORD=s3cret&ssl=true",
        "jdbc:postgresql://db/edgeoff?user=me&Password=s3cret",
        "jdbc:postgresql://db/edgeoff?sslpassword=s3cret&sslkey=/k.pk8",
        "jdbc:postgresql://me:s3cret@db:5432/edgeoff",
        "jdbc:postgresql://me:s3c@ret@db:5432/edgeoff",
        "jdbc:postgresql://db/edgeoff?password=s3cret;more-s3cret",
        "jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=s3cret",
        "jdbc:h2:file:/tmp/x;password=s3cret;MODE=PostgreSQL",
        "jdbc:h2:file:/tmp/x;PASSWORD = s3cret s3cret;MODE=PostgreSQL",
        "jdbc:h2:file:/tmp/x;CIPHER=AES;PASSWORD=s3cret s3cret",
        "jdbc:h2:tcp://me:s3cret@host/x",
        "cannot connect to jdbc:postgresql://h/db?user=u&password=s3cret: refused",
        "the URL was 'jdbc:mysql://h/db?password=s3cret' and \"password=s3cret\"",
        "password=\"s3cret s3cret\" and password='s3cret'",
    })
    void redactHidesThePasswordOfEveryUrlForm(String text) {
        String redacted = DatabaseUrl.redact(text);

        assertThat(redacted).doesNotContain("s3cret").doesNotContain("ret@").contains("***");
    }

    @Test
    void redactKeepsEverythingButThePassword() {
        assertThat(DatabaseUrl.redact("jdbc:postgresql://me:s3cret@db:5432/x?user=me&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://me:***@db:5432/x?user=me&password=***&ssl=true");
        assertThat(DatabaseUrl.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=a;b;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://db:5432/x?user=me")).isEqualTo("jdbc:postgresql://db:5432/x?user=me");
        assertThat(DatabaseUrl.redact("give them as ?user=...&password=...")).isEqualTo("give them as ?user=...&password=...");
        assertThat(DatabaseUrl.redact("cannot reach x?password=***: refused")).isEqualTo("cannot reach x?password=***: refused");
    }

    @Test
    void givesTheDriverTheUrlWithoutCredentialsAndTheCredentialsApart() {
        DatabaseUrl pg = new DatabaseUrl("jdbc:postgresql://db/x?user=me&password=p%26ss%3Dw&currentSchema=s");
        DatabaseUrl h2 = new DatabaseUrl("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=pw;DB_CLOSE_DELAY=0");

        assertThat(pg.driverUrl()).isEqualTo("jdbc:postgresql://db/x?currentSchema=s");
        assertThat(pg.user()).contains("me");
        assertThat(pg.password()).contains("p&ss=w");
        assertThat(h2.driverUrl()).isEqualTo("jdbc:h2:file:/tmp/x;DB_CLOSE_DELAY=0" + DatabaseUrl.H2_COMPATIBILITY);
        assertThat(h2.user()).contains("sa");
        assertThat(h2.password()).contains("pw");
        assertThat(new DatabaseUrl("jdbc:h2:mem:x").password()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '/etc/passwd'                  | INIT",
        "jdbc:h2:file:/tmp/x;init=CREATE ALIAS X AS 'String x() { return 1; }' | init",
        "jdbc:h2:file:/tmp/x;MODE=PostgreSQL;TRACE_LEVEL_FILE=4            | TRACE_LEVEL_FILE",
        "jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE                             | AUTO_SERVER",
        "jdbc:h2:file:/tmp/x; INIT=SELECT 1                               | ' INIT'",
        "jdbc:h2:file:/tmp/x;IGNORE_UNKNOWN_SETTINGS=TRUE                 | IGNORE_UNKNOWN_SETTINGS",
        "jdbc:h2:file:/tmp/x;ACCESS_MODE_DATA=r                           | ACCESS_MODE_DATA",
    })
    void rejectsAnH2SettingOutsideTheAllowListNamingIt(String url, String setting) {
        assertThatThrownBy(() -> DatabaseUrl.of(url, "--url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("H2 setting " + setting + " is not allowed in --url (allowed: MODE, DATABASE_TO_LOWER, "
                        + "DEFAULT_NULL_ORDERING, DB_CLOSE_DELAY, USER, PASSWORD)");
    }

    @Test
    void namesWhereARejectedUrlCameFrom() {
        Map<String, String> env = Map.of(DatabaseUrl.ENV_URL, "jdbc:h2:mem:x;INIT=SELECT 1");

        assertThatThrownBy(() -> DatabaseUrl.resolve(null, env, "/home/u"))
                .hasMessageStartingWith("H2 setting INIT is not allowed in EDGEOFF_DB_URL (allowed: ");
        assertThatThrownBy(() -> new DatabaseUrl("jdbc:h2:mem:x;INIT=SELECT 1"))
                .hasMessageStartingWith("H2 setting INIT is not allowed in the database URL (allowed: ");
    }

    @Test
    void rejectsAnH2SettingWithoutAValueWithoutQuotingIt() {
        assertThatThrownBy(() -> DatabaseUrl.of("jdbc:h2:mem:x;PASSWORD=ab;s3cret", "--url"))
                .hasMessageStartingWith("an H2 setting without '=' in --url")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:h2:tcp://evil.example:9092/~/x", "jdbc:h2:ssl://evil.example/x", "jdbc:h2:zip:/tmp/x.zip!/db",
        "jdbc:h2:split:/tmp/x", "jdbc:h2:nio:/tmp/x", "jdbc:h2:memFS:x", "jdbc:h2:file:nioMapped:/tmp/x",
        "jdbc:h2:file:", "jdbc:h2:", "jdbc:h2:;MODE=PostgreSQL",
    })
    void acceptsH2OnlyAsAFileOrInMemory(String url) {
        assertThatThrownBy(() -> DatabaseUrl.of(url, "--url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in --url is not allowed: edgeoff uses H2 as a file (jdbc:h2:file:/path/name) "
                        + "or in memory (jdbc:h2:mem:name)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:h2:file:/tmp/x", "jdbc:h2:/tmp/x", "jdbc:h2:~/x", "jdbc:h2:./x", "jdbc:h2:mem:", "jdbc:h2:mem:a:b",
        "jdbc:h2:file:/tmp/x;mode=PostgreSQL;database_to_lower=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;"
            + "USER=sa;PASSWORD=x",
        "jdbc:postgresql://db:5432/x?user=u&password=p&ssl=true&sslmode=verify-full&sslrootcert=/r.crt"
            + "&sslcert=/c.crt&sslkey=/c.pk8&sslpassword=k&ApplicationName=edgeoff&connectTimeout=5&socketTimeout=9"
            + "&loginTimeout=5&currentSchema=edgeoff&tcpKeepAlive=true&targetServerType=primary",
        "jdbc:postgresql://h1:5432,h2:5433/x", "jdbc:postgresql:x", "jdbc:postgresql://db/x?user=u&",
    })
    void acceptsTheUrlsEdgeoffUses(String url) {
        assertThat(DatabaseUrl.of(url, "--url").jdbcUrl()).startsWith(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"socketFactory", "socketFactoryArg", "sslfactory", "sslfactoryarg", "sslhostnameverifier",
        "sslpasswordcallback", "authenticationPluginClassName", "loggerFile", "loggerLevel", "options", "service",
        "SocketFactory", "USER", "socket%46actory"})
    void rejectsAPostgresParameterOutsideTheAllowListNamingIt(String parameter) {
        String url = "jdbc:postgresql://db/x?user=u&password=s3cret&" + parameter + "=org.example.Evil";

        assertThatThrownBy(() -> DatabaseUrl.of(url, "--url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PostgreSQL parameter " + parameter + " is not allowed in --url (allowed: user, password, "
                        + "ssl, sslmode, sslrootcert, sslcert, sslkey, sslpassword, ApplicationName, connectTimeout, "
                        + "socketTimeout, loginTimeout, currentSchema, tcpKeepAlive, targetServerType)");
    }

    @Test
    void rejectsCredentialsBeforeThePostgresHostWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.of("jdbc:postgresql://me:s3cret@db:5432/x", "--url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("database URL jdbc:postgresql://me:***@db:5432/x in --url puts the credentials before the "
                        + "host, which the PostgreSQL driver does not read; give them as ?user=...&password=...");
    }

    @Test
    void hidesThePasswordOfAnUnsupportedDatabase() {
        assertThatThrownBy(() -> new DatabaseUrl("jdbc:mysql://me:s3cret@h/db?password=s3cret"))
                .hasMessageNotContaining("s3cret");
    }
}
