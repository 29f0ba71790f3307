package io.edgeoff.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device file's {@code fleetDevice} needs a scenario with devices, and says so in one line otherwise. */
class DeviceFleetScenarioTest {
    @TempDir
    Path dir;

    @Test
    void refusesAFleetDeviceOfAScenarioWithoutDevicesInOneLine() throws IOException {
        Path config = dir.resolve("device.yaml");
        Files.writeString(config, "scenario: seed\nfleetDevice: commuter\ntoken: secret\nsites:\n"
                + "  ED: http://127.0.0.1:9\n  EC: http://127.0.0.1:9\n  ER: http://127.0.0.1:9\n"
                + "  CD: http://127.0.0.1:9\nexecutions: 1\nseed: 5\nemulateLinks: false\nout: " + dir.resolve("out")
                + "\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgeoff: " + config + ": fleetDevice: scenario seed declares no devices")
                .doesNotContain("\tat ");
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    void refusesABadMobilitySpeedupInOneLine() throws IOException {
        Path config = dir.resolve("device.yaml");
        Files.writeString(config, "scenario: commuter-3-hotspots\nmobilitySpeedup: 0\ntoken: secret\nsites:\n"
                + "  ED: http://127.0.0.1:9\nout: " + dir.resolve("out") + "\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgeoff: " + config + ": mobilitySpeedup: must be > 0, but was 0");
    }

    @Test
    void refusesAStartThatIsNoInstantInOneLine() throws IOException {
        Path config = dir.resolve("device.yaml");
        Files.writeString(config, "scenario: commuter-3-hotspots\nmobilityStartAt: at ten\ntoken: secret\nsites:\n"
                + "  ED: http://127.0.0.1:9\nout: " + dir.resolve("out") + "\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgeoff: " + config + ": mobilityStartAt: expected an ISO-8601 instant");
    }
}
