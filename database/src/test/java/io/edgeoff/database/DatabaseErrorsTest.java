package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.database.internal.DatabaseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {
    private static String migration(String name) throws IOException {
        try (InputStream in = DatabaseErrorsTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void explainsEveryConstraintTheMigrationsDeclare() throws IOException {
        Set<String> declared = new TreeSet<>();
        Matcher m = Pattern.compile("CONSTRAINT (\\w+)").matcher(
                migration("V1__parameters.sql") + migration("V2__observations.sql"));
        while (m.find()) {
            declared.add(m.group(1));
        }

        assertThat(declared).hasSizeGreaterThan(70);
        assertThat(DatabaseErrors.knownConstraints()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void namesTheConstraintItsTableAndItsRuleAndQuotesTheDatabase() {
        SQLException driver = new SQLException("ERROR: new row for relation \"offloading_sites\" violates check "
                + "constraint \"offloading_sites_mips_positive\"\n  Detail: Failing row contains (1, EC, 2, EDGE, -5.0).",
                "23514");

        DatabaseException error = DatabaseErrors.translate("cannot save scenario 'x'", "jdbc:h2:mem:x", driver);

        assertThat(error.constraint()).isEqualTo("offloading_sites_mips_positive");
        assertThat(error).hasMessage("cannot save scenario 'x': constraint offloading_sites_mips_positive on table "
                + "offloading_sites violated: a site's MIPS must be > 0 and finite (database said: ERROR: new row for "
                + "relation \"offloading_sites\" violates check constraint \"offloading_sites_mips_positive\" "
                + "Detail: Failing row contains (1, EC, 2, EDGE, -5.0).)");
    }

    @Test
    void prefersTheLongestConstraintNameInTheMessage() {
        SQLException h2 = new SQLException("Unique index or primary key violation: "
                + "\"public.task_outcomes_pk_index_5 ON public.task_outcomes(run_id, execution_index, task_index)\"",
                "23505");

        DatabaseException error = DatabaseErrors.translate("cannot add", "jdbc:h2:mem:x", h2);

        assertThat(error.constraint()).isEqualTo("task_outcomes_pk");
    }

    @Test
    void hidesPasswordsThatTheDriverQuotes() {
        SQLException driver = new SQLException("cannot connect to jdbc:postgresql://h/db?user=u&password=s3cret", "08001");

        DatabaseException error = DatabaseErrors.translate("cannot open the database", "jdbc:postgresql://h/db", driver);

        assertThat(error).hasMessageNotContaining("s3cret").hasMessageContaining("cannot reach jdbc:postgresql://h/db");
    }

    @Test
    void saysWhatAMissingPermissionMeans() {
        SQLException driver = new SQLException("ERROR: permission denied for schema public", "42501");

        DatabaseException error = DatabaseErrors.translate("cannot migrate the database", "jdbc:postgresql://h/db", driver);

        assertThat(error).hasMessage("cannot migrate the database: the database at jdbc:postgresql://h/db denied the "
                + "permission (migrate needs a role that may create tables in the schema): ERROR: permission denied "
                + "for schema public");
    }
}
