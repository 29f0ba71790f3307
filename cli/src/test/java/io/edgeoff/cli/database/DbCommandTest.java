package io.edgeoff.cli.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.EdgeoffCommand;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DbCommandTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EdgeoffCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("edgeoff");
    }

    @Test
    void migrateCreatesTheSchemaAndStoresTheSeedOnce() {
        Result first = run("db", "migrate", "--url", url());
        Result second = run("db", "migrate", "--url", url());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("applied 3 migrations, schema version 3")
                .contains("stored the built-in scenario 'seed'");
        assertThat(second.out()).contains("applied 0 migrations, schema version 3")
                .contains("scenario 'seed' already stored");
    }

    @Test
    void importThenExportGivesBackTheCanonicalYaml() throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, ScenarioYaml.write(ScenarioYaml.load("seed")).replace("name: seed", "name: mine"));

        Result imported = run("db", "import", "--scenario", file.toString(), "--url", url());
        Result exported = run("db", "export", "--url", url());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("imported scenario 'mine' (5 sites, 10 links, 5 applications, 31 tasks, "
                + "5 configurations)");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).isEqualTo(Files.readString(file));
    }

    @Test
    void importsAndExportsAnExampleWithItsDevicesAndCells() throws Exception {
        Result imported = run("db", "import", "--scenario", "commuter-3-hotspots", "--url", url());
        Result exported = run("db", "export", "--name", "commuter-3-hotspots", "--url", url());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("imported scenario 'commuter-3-hotspots' (5 sites, 10 links, "
                + "5 applications, 31 tasks, 5 configurations, 1 devices, 3 cells)");
        assertThat(exported.out()).isEqualTo(ScenarioYaml.write(ScenarioYaml.load("commuter-3-hotspots")));
    }

    @Test
    void importRefusesADuplicateUnlessAskedToReplace() {
        run("db", "import", "--scenario", "seed", "--url", url());

        Result again = run("db", "import", "--scenario", "seed", "--url", url());
        Result replaced = run("db", "import", "--scenario", "seed", "--replace", "--url", url());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).startsWith("edgeoff: cannot save scenario 'seed': a scenario with that name is already "
                + "in the database").doesNotContain("\tat ");
        assertThat(replaced.exitCode()).isZero();
        assertThat(replaced.out()).startsWith("replaced scenario 'seed'");
    }

    @Test
    void statusShowsVersionPendingMigrationsAndScenarios() {
        Result before = run("db", "status", "--url", url());
        run("db", "migrate", "--url", url());
        Result after = run("db", "status", "--url", url());

        assertThat(before.out()).contains("schema:    version none (run 'edgeoff db migrate')")
                .contains("pending:   1 parameters, 2 observations, 3 fleet");
        assertThat(after.out()).contains("schema:    version 3 (up to date)").contains("scenarios: seed");
    }

    @Test
    void exportBeforeMigrateTellsTheUserWhatToDo() {
        Result result = run("db", "export", "--url", url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("run 'edgeoff db migrate' first").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableDatabaseIsOneLineNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Result result = run("db", "status", "--url",
                "jdbc:postgresql://127.0.0.1:" + port + "/edgeoff?user=u&password=s3cret");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("edgeoff: cannot open the database: cannot reach jdbc:postgresql://127.0.0.1:"
                        + port).doesNotContain("s3cret").doesNotContain("\tat ");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void aBadUrlIsRejectedNamingIt() {
        Result result = run("db", "status", "--url", "mysql://localhost/x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("edgeoff: database URL mysql://localhost/x is not a JDBC URL");
    }

    @Test
    void runsListsStoredRunsWithTheirTotals() {
        run("db", "migrate", "--url", url());
        try (io.edgeoff.database.Database db = io.edgeoff.database.Database.open(url())) {
            long id = db.runs().start(new io.edgeoff.database.RunSpec("seed", "mdp", io.edgeoff.database.RunMode.SIMULATED,
                    java.util.OptionalInt.of(3), 42, ""));
            db.runs().addOutcomes(id, java.util.List.of(
                    new io.edgeoff.database.TaskOutcome(0, 0, "CHESS", "GUI", "MD", 0.25, 0.5, 0),
                    new io.edgeoff.database.TaskOutcome(0, 1, "CHESS", "UPDATE_CHESS", "EC", 1.0, 0.25, 2)));
        }

        Result result = run("db", "runs", "--url", url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).hasSize(2);
        assertThat(result.out().lines().skip(1).findFirst().orElseThrow())
                .matches("\\s+1  mdp\\s+SIMULATED\\s+3\\s+42  \\S+ \\(open\\)\\s+2\\s+1\\.250\\s+0\\.750\\s+2");
    }

    @Test
    void runsRejectsANonPositiveLimit() {
        Result result = run("db", "runs", "--limit", "0", "--url", url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("edgeoff: --limit must be >= 1, but was 0" + System.lineSeparator());
    }

    @Test
    void anH2UrlThatRunsAScriptIsRejectedBeforeAnythingRuns() {
        Result result = run("db", "status", "--url", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '/etc/passwd'");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("edgeoff: H2 setting INIT is not allowed in --url (allowed: MODE, "
                + "DATABASE_TO_LOWER, DEFAULT_NULL_ORDERING, DB_CLOSE_DELAY, USER, PASSWORD)" + System.lineSeparator());
    }

    @Test
    void aPostgresUrlThatLoadsAClassIsRejectedNamingTheParameter() {
        Result result = run("db", "status", "--url",
                "jdbc:postgresql://127.0.0.1/x?password=s3cret&socketFactory=org.example.Evil");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("edgeoff: PostgreSQL parameter socketFactory is not allowed in --url")
                .doesNotContain("s3cret");
    }

    @Test
    void statusMigrateAndErrorsNeverShowAnH2Password() {
        String withPassword = url() + ";USER=sa;PASSWORD=s3cret";
        String wrongPassword = url() + ";USER=sa;PASSWORD=wrong-s3cret";

        Result migrated = run("db", "migrate", "--url", withPassword);
        Result status = run("db", "status", "--url", withPassword);
        Result refused = run("db", "status", "--url", wrongPassword);

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains(";USER=sa;PASSWORD=***").doesNotContain("s3cret");
        assertThat(status.out()).contains("database:  jdbc:h2:file:").contains("PASSWORD=***").doesNotContain("s3cret");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("edgeoff: cannot open the database: the database at jdbc:h2:file:")
                .contains("refused the login").doesNotContain("s3cret");
        assertThat(refused.err().strip().lines()).hasSize(1);
    }

    @Test
    void postgresCredentialsBeforeTheHostAreRejectedWithoutShowingThem() {
        Result result = run("db", "status", "--url", "jdbc:postgresql://me:s3cret@127.0.0.1/x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("edgeoff: database URL jdbc:postgresql://me:***@127.0.0.1/x in --url puts "
                + "the credentials before the host").doesNotContain("s3cret");
    }

    @Test
    void importRejectsValuesBeyondTheSchemaNamingFileFieldAndValueAndKeepsTheStoredScenario() throws Exception {
        run("db", "import", "--scenario", "seed", "--url", url());
        String seed = ScenarioYaml.write(ScenarioYaml.load("seed"));
        Path longName = dir.resolve("long-name.yaml");
        Files.writeString(longName, seed.replace("name: seed", "name: " + "n".repeat(10_000)));
        Path fastSite = dir.resolve("fast-site.yaml");
        Files.writeString(fastSite, seed.replace("mips: 8000.0", "mips: 1e308"));

        Result named = run("db", "import", "--scenario", longName.toString(), "--url", url());
        Result fast = run("db", "import", "--scenario", fastSite.toString(), "--replace", "--url", url());
        Result exported = run("db", "export", "--url", url());

        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.err()).isEqualTo("edgeoff: " + longName + ": name: must be at most 200 characters, but has "
                + "10000: '" + "n".repeat(40) + "...'" + System.lineSeparator());
        assertThat(fast.exitCode()).isEqualTo(2);
        assertThat(fast.err()).isEqualTo("edgeoff: " + fastSite + ": sites[2].mips: must be > 0 and < 1.0E12, but was "
                + "1.0E308" + System.lineSeparator());
        assertThat(exported.out()).as("the stored scenario is untouched").isEqualTo(seed);
    }
}
