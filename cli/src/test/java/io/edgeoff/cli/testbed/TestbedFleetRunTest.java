package io.edgeoff.cli.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.cli.CliRun;
import io.edgeoff.cli.EdgeoffCommand;
import io.edgeoff.common.results.ResultsCsv;
import io.edgeoff.testbed.Testbed;
import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.net.StaleCleanup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edgeoff testbed run --scenario campus-3-devices} end to end (root only): one {@code edgeoff device} per device
 * of the scenario, each in its own namespace, sharing the real sites; per-device rows (and the devices' per-cell rows)
 * in the console and the run's folder; nothing left behind.
 */
class TestbedFleetRunTest {
    private static final List<String> DEVICES = List.of("navigator", "social", "lab");

    @Test
    void runsEveryDeviceOfTheCampusInItsOwnNamespaceAgainstTheSharedSites(@TempDir Path dir) throws IOException {
        assumeTrue(Testbed.available(), "the test-bed needs root on Linux with iproute2");
        assumeTrue(EdgeoffCommand.commandLine().getSubcommands().containsKey("device"), "needs 'edgeoff device'");
        StaleCleanup inspect = new StaleCleanup(Shell.system(), StaleCleanup.defaultStateDir());
        int runId = inspect.firstFreeRun(241, 250);
        Path work = dir.resolve("work");

        CliRun result = CliRun.of("testbed", "run", "--scenario", "campus-3-devices", "--run", Integer.toString(runId),
                "--policies", "mdp", "--executions", "1", "--no-faults", "--out", work.toString());

        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
        for (int k = 0; k < DEVICES.size(); k++) {
            String device = DEVICES.get(k);
            assertThat(Files.readAllLines(work.resolve("device-" + device + ".log")).get(0))
                    .as("the command line of " + device).contains("ip netns exec eo" + runId + "-d" + k + " ");
            assertThat(Files.readString(work.resolve("device-" + device + ".yaml"))).contains("fleetDevice: " + device);
            assertThat(ResultsCsv.readRows(work.resolve("device-" + device).resolve("executions.csv")))
                    .as(device + "'s executions").hasSize(1);
            assertThat(result.out()).containsPattern("(?m)^\\| " + device + " \\| mdp \\| 1 \\|");
        }
        assertThat(Files.readAllLines(work.resolve("devices-summary.csv"))).hasSize(1 + DEVICES.size());
        assertThat(result.out()).contains("per device (", "torn down");
        assertThat(inspect.ownedNamespaces()).noneMatch(ns -> ns.startsWith("eo" + runId + "-"));
        assertThat(inspect.ownedRootInterfaces()).noneMatch(dev -> dev.startsWith("eo" + runId + "-"));
    }
}
