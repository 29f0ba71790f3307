package io.edgeoff.simulator.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.report.ReportWriter;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import io.edgeoff.simulator.run.WeightSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shards run in this JVM (each with its own runner, as a separate process would have) and merged give the unsharded
 * run's files byte for byte; the merge refuses what does not make one experiment. The test with separate processes
 * is the cli's {@code ShardedSimulationProcessesTest}.
 */
class ShardMergeTest {
    private static final String DIGEST = "built-in:test-series";

    @TempDir
    Path dir;

    private static ExperimentRunner runner() {
        return Fixtures.runner(Fixtures.uniform(Fixtures.randomSeries(4, 300)));
    }

    private static ExperimentSpec spec() {
        return ExperimentSpec.of(Fixtures.seedScenario(), List.of(1, 3),
                List.of("first-remote", "first-remote-efpo", "local"), 5, 6, 42).toBuilder().threads(2).build();
    }

    /**
     * A scenario with devices, cells or mobility: campus (three devices, time mode, 4 executions) or commuter (one
     * device, 25 executions: long enough to walk through all three hotspots, with handovers).
     */
    private static ExperimentSpec fleetSpec(String scenario) {
        ExperimentSpec spec = ExperimentSpec.of(ScenarioYaml.builtIn(scenario), List.of(1, 2),
                List.of("first-remote", "first-remote-efpo", "local"), 3, 4, 42).toBuilder().threads(2).build();
        return scenario.startsWith("campus") ? spec.toBuilder().failureMode(FailureMode.TIME).build()
                : spec.toBuilder().executions(25).build();
    }

    private List<Path> shards(ExperimentSpec spec, boolean weightSweep, int count, String name) {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path shardDir = dir.resolve(name).resolve("shard-" + i);
            ShardRun.run(runner(), spec, weightSweep, DIGEST, new Shard(i, count), shardDir, done -> { }).write();
            dirs.add(shardDir);
        }
        return dirs;
    }

    private Path unsharded(ExperimentSpec spec, boolean weightSweep, boolean html) {
        Path out = dir.resolve("single");
        ExperimentRunner runner = runner();
        ReportWriter.write(out, runner.runDetailed(spec, done -> { }), html);
        if (weightSweep) {
            WeightSweep.write(out, WeightSweep.run(runner, spec, (w, done) -> { }), html);
        }
        return out;
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

    private static void assertSameFiles(Path merged, Path single) throws IOException {
        Map<String, byte[]> expected = files(single);
        Map<String, byte[]> actual = files(merged);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 7})
    void mergedShardsWriteTheUnshardedRunsFilesByteForByte(int count) throws IOException {
        ExperimentSpec spec = spec();
        Path single = unsharded(spec, false, false);
        Path merged = dir.resolve("merged");

        ShardMerge.read(shards(spec, false, count, "shards")).write(merged, false);

        assertSameFiles(merged, single);
        assertThat(files(merged)).containsOnlyKeys("samplings.csv", "summary.csv", "summary.json", "experiment.json");
    }

    @Test
    void withTheWeightSweepAndTheHtmlReportEveryFileIsTheSame() throws IOException {
        ExperimentSpec spec = spec().toBuilder().samplings(2).failureMode(FailureMode.TIME).build();
        Path single = unsharded(spec, true, true);
        Path merged = dir.resolve("merged");

        ShardMerge.read(shards(spec, true, 3, "shards")).write(merged, true);

        assertSameFiles(merged, single);
        assertThat(files(merged)).containsKeys("sweep.csv", "sweep-energy.png", "report.html", "response-time.png");
    }

    @ParameterizedTest
    @CsvSource({"campus-3-devices, 1", "campus-3-devices, 3", "campus-3-devices, 4", "commuter-3-hotspots, 1",
        "commuter-3-hotspots, 3", "commuter-3-hotspots, 4"})
    void mergedShardsOfAFleetScenarioWriteItsDevicesAndCellsByteForByte(String scenario, int count) throws IOException {
        ExperimentSpec spec = fleetSpec(scenario);
        Path single = unsharded(spec, false, false);
        Path merged = dir.resolve("merged");

        ShardMerge.read(shards(spec, false, count, "shards")).write(merged, false);

        assertSameFiles(merged, single);
        assertThat(files(merged)).containsKeys("devices.csv", "cells.csv");
        assertThat(Files.readAllLines(merged.resolve("devices.csv"))).hasSize(1 + 3 * (scenario.startsWith("campus")
                ? 3 : 1));
        assertThat(Files.readString(merged.resolve("cells.csv"))).contains(scenario.startsWith("campus")
                ? List.of(",navigator,-,", ",lab,-,") : List.of(",HOME,", ",STATION,", ",OFFICE,"));
    }

    @Test
    void aFleetScenariosWeightSweepAndHtmlReportMergeByteForByte() throws IOException {
        ExperimentSpec spec = fleetSpec("commuter-3-hotspots").toBuilder().samplings(2).configurations(List.of(1))
                .build();
        Path single = unsharded(spec, true, true);
        Path merged = dir.resolve("merged");

        ShardMerge.read(shards(spec, true, 3, "shards")).write(merged, true);

        assertSameFiles(merged, single);
        assertThat(files(merged)).containsKeys("devices.csv", "cells.csv", "sweep.csv", "report.html",
                "devices-response-time.png", "cells-seconds-per-task.png");
    }

    @Test
    void aShardOfAFleetScenarioHoldsItsUnitsPerDeviceAndCellAndOthersDoNot() {
        List<Path> fleet = shards(fleetSpec("campus-3-devices"), false, 2, "fleet");
        List<Path> seed = shards(spec(), false, 2, "seed");

        assertThat(fleet.get(1).resolve(BreakdownLines.FILE)).exists();
        assertThat(ShardFolder.read(fleet.get(1)).breakdowns()).hasSize(9);
        assertThat(seed.get(1).resolve(BreakdownLines.FILE)).doesNotExist();
        assertThat(ShardFolder.read(seed.get(1)).breakdowns()).isEmpty();
    }

    @Test
    void refusesAFleetShardWithoutItsBreakdownsOrWithALineOutOfPlaceNamingFileAndLine() throws IOException {
        List<Path> dirs = shards(fleetSpec("commuter-3-hotspots"), false, 2, "s");
        Path file = dirs.get(1).resolve(BreakdownLines.FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));

        Files.write(file, List.of(lines.get(1), lines.get(0)));
        assertThatThrownBy(() -> ShardMerge.read(dirs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": the shard holds 9 samplings of this run, but the file has 2 lines");

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(0, lines.get(1));
        swapped.set(1, lines.get(0));
        Files.write(file, swapped);
        assertThatThrownBy(() -> ShardMerge.read(dirs)).hasMessageStartingWith(file + " line 1: expected the unit "
                + "(configuration 1, policy first-remote, sampling 1), but found configuration 1, policy first-remote-efpo,"
                + " sampling 0");

        List<String> renamed = new ArrayList<>(lines);
        renamed.set(2, lines.get(2).replace("\"device\":\"commuter\"", "\"device\":\"walker\""));
        Files.write(file, renamed);
        assertThatThrownBy(() -> ShardMerge.read(dirs)).hasMessageStartingWith(file + " line 3: ")
                .hasMessageContaining("commuter").hasMessageContaining("walker");

        List<String> broken = new ArrayList<>(lines);
        broken.set(3, lines.get(3).replaceFirst("\"tasks\":\\d+", "\"tasks\":\"x\""));
        Files.write(file, broken);
        assertThatThrownBy(() -> ShardMerge.read(dirs))
                .hasMessageStartingWith(file + " line 4: not a breakdown per device and per cell: ");

        Files.delete(file);
        assertThatThrownBy(() -> ShardMerge.read(dirs)).hasMessageStartingWith(file + ": missing");
    }

    @Test
    void aFolderOfShardFoldersMergesLikeTheFoldersThemselves() throws IOException {
        ExperimentSpec spec = spec();
        Path single = unsharded(spec, false, false);
        shards(spec, false, 4, "volume");

        ShardMerge.read(List.of(dir.resolve("volume"))).write(dir.resolve("merged"), false);

        assertSameFiles(dir.resolve("merged"), single);
    }

    @Test
    void aUnitGivesTheSameMetricsWhateverShardItRunsIn() {
        ExperimentSpec spec = spec();

        var whole = ShardRun.run(runner(), spec, false, DIGEST, Shard.whole(), dir.resolve("w"), done -> { }).runs().get(0);
        var second = ShardRun.run(runner(), spec, false, DIGEST, new Shard(1, 5), dir.resolve("s"), done -> { })
                .runs().get(0);

        for (int i = 0; i < second.size(); i++) {
            assertThat(second.get(i)).isEqualTo(whole.get(1 + 5 * i));
        }
    }

    @Test
    void refusesShardsOfAnotherExperimentNamingWhatDiffers() {
        List<Path> a = shards(spec(), false, 2, "a");
        List<Path> b = shards(spec().toBuilder().seed(43).build(), false, 2, "b");

        assertThatThrownBy(() -> ShardMerge.read(List.of(a.get(0), b.get(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(b.get(1) + " is a shard of another experiment than " + a.get(0))
                .hasMessageContaining("they differ in seed");
    }

    @Test
    void refusesShardsOfTheSameExperimentOnAnotherTrace() {
        List<Path> a = shards(spec(), false, 2, "a");
        Path other = dir.resolve("other");
        ShardRun.run(runner(), spec(), false, "sha256:0123", new Shard(1, 2), other, done -> { }).write();

        assertThatThrownBy(() -> ShardMerge.read(List.of(a.get(0), other)))
                .hasMessageContaining("they differ in traceDigest");
    }

    @Test
    void refusesAMissingShardNamingIt() {
        List<Path> dirs = shards(spec(), false, 4, "s");

        assertThatThrownBy(() -> ShardMerge.read(List.of(dirs.get(0), dirs.get(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("missing shards 1/4, 3/4 of experiment sha256:")
                .hasMessageContaining("found 2 of 4");
    }

    @Test
    void refusesAShardGivenTwice() throws IOException {
        List<Path> dirs = shards(spec(), false, 2, "s");
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String name : List.of(ShardFolder.MANIFEST, "samplings.csv")) {
            Files.copy(dirs.get(1).resolve(name), copy.resolve(name));
        }

        assertThatThrownBy(() -> ShardMerge.read(List.of(dirs.get(0), dirs.get(1), copy)))
                .hasMessage("shard 1/2 is given twice: " + dirs.get(1) + " and " + copy);
    }

    @Test
    void refusesShardsOfOneExperimentSplitTwoWays() {
        List<Path> two = shards(spec(), false, 2, "two");
        List<Path> three = shards(spec(), false, 3, "three");

        assertThatThrownBy(() -> ShardMerge.read(List.of(two.get(0), three.get(1))))
                .hasMessageContaining("the experiment was split in 2 and in 3 shards");
    }

    @Test
    void refusesAnUnfinishedShardWithoutItsManifest() throws IOException {
        List<Path> dirs = shards(spec(), false, 2, "s");
        Files.delete(dirs.get(1).resolve(ShardFolder.MANIFEST));

        assertThatThrownBy(() -> ShardMerge.read(dirs))
                .hasMessage(dirs.get(1) + ": not a finished shard (no shard.json; a shard writes it last)");
    }

    @Test
    void refusesAManifestThatIsNotJsonOrLacksAValueOrWasEdited() throws IOException {
        List<Path> dirs = shards(spec(), false, 2, "s");
        Path manifest = dirs.get(0).resolve(ShardFolder.MANIFEST);
        String json = Files.readString(manifest);

        Files.writeString(manifest, "{\"format\": 1, ");
        assertThatThrownBy(() -> ShardMerge.read(dirs)).hasMessageStartingWith(manifest + ": not a valid shard manifest:");

        Files.writeString(manifest, json.replaceFirst("\"shardCount\" : 2,", ""));
        assertThatThrownBy(() -> ShardMerge.read(dirs)).hasMessageContaining(manifest + ": not a valid shard manifest:")
                .hasMessageContaining("shardCount");

        Files.writeString(manifest, json.replace("\"seed\" : 42", "\"seed\" : 41"));
        assertThatThrownBy(() -> ShardMerge.read(dirs))
                .hasMessageContaining("is not the fingerprint of the experiment it describes");
    }

    @Test
    void refusesARowThatIsNotTheUnitExpectedAtItsPlaceNamingFileAndLine() throws IOException {
        List<Path> dirs = shards(spec(), false, 2, "s");
        Path csv = dirs.get(1).resolve("samplings.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String third = lines.get(3);
        lines.set(3, lines.get(4));
        lines.set(4, third);
        Files.write(csv, lines);

        assertThatThrownBy(() -> ShardMerge.read(dirs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(csv + " line 4: expected the unit (configuration 1, policy first-remote-efpo, "
                        + "sampling 0), but found");
    }

    @Test
    void refusesAMalformedOrTruncatedRunFile() throws IOException {
        List<Path> dirs = shards(spec(), false, 2, "s");
        Path csv = dirs.get(0).resolve("samplings.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));

        Files.write(csv, List.of(lines.get(0), lines.get(1).replaceFirst(",-1,", ",x,")));
        assertThatThrownBy(() -> ShardMerge.read(dirs)).hasMessage(csv + " line 2: execution: expected an integer, but was 'x'");

        Files.write(csv, lines.subList(0, lines.size() - 1));
        assertThatThrownBy(() -> ShardMerge.read(dirs)).hasMessageContaining(csv + ": shard 0/2 holds 15 samplings of "
                + "this run, but the file has 14 rows");
    }

    @Test
    void refusesAFolderThatHoldsNoShard() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> ShardMerge.read(List.of(empty)))
                .hasMessage(empty + ": not a shard folder (no shard.json) and holds no shard folders");
        assertThatThrownBy(() -> ShardMerge.read(List.of(dir.resolve("nowhere"))))
                .hasMessage(dir.resolve("nowhere") + ": no such folder");
    }

    @ParameterizedTest
    @EnumSource(FailureMode.class)
    void theRandomPolicysStreamFollowsItsNameNotItsPlaceInThePolicyList(FailureMode mode) {
        ExperimentRunner runner = new ExperimentRunner(io.edgeoff.decision.Policies.registry(),
                Fixtures.uniform(Fixtures.randomSeries(4, 300)), io.edgeoff.decision.placement.PlacementRules.ofDefaults());
        ExperimentSpec first = ExperimentSpec.of(Fixtures.seedScenario(), List.of(1), List.of("random", "local"), 3, 8, 7)
                .toBuilder().failureMode(mode).build();
        ExperimentSpec second = first.toBuilder().policies(List.of("local", "random")).build();

        var a = runner.run(first).samplings().stream().filter(m -> m.policy().equals("random")).toList();
        var b = runner.run(second).samplings().stream().filter(m -> m.policy().equals("random")).toList();

        assertThat(b).isEqualTo(a);
    }
}
