package io.edgeoff.cli.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.cli.CliRun;
import io.edgeoff.cli.EdgeoffCommand;
import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.SidecarMonitor;
import io.edgeoff.testbed.Testbed;
import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.net.StaleCleanup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI variant of the test-bed experiment (root only; CI runs as root): real site processes in
 * their namespaces, each with its sidecar failure monitor beside it, the real device in its namespace,
 * a crash and a partition injected for real (the crash measured by the crashed site's monitor, the
 * partition by none), and nothing left behind afterwards.
 */
class TestbedRunTest {
    /** The shape of {@link RunCommand#token}. */
    private static final String TOKEN = "testbed-[0-9a-f]{32}";

    @Test
    void runsTheDeviceAgainstRealSitesThroughRealLinksWithRealFaultsAndLeavesNothingBehind(@TempDir Path dir)
            throws IOException {
        assumeTrue(Testbed.available(), "the test-bed needs root on Linux with iproute2");
        assumeTrue(EdgeoffCommand.commandLine().getSubcommands().containsKey("site")
                && EdgeoffCommand.commandLine().getSubcommands().containsKey("device"), "needs 'edgeoff site' and 'edgeoff device'");
        StaleCleanup inspect = new StaleCleanup(Shell.system(), StaleCleanup.defaultStateDir());
        int runId = inspect.firstFreeRun(221, 240);
        Path faults = dir.resolve("faults.csv");
        Files.writeString(faults, "start_s,site,kind,duration_s,extra_delay_ms,loss\n"
                + "0,EC,crash,2,,\n1,ED,link-down,2,,\n");

        CliRun result = CliRun.of("testbed", "run", "--run", Integer.toString(runId), "--policies", "mdp",
                "--executions", "4", "--faults", faults.toString(), "--time-compression", "1",
                "--out", dir.resolve("work").toString());

        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
        assertThat(result.out()).contains("latency emulation:", "sites ready");
        assertThat(result.out()).containsPattern("(?m)^mdp\\s+4\\s");
        assertThat(result.out()).contains("crash EC begins (ok)", "crash EC ends (ok",
                "link-down ED begins (ok)", "link-down ED ends (ok", "torn down");
        assertThat(dir.resolve("work").resolve("device").resolve("summary.csv")).exists();
        assertThat(inspect.ownedNamespaces()).noneMatch(ns -> ns.startsWith("eo" + runId + "-"));
        assertThat(inspect.ownedRootInterfaces()).noneMatch(dev -> dev.startsWith("eo" + runId + "-"));
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("eo" + runId + "-") || c.contains(dir.toString())).toList()).isEmpty();
        Path work = dir.resolve("work");
        assertThat(Files.readString(work.resolve("device.yaml"))).containsPattern(TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("device.yaml"))))
                .as("device.yaml holds the token").isEqualTo("rw-------");
        // each site's sidecar failure monitor ran in the site's namespace beside it: it measured the crash of EC, and
        // took the partition of ED (the link, not the site) for no outage
        assertThat(work.resolve("monitor-EC.log")).exists();
        assertThat(SidecarMonitor.readRecords(work.resolve("site-data").resolve("EC")))
                .filteredOn(r -> r.type() == FailureEventType.OUTAGE_STARTED)
                .singleElement().satisfies(r -> assertThat(Details.parse(r.detail()))
                        .containsEntry("source", "sidecar").containsEntry("mode", "crash"));
        assertThat(SidecarMonitor.readRecords(work.resolve("site-data").resolve("ED")))
                .noneMatch(r -> r.type() == FailureEventType.OUTAGE_STARTED);
        try (Stream<Path> files = Files.list(work)) {
            List<Path> siteLogs = files.filter(f -> f.getFileName().toString().matches("site-.*\\.log")).toList();
            assertThat(siteLogs).as("site logs, each starting with the site's command line").isNotEmpty()
                    .allSatisfy(log -> assertThat(Files.readString(log)).doesNotContain("--token")
                            .doesNotContainPattern(TOKEN));
        }
    }
}
