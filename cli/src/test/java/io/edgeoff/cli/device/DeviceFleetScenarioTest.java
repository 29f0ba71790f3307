package io.edgeoff.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live device does not run a scenario's devices and cells yet, and says so instead of ignoring them. */
class DeviceFleetScenarioTest {
    @TempDir
    Path dir;

    @Test
    void refusesAScenarioWithDevicesOrCellsInOneLine() throws IOException {
        Path config = dir.resolve("device.yaml");
        Files.writeString(config, "scenario: commuter-3-hotspots\ntoken: secret\nsites:\n"
                + "  ED: http://127.0.0.1:9\n  EC: http://127.0.0.1:9\n  ER: http://127.0.0.1:9\n"
                + "  CD: http://127.0.0.1:9\nexecutions: 1\nseed: 5\nemulateLinks: false\nout: " + dir.resolve("out")
                + "\n");

        CliRun run = CliRun.of("device", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgeoff: " + config + ": scenario commuter-3-hotspots declares devices, "
                + "cells or mobility, which only the simulator runs so far").doesNotContain("\tat ");
    }
}
