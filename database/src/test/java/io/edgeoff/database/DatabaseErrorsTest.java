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
import org.junit.jupiter.params.ParameterizedTest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
                migration("V1__parameters.sql") + migration("V2__observations.sql")
                        + migration("V3__fleet.sql"));
        while (m.find()) {
            declared.add(m.group(1));
        }

        assertThat(declared).hasSizeGreaterThan(70);
        assertThat(DatabaseErrors.knownConstraints()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void namesTheConstraintItsTableAndItsRuleWithoutQuotingTheRow() {
        SQLException driver = new SQLException("ERROR: new row for relation \"offloading_sites\" violates check "
                + "constraint \"offloading_sites_mips_positive\"\n  Detail: Failing row contains (1, EC, 2, EDGE, -5.0).",
                "23514");

        DatabaseException error = DatabaseErrors.translate("cannot save scenario 'x'", "jdbc:h2:mem:x", driver);

        assertThat(error.constraint()).isEqualTo("offloading_sites_mips_positive");
        assertThat(error).hasMessage("cannot save scenario 'x': constraint offloading_sites_mips_positive on table "
                + "offloading_sites violated: a site's MIPS must be > 0 and finite");
    }

    /** What H2 2.5 and PostgreSQL 15 really say (recorded from both), and what a message keeps of it. */
    private static final String[] DRIVER_MESSAGES = {
        "Value too long for column \"name CHARACTER VARYING(5)\": \"'abcdefgh' (8)\"; SQL statement:\nINSERT INTO "
            + "probe VALUES (1, 'abcdefgh', 1) [22001-252]"
            + "| Value too long for column \"name\": \"'abcdefgh' (8)\"",
        "Check constraint violation: \"probe_x_small: \"; SQL statement:\nINSERT INTO probe VALUES (1, 'a', 1e308) "
            + "[23513-252] | Check constraint violation: \"probe_x_small\"",
        "Unique index or primary key violation: \"public.probe_name_unique INDEX public.probe_name_unique_INDEX_6 ON "
            + "public.probe(name NULLS LAST) VALUES ( /* 1 */ 'a' )\"; SQL statement:\nINSERT INTO probe VALUES (2, 'a', 1)"
            + " [23505-252] | Unique index or primary key violation: \"public.probe_name_unique\"",
        "Referential integrity constraint violation: \"probe_child_fk: public.probe_child FOREIGN KEY(id) REFERENCES "
            + "public.probe(id) (9)\"; SQL statement:\nINSERT INTO probe_child VALUES (9) [23506-252]"
            + "| Referential integrity constraint violation: \"probe_child_fk\"",
        "Table \"nope\" not found; SQL statement:\nSELECT * FROM nope [42102-252] | Table \"nope\" not found",
        "ERROR: relation \"nope\" does not exist\n  Position: 15 | ERROR: relation \"nope\" does not exist",
        "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00\n  Where: unnamed portal parameter $1"
            + "| ERROR: invalid byte sequence for encoding \"UTF8\": 0x00",
        "ERROR: value too long for type character varying(5) | ERROR: value too long for type character varying(5)",
        "Batch entry 0 INSERT INTO t (a, b) VALUES (('x'), ('1e+308'::double precision)) was aborted: ERROR: boom\n"
            + "  Detail: Failing row contains (x, 1e+308).  Call getNextException to see other errors in the batch."
            + "| ERROR: boom Detail: Failing row contains (x, 1e+308).",
        "could not execute [statement:\"INSERT INTO t VALUES (:a)\", arguments:{a:1}] | could not execute",
    };

    static Stream<Arguments> driverMessages() {
        return Arrays.stream(DRIVER_MESSAGES).map(row -> row.split("\\|")).map(r -> Arguments.of(r[0], r[1].strip()));
    }

    @ParameterizedTest
    @MethodSource("driverMessages")
    void keepsWhatTheDriverSaysWithoutTheStatement(String driver, String kept) {
        assertThat(DatabaseErrors.driverText(driver)).isEqualTo(kept);
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
