package io.edgeoff.cli.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument errors of {@code edgeoff testbed} are one line and exit 2, before anything is built. */
class TestbedCommandTest {

    @Test
    void listsItsSubcommands() {
        CliRun run = CliRun.of("testbed");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("measure", "run", "up", "clean");
    }

    @Test
    void rejectsARunIdOutsideTheAddressRange() {
        CliRun run = CliRun.of("testbed", "measure", "--run", "300");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("edgeoff: run id must be in [1, 250], but was 300" + System.lineSeparator());
    }

    @Test
    void rejectsANonPositiveTransferTime() {
        CliRun run = CliRun.of("testbed", "measure", "--seconds", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--seconds must be in (0, 60], but was 0.0");
    }

    @Test
    void namesTheFileLineAndFieldOfABadFaultPlan(@TempDir Path dir) throws IOException {
        Path plan = dir.resolve("faults.csv");
        Files.writeString(plan, "start_s,site,kind,duration_s,extra_delay_ms,loss\n10,MD,crash,5,,\n");

        CliRun run = CliRun.of("testbed", "run", "--faults", plan.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(plan + ":2: site: unknown remote site 'MD'; known: [ED, EC, ER, CD]");
    }

    @Test
    void refusesPolicyPluginsTheDeviceCannotRunBeforeBuildingTheNetwork() {
        String external = "external:http://127.0.0.1:8765/decide";
        String command = "python3 examples/python-policy/policy.py --port 8765";

        CliRun unreachable = CliRun.of("testbed", "run", "--policies", "mdp,external:http://10.0.0.5:8000/decide",
                "--policy-command", command);
        CliRun noCommand = CliRun.of("testbed", "run", "--policies", "mdp," + external);
        CliRun noExternal = CliRun.of("testbed", "run", "--policies", "mdp", "--policy-command", command);
        CliRun compare = CliRun.of("testbed", "run", "--policies", external, "--policy-command", command, "--compare");
        CliRun unknown = CliRun.of("testbed", "run", "--policies", "mdp,no-such-policy");
        CliRun missingJar = CliRun.of("testbed", "run", "--policy-path", "/no/such/policy.jar");
        CliRun badFallback = CliRun.of("testbed", "run", "--external-fallback", "no-such-policy");

        for (CliRun run : List.of(unreachable, noCommand, noExternal, compare, unknown, missingJar, badFallback)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).as("one line").startsWith("edgeoff: ").hasLineCount(1);
        }
        assertThat(unreachable.err()).contains("the test-bed's device reaches only its own loopback and the sites, "
                + "not 10.0.0.5");
        assertThat(noCommand.err()).contains(external + " needs --policy-command");
        assertThat(noExternal.err()).contains("--policies names no external:URL policy to call it");
        assertThat(compare.err()).contains("--compare cannot run an external:URL policy");
        assertThat(unknown.err()).contains("no-such-policy");
        assertThat(missingJar.err()).contains("/no/such/policy.jar");
        assertThat(badFallback.err()).contains("no-such-policy");
    }

    @Test
    void drawsAFreshSiteTokenForEveryRunInsteadOfDerivingItFromTheSeed() {
        assertThat(RunCommand.token()).isNotEqualTo(RunCommand.token()).matches("testbed-[0-9a-f]{32}");
    }
}
