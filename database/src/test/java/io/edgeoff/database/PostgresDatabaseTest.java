package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.common.scenario.ScenarioYaml;
import java.io.IOException;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
        assumeTrue(isRoot(), "restarting PostgreSQL needs root");
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));
        db.ping();

        pgCtlCluster("restart");

        assertThat(db.scenarios().load("seed")).isEqualTo(ScenarioYaml.load("seed"));
        long run = db.runs().start(new RunSpec("seed", "mdp", RunMode.LIVE, OptionalInt.empty(), 1, "after restart"));
        assertThat(db.runs().find(run)).isPresent();
    }

    /**
     * Stops the server under a live pool: a query fails with a message naming the unreachable
     * database; after the server is started again the same pool answers.
     */
    @Test
    void reportsAStoppedServerAndRecoversWhenItIsBack() throws IOException, InterruptedException {
        assumeTrue(isRoot(), "stopping PostgreSQL needs root");
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));

        try (Database quick = Database.open(fresh.url(), Duration.ofSeconds(2), java.time.Clock.systemUTC())) {
            quick.ping();
            try {
                pgCtlCluster("stop");

                assertThatThrownBy(() -> quick.scenarios().load("seed"))
                        .isInstanceOf(DatabaseException.class)
                        .hasMessageStartingWith("cannot read scenario 'seed': cannot reach jdbc:postgresql://")
                        .hasMessageNotContaining("password=edgeoff");
            } finally {
                pgCtlCluster("start");
            }

            assertThat(quick.scenarios().load("seed")).isEqualTo(ScenarioYaml.load("seed"));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void pgCtlCluster(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", action)
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pg_ctlcluster " + action + " finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as("pg_ctlcluster " + action + ": " + output).isZero();
    }
}
