package io.edgeoff.cli.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.cli.CliRun;
import io.edgeoff.cli.EdgeoffCommand;
import io.edgeoff.cli.plugins.ExamplePolicyJarTest;
import io.edgeoff.cli.plugins.PythonPolicyTest;
import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.SidecarMonitor;
import io.edgeoff.testbed.Testbed;
import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.net.StaleCleanup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.external.ExternalPolicySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI variant of the test-bed experiment (root only; CI runs as root): real site processes in
 * their namespaces, each with its sidecar failure monitor beside it, the real device in its namespace,
 * a crash and a partition injected for real (the crash measured by the crashed site's monitor, the
 * partition by none), and nothing left behind afterwards. The device compares {@code mdp} with two policy
 * plug-ins: the Java example jar ({@code least-risk}, from {@code --policy-path}) and, when {@code python3} is
 * installed, the Python example as an external policy that the test-bed starts in the device's namespace.
 */
class TestbedRunTest {
    @AfterEach
    void forgetThePlugins() {
        Policies.install(List.of(), ExternalPolicySettings.ofDefaults()); // the run installed the example jar's
    }

    /** The shape of {@link RunCommand#token}. */
    private static final String TOKEN = "testbed-[0-9a-f]{32}";
    /** The Python policy's port on the device's loopback (in the run's own namespace, so free). */
    private static final int POLICY_PORT = 18765;

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

        Path jar = ExamplePolicyJarTest.buildExampleJar(dir.resolve("example-classes"),
                dir.resolve("plugins").resolve("example-policy.jar"));
        boolean python = PythonPolicyTest.pythonAvailable();
        String external = "external:http://127.0.0.1:" + POLICY_PORT + "/decide";
        String policyScript = ExamplePolicyJarTest.repoRoot().resolve("examples/python-policy/policy.py").toString();
        List<String> args = new ArrayList<>(List.of("testbed", "run", "--run", Integer.toString(runId),
                "--policies", "mdp,least-risk" + (python ? "," + external : ""), "--policy-path", jar.toString(),
                "--external-budget-ms", "5000", "--external-fallback", "greedy",
                "--executions", "2", "--faults", faults.toString(), "--time-compression", "1",
                "--out", dir.resolve("work").toString()));
        if (python) {
            args.addAll(List.of("--policy-command", "python3 " + policyScript + " --port " + POLICY_PORT));
        }

        CliRun result = CliRun.of(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
        assertThat(result.out()).contains("latency emulation:", "sites ready");
        assertThat(result.out()).containsPattern("(?m)^mdp\\s+2\\s");
        assertThat(result.out()).as("the Java plug-in from --policy-path ran on the device")
                .containsPattern("(?m)^least-risk\\s+2\\s");
        if (python) {
            assertThat(result.out()).contains("external policies listening")
                    .containsPattern("(?m)^" + java.util.regex.Pattern.quote(external) + "\\s+2\\s")
                    .as("every decision answered by policy.py on the device; budget and fallback passed through")
                    .containsPattern(java.util.regex.Pattern.quote("external policy " + external + ": ")
                            + "(\\d+) decisions, \\1 answered, 0 by the fallback greedy");
            JsonNode reported = new ObjectMapper().readTree(dir.resolve("work").resolve("device")
                    .resolve("results.json").toFile()).get("externalPolicies");
            assertThat(reported).hasSize(1);
            assertThat(reported.get(0).get("policy").asText()).isEqualTo(external);
            assertThat(reported.get(0).get("answered").asLong()).isPositive()
                    .isEqualTo(reported.get(0).get("decisions").asLong());
            assertThat(Files.readString(dir.resolve("work").resolve("policy-1.log")))
                    .startsWith("$ ip netns exec eo" + runId + "-md python3 ");
            assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains(policyScript + " --port " + POLICY_PORT)).toList())
                    .as("the policy is stopped with the test-bed").isEmpty();
        }
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

    @Test
    void aPolicyCommandThatExitsBeforeListeningIsOneLineNamingItAndNothingIsLeftBehind(@TempDir Path dir) {
        assumeTrue(Testbed.available(), "the test-bed needs root on Linux with iproute2");
        StaleCleanup inspect = new StaleCleanup(Shell.system(), StaleCleanup.defaultStateDir());
        int runId = inspect.firstFreeRun(221, 240);
        Path work = dir.resolve("work");

        CliRun result = CliRun.of("testbed", "run", "--run", Integer.toString(runId), "--policies",
                "mdp,external:http://127.0.0.1:" + POLICY_PORT + "/decide", "--policy-command", "false",
                "--no-faults", "--out", work.toString());

        assertThat(result.exitCode()).as(result.err() + result.out()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("edgeoff: --policy-command false exited with code 1 before every external "
                + "policy listened; see " + work.resolve("policy-1.log") + System.lineSeparator());
        assertThat(result.out()).doesNotContain("starting 4 sites").contains("torn down");
        assertThat(inspect.ownedNamespaces()).noneMatch(ns -> ns.startsWith("eo" + runId + "-"));
    }
}
