package io.edgeoff.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edgeoff demo --scenario campus-3-devices} end to end, as a user runs it: the scenario's four sites as
 * processes on loopback (the campus's one-core edge services), its three devices at once against them, and the
 * reports per device and per cell. (FleetLiveTest checks the cell and link behaviour against in-process sites.)
 */
class FleetDemoTest {
    @TempDir
    Path dir;

    @Test
    void theCampusExampleRunsEveryDeviceAgainstTheDemosSiteProcessesAndReportsPerDeviceAndCell() throws Exception {
        Path out = dir.resolve("campus");

        CliRun run = CliRun.of("demo", "--scenario", "campus-3-devices", "--policies", "mdp,local",
                "--executions", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("per device and per cell:");
        for (String site : List.of("ED", "EC", "ER", "CD")) {
            assertThat(out.resolve("sites").resolve(site + ".log")).as("site process log").exists();
        }
        List<String> devices = Files.readAllLines(out.resolve("devices.csv"));
        assertThat(devices.get(0)).startsWith("policy,device,executions,");
        assertThat(devices.subList(1, devices.size())).as("3 devices x 2 policies, 2 executions each").hasSize(6)
                .allMatch(l -> l.matches("(mdp|local),(navigator|social|lab),2,.*"));
        assertThat(devices.stream().skip(1).map(l -> l.split(",")[1]).distinct())
                .containsExactlyInAnyOrder("navigator", "social", "lab");
        List<String> cells = Files.readAllLines(out.resolve("cells.csv"));
        assertThat(cells.get(0)).startsWith("policy,device,cell,");
        assertThat(cells).as("the campus has no cells: one row '-' per policy and device").hasSize(7);
        List<String> executions = Files.readAllLines(out.resolve("executions.csv"));
        List<String> header = Arrays.asList(executions.get(0).split(","));
        int lost = header.indexOf("tasks_lost");
        assertThat(executions).as("2 executions x 2 policies x 3 devices").hasSize(13);
        assertThat(executions.stream().skip(1).map(l -> l.split(",")[lost])).allMatch("0"::equals);
        assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"devices\"", "id=\"cells\"");
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"devices\"", "\"cells\"");
    }
}
