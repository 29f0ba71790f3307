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
    void aBadShardOfAScenarioWithDevicesOrCellsOrAMergeWithAnotherScenarioIsAOneLineError() {
        CliRun commuter = simulate("commuter-3-hotspots", dir.resolve("c0"), "--shard", "0/2");
        CliRun seed = simulate("seed", dir.resolve("s1"), "--shard", "1/2");
        CliRun outOfRange = simulate("commuter-3-hotspots", dir.resolve("c2"), "--shard", "2/2");

        CliRun merge = CliRun.of("results", "merge", dir.resolve("c0").toString(), dir.resolve("s1").toString(),
                "--out", dir.resolve("m").toString());

        assertThat(commuter.exitCode()).as(commuter.err()).isZero();
        assertThat(dir.resolve("c0/breakdowns.jsonl")).exists();
        assertThat(seed.exitCode()).as(seed.err()).isZero();
        assertThat(outOfRange.exitCode()).isEqualTo(2);
        assertThat(outOfRange.err().strip())
                .isEqualTo("edgeoff: --shard 2/2: shard index must be in [0,1] for 2 shards, but was 2");
        assertThat(dir.resolve("c2")).doesNotExist();
        assertThat(merge.exitCode()).isEqualTo(2);
        assertThat(merge.err().strip()).startsWith("edgeoff: " + dir.resolve("s1") + " is a shard of another "
                + "experiment than " + dir.resolve("c0") + " (they differ in scenario;").doesNotContain("\n");
        assertThat(dir.resolve("m")).doesNotExist();
    }
}
