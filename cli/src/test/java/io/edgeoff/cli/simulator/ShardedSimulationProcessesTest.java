package io.edgeoff.cli.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import io.edgeoff.cli.EdgeoffCommand;
import io.edgeoff.common.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's check: four {@code edgeoff simulate --shard I/4} run as four separate JVM processes, and
 * {@code edgeoff results merge} of their folders writes every file of one unsharded {@code edgeoff simulate --out},
 * byte for byte. Without the HTML report, whose charts take longer to draw than the whole experiment to simulate:
 * the simulator's {@code ShardMergeTest} checks report.html, every chart and the weight sweep's files byte for byte
 * (shards in one JVM, each with its own runner).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShardedSimulationProcessesTest {
    private static final int SHARDS = 4;
    /**
     * A small experiment on the built-in synthetic trace: 2 configurations x 4 policies x 4 samplings, with the
     * {@code markov} predictor (no SVR training in every process, which is what keeps the test short).
     */
    private static final List<String> EXPERIMENT = List.of("--configs", "1-2", "--samplings", "4", "--executions", "5",
            "--policies", "local,mdp,efpo,myopic-oracle", "--predictor", "markov", "--seed", "19", "--threads", "1", "--quiet");
    /** A short-lived JVM: the C1 compiler only and the serial collector cost a third of the default's CPU time. */
    private static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void fourShardProcessesMergedEqualOneUnshardedRunByteForByte() throws IOException {
        List<ManagedProcess> shards = new ArrayList<>();
        try {
            for (int i = 0; i < SHARDS; i++) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString()));
                command.addAll(SMALL_JVM);
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), EdgeoffCommand.class.getName(),
                        "simulate"));
                command.addAll(EXPERIMENT);
                command.addAll(List.of("--shard", i + "/" + SHARDS, "--out", dir.resolve("shard-" + i).toString()));
                shards.add(ManagedProcess.start("shard-" + i, command, Map.of(), dir.resolve("shard-" + i + ".log")));
            }
            CliRun single = simulate("--no-html", "--out", dir.resolve("single").toString());

            assertThat(single.exitCode()).as(single.err()).isZero();
            for (ManagedProcess shard : shards) {
                assertThat(shard.waitFor(Duration.ofMinutes(4))).as("exit code of %s, log:%n%s", shard.name(),
                        Files.readString(shard.log())).isZero();
            }
        } finally {
            shards.forEach(ManagedProcess::close);
        }
        List<String> merge = new ArrayList<>(List.of("results", "merge"));
        for (int i = SHARDS - 1; i >= 0; i--) {
            merge.add(dir.resolve("shard-" + i).toString());
        }
        merge.addAll(List.of("--no-html", "--out", dir.resolve("merged").toString()));

        CliRun merged = CliRun.of(merge.toArray(String[]::new));

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("merged 4 shards of experiment sha256:", "efpo", "reports:");
        Map<String, byte[]> expected = files(dir.resolve("single"));
        Map<String, byte[]> actual = files(dir.resolve("merged"));
        assertThat(expected).containsOnlyKeys("samplings.csv", "summary.csv", "summary.json", "experiment.json");
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((file, bytes) -> assertThat(actual.get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void mergeRefusesAMissingShardAndSimulateABadShardInOneLineWithExitCode2() {
        CliRun shard = simulate("--shard", "1/3", "--out", dir.resolve("s1").toString());
        CliRun badShard = simulate("--shard", "3/3", "--out", dir.resolve("s3").toString());
        CliRun notIN = simulate("--shard", "1-3", "--out", dir.resolve("s3").toString());

        CliRun merge = CliRun.of("results", "merge", dir.resolve("s1").toString(), "--out", dir.resolve("m").toString());

        assertThat(shard.exitCode()).as(shard.err()).isZero();
        assertThat(shard.out()).contains("shard 1/3: ");
        assertThat(merge.exitCode()).isEqualTo(2);
        assertThat(merge.err().strip()).startsWith("edgeoff: missing shards 0/3, 2/3 of experiment sha256:")
                .doesNotContain("Exception").doesNotContain("\n");
        assertThat(badShard.exitCode()).isEqualTo(2);
        assertThat(badShard.err().strip())
                .isEqualTo("edgeoff: --shard 3/3: shard index must be in [0,2] for 3 shards, but was 3");
        assertThat(notIN.err().strip()).isEqualTo("edgeoff: --shard must be I/N (shard I of N, I from 0), but was '1-3'");
        assertThat(Files.exists(dir.resolve("m"))).isFalse();
    }

    @Test
    void aFleetScenarioShardsAndMergesIntoTheUnshardedRunsDevicesAndCells() throws IOException {
        CliRun single = commuter("--no-html", "--out", dir.resolve("single").toString());
        CliRun first = commuter("--shard", "0/2", "--out", dir.resolve("f0").toString());
        CliRun second = commuter("--shard", "1/2", "--out", dir.resolve("f1").toString());

        CliRun merged = CliRun.of("results", "merge", dir.resolve("f0").toString(), dir.resolve("f1").toString(),
                "--no-html", "--out", dir.resolve("merged").toString());
        Files.delete(dir.resolve("f1").resolve("breakdowns.jsonl"));
        CliRun incomplete = CliRun.of("results", "merge", dir.resolve("f0").toString(), dir.resolve("f1").toString(),
                "--out", dir.resolve("m").toString());

        for (CliRun run : List.of(single, first, second, merged)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(merged.out()).contains("merged 2 shards of experiment sha256:", "handovers", "STATION", "OFFICE");
        Map<String, byte[]> expected = files(dir.resolve("single"));
        Map<String, byte[]> actual = files(dir.resolve("merged"));
        assertThat(expected).containsKeys("devices.csv", "cells.csv");
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((file, bytes) -> assertThat(actual.get(file)).as(file).isEqualTo(bytes));
        assertThat(incomplete.exitCode()).isEqualTo(2);
        assertThat(incomplete.err().strip()).startsWith("edgeoff: " + dir.resolve("f1").resolve("breakdowns.jsonl")
                + ": missing").doesNotContain("\n");
    }

    /** The commuter walking past three hotspots, long enough (30 executions) to reach all three. */
    private static CliRun commuter(String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate", "--scenario", "commuter-3-hotspots", "--configs", "1",
                "--samplings", "3", "--executions", "30", "--policies", "local,mdp,efpo", "--predictor", "markov",
                "--seed", "19", "--threads", "1", "--quiet"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun simulate(String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate"));
        args.addAll(EXPERIMENT);
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
