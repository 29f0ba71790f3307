package io.edgeoff.cli.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgeoff simulate} on the example scenarios with several devices and mobility (synthetic trace). */
class SimulateFleetCommandTest {
    @TempDir
    Path dir;

    private CliRun simulate(String scenario, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--quiet", "--no-html", "--scenario",
                scenario, "--configs", "1", "--samplings", "2", "--policies", "mdp,local", "--out", out.toString()));
        if (!List.of(extra).contains("--executions")) {
            args.addAll(List.of("--executions", "6"));
        }
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void reportsTheCommuterPerDeviceAndPerCellTheSameBytesForTheSameSeed() throws IOException {
        CliRun first = simulate("commuter-3-hotspots", dir.resolve("a"), "--executions", "40");
        CliRun second = simulate("commuter-3-hotspots", dir.resolve("b"), "--executions", "40", "--threads", "1");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("response s/exec", "commuter", "HOME", "STATION", "OFFICE");
        List<String> cells = Files.readAllLines(dir.resolve("a/cells.csv"));
        assertThat(cells.get(0)).startsWith("policy,device,cell,tasks,offloaded_tasks");
        assertThat(cells).anyMatch(l -> l.startsWith("mdp,commuter,OFFICE,"));
        assertThat(Files.readAllLines(dir.resolve("a/devices.csv"))).hasSize(3);
        for (String file : List.of("devices.csv", "cells.csv", "summary.json")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void reportsEachCampusDeviceInTheTimeMode() throws IOException {
        CliRun run = simulate("campus-3-devices", dir.resolve("c"), "--failure-mode", "time");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("c/devices.csv"))).extracting(l -> l.split(",")[1])
                .containsExactly("device", "navigator", "social", "lab", "navigator", "social", "lab");
        assertThat(Files.readString(dir.resolve("c/experiment.json"))).contains("\"devices\" : 3");
    }

    @Test
    void withoutPoliciesSeveralDevicesRunTheDefaultListWithoutTheSingleDeviceBound() {
        CliRun run = CliRun.of("simulate", "--quiet", "--no-html", "--scenario", "campus-3-devices", "--configs", "1",
                "--samplings", "1", "--executions", "4", "--failure-mode", "time", "--out", dir.resolve("d").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("3 devices: the default policies without clairvoyant");
        assertThat(run.out()).contains("mdp", "myopic-oracle").doesNotContain("clairvoyant");
        CliRun asked = CliRun.of("simulate", "--quiet", "--no-html", "--scenario", "campus-3-devices", "--configs", "1",
                "--samplings", "1", "--executions", "4", "--failure-mode", "time", "--policies", "mdp,clairvoyant",
                "--out", dir.resolve("e").toString());
        assertThat(asked.exitCode()).isEqualTo(2);
        assertThat(asked.err()).contains("clairvoyant");
    }

    @Test
    void theSeedWritesNoDeviceOrCellReport() {
        CliRun run = simulate("seed", dir.resolve("s"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("s/devices.csv")).doesNotExist();
        assertThat(run.out()).doesNotContain("response s/exec");
    }

    @Test
    void severalDeclaredDevicesInTheSeedModeOrWithTheDevicesFlagAreOneLineErrors() {
        CliRun seedMode = simulate("campus-3-devices", dir.resolve("x"));
        CliRun flag = simulate("campus-3-devices", dir.resolve("y"), "--failure-mode", "time", "--devices", "2");

        assertThat(seedMode.exitCode()).isEqualTo(2);
        assertThat(seedMode.err()).startsWith("edgeoff: scenario campus-3-devices has 3 devices")
                .contains("--failure-mode time").doesNotContain("\tat ");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.err()).startsWith("edgeoff: scenario campus-3-devices declares its devices (3)");
    }

    @Test
    void aShardOfAScenarioWithDevicesOrCellsIsAOneLineErrorAndWritesNothing() {
        CliRun run = simulate("commuter-3-hotspots", dir.resolve("shard"), "--shard", "0/2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgeoff: --shard cannot run scenario commuter-3-hotspots, which declares"
                + " devices, cells or mobility: a shard folder holds no devices.csv or cells.csv")
                .doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(dir.resolve("shard")).doesNotExist();
    }
}
