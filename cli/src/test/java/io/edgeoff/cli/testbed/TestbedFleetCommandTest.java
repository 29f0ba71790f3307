package io.edgeoff.cli.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument errors of {@code edgeoff testbed run} with fleet scenarios are one line and exit 2, before anything is built. */
class TestbedFleetCommandTest {

    @Test
    void rejectsAnUnknownScenarioInOneLine() {
        CliRun run = CliRun.of("testbed", "run", "--scenario", "no-such-scenario", "--no-faults");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("edgeoff: no-such-scenario: file not found" + System.lineSeparator());
    }

    @Test
    void rejectsCompareForAScenarioWithSeveralDevices() {
        CliRun run = CliRun.of("testbed", "run", "--scenario", "campus-3-devices", "--compare");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("edgeoff: --compare compares one device with the simulator, but scenario "
                + "campus-3-devices has 3 devices; run edgeoff simulate --scenario campus-3-devices beside it"
                + System.lineSeparator());
    }

    @Test
    void rejectsAFleetDeviceFileWithoutSitesInOneLine(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("device-lab.yaml");
        Files.writeString(config, "scenario: campus-3-devices\nfleetDevice: lab\ntoken: t0123456789abcdef\n"
                + "policies: [mdp]\nexecutions: 1\nemulateLinks: false\nout: " + dir.resolve("out") + "\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("sites: expected a mapping of site id to URL");
    }

    @Test
    void rejectsAnUnknownFleetDeviceNamingTheKnownOnes(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("device-x.yaml");
        Files.writeString(config, "scenario: campus-3-devices\nfleetDevice: nobody\ntoken: t0123456789abcdef\n"
                + "sites: {ED: 'http://127.0.0.1:9', EC: 'http://127.0.0.1:9', ER: 'http://127.0.0.1:9', "
                + "CD: 'http://127.0.0.1:9'}\npolicies: [mdp]\nexecutions: 1\nemulateLinks: false\n"
                + "out: " + dir.resolve("out") + "\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("nobody", "navigator", "social", "lab");
    }

    @Test
    void rejectsACellLinkToACloudSiteNamingTheCellAndTheSite(@TempDir Path dir) throws IOException {
        String commuter;
        try (InputStream in = getClass().getResourceAsStream("/scenarios/commuter-3-hotspots.yaml")) {
            commuter = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path scenario = dir.resolve("commuter-cloud-cell.yaml");
        Files.writeString(scenario, commuter.replace("      ED: {latencyMillis: 5, bandwidthKBps: 5000}",
                "      ED: {latencyMillis: 5, bandwidthKBps: 5000}\n      CD: {latencyMillis: 20, bandwidthKBps: 5000}"));

        CliRun run = CliRun.of("testbed", "run", "--scenario", scenario.toString(), "--no-faults");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgeoff: cell HOME has a link to cloud site CD, which the test-bed does not "
                + "emulate").doesNotContain("\n" + "\tat ").hasLineCount(1);
    }
}
