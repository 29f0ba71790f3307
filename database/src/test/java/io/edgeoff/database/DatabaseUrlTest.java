package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
