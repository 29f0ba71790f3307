package io.edgeoff.cli.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void drawsAFreshSiteTokenForEveryRunInsteadOfDerivingItFromTheSeed() {
        assertThat(RunCommand.token()).isNotEqualTo(RunCommand.token()).matches("testbed-[0-9a-f]{32}");
    }
}
