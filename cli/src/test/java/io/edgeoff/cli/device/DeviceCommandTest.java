package io.edgeoff.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.cli.CliRun;
import io.edgeoff.database.Database;
import io.edgeoff.database.RunMode;
import io.edgeoff.device.FakeSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCommandTest {
    @TempDir
    Path dir;

    private final List<FakeSite> sites = new ArrayList<>();

    @BeforeEach
    void startSites() throws Exception {
        sites.add(new FakeSite("ED", 5000, 0.99));
        sites.add(new FakeSite("EC", 8000, 0.97));
        sites.add(new FakeSite("ER", 5000, 0.99));
        sites.add(new FakeSite("CD", 12000, 0.99));
    }

    @AfterEach
    void stopSites() {
        sites.forEach(FakeSite::close);
    }

    private Path config(String extra) throws Exception {
        StringBuilder yaml = new StringBuilder("scenario: seed\ntoken: secret\nsites:\n");
        for (FakeSite s : sites) {
            yaml.append("  ").append(s.endpoint().siteId()).append(": ").append(s.endpoint().baseUri()).append('\n');
        }
        yaml.append("executions: 3\nseed: 5\nemulateLinks: false\nout: ").append(dir.resolve("out")).append('\n');
        yaml.append(extra);
        Path file = dir.resolve("device.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    @Test
    void runsEveryPolicyAgainstTheSitesAndWritesTheReports() throws Exception {
        Path config = config("policies: [mdp, local]\n");

        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        CliRun run = CliRun.of("device", "--config", config.toString(), "--db-url", url, "--web-port", "0",
                "--synthetic-tasks"); // the fake sites run the synthetic MI task only

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("live status page on http://127.0.0.1:");
        // the empty database was seeded with the configuration's scenario, which the device then read back
        assertThat(run.err()).contains("scenario 'seed' read from jdbc:h2:file:", "first use");
        assertThat(run.out()).contains("policy", "mdp", "local", "failure detector");
        Path out = dir.resolve("out");
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(3);
        assertThat(Files.readAllLines(out.resolve("executions.csv"))).hasSize(1 + 6);
        assertThat(Files.readString(out.resolve("report.html"))).contains("data:image/png;base64,", "mdp", "local");
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.get("summaries")).hasSize(2);
        assertThat(results.get("summaries").get(0).get("tasks_lost").asLong()).isZero();
        JsonNode local = results.get("summaries").get(1);
        assertThat(local.get("policy").asText()).isEqualTo("local");
        assertThat(local.get("offload_attempts").asLong()).isZero();
        assertThat(local.get("tasks_per_site").get("MD").asLong()).isPositive();
        assertThat(results.get("parameters").get("tasks").asText()).isEqualTo("synthetic MI");
        assertThat(results.get("summaries").get(0).get("offload_attempts").asLong()).as("mdp offloads").isPositive();
        assertThat(results.get("handlers")).isEmpty();
        try (Database db = Database.open(url)) {
            assertThat(db.scenarios().names()).containsExactly("seed");
            assertThat(db.runs().list()).hasSize(2).allMatch(r -> r.spec().mode() == RunMode.LIVE);
            long tasks = results.get("executions").findValues("tasks").stream().mapToLong(JsonNode::size).sum();
            assertThat(db.runs().list().stream().mapToLong(r -> db.runs().outcomes(r.id()).size()).sum())
                    .isEqualTo(tasks);
        }
    }

    @Test
    void anUnknownFieldIsAUserErrorNamingFileAndField() throws Exception {
        Path config = config("heartbeat: 5\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(config.toString(), "heartbeat: unknown field");
    }

    @Test
    void anUnknownPolicyIsAUserErrorListingTheKnownOnes() throws Exception {
        Path config = config("policies: [mdp, best]\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("policies: unknown policy 'best'", "seed-mdp-svr");
    }

    @Test
    void aPolicyThatNeedsTheSimulatorsGroundTruthIsAUserError() throws Exception {
        Path config = config("policies: [mdp, myopic-oracle]\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("policy myopic-oracle needs the simulator's ground truth")
                .doesNotContain("Exception", "\tat ");
        assertThat(sites).allMatch(s -> s.tasks() == 0);
    }

    @Test
    void aDetectorSettingOutOfRangeIsAUserError() throws Exception {
        Path config = config("detector:\n  heartbeatMillis: 500\n  maxSilenceMillis: 300\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("detector: maxSilence must be longer than heartbeatInterval 500 ms");
    }

    @Test
    void syntheticTasksInTheFileMustBeTrueOrFalse() throws Exception {
        Path config = config("syntheticTasks: sometimes\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("device.yaml: syntheticTasks: expected true or false, but was 'sometimes'")
                .doesNotContain("Exception");
    }
}
