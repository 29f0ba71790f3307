package io.edgeoff.simulator.shard;

import io.edgeoff.simulator.metrics.FleetBreakdown;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.report.ReportWriter;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentSpec;
import io.edgeoff.simulator.run.FleetResult;
import io.edgeoff.simulator.run.WeightSweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Combines the shards of one experiment into the unsharded run's results ({@code edgeoff results merge}): the units of
 * every shard are put back in unit order and handed to the same report writers a single run uses, so every file is the
 * same, byte for byte ({@code devices.csv} and {@code cells.csv} of a scenario with devices, cells or mobility too).
 *
 * @param result the experiment's result (run 0)
 * @param fleet  run 0 with its units' results per device and per cell, for a scenario with devices, cells or mobility
 * @param sweep  the weight sweep, when the experiment had one
 * @param shards the shards merged, by index
 */
public record ShardMerge(ExperimentResult result, Optional<FleetResult> fleet, Optional<WeightSweep.Result> sweep,
                         List<ShardFolder> shards) {
    public ShardMerge {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(sweep, "sweep");
        shards = List.copyOf(shards);
    }

    /**
     * Reads and merges shard folders. Each of {@code dirs} is a shard folder or a folder whose sub-folders are the
     * shards (e.g. the shared volume of a Kubernetes sweep).
     *
     * @throws IllegalArgumentException naming the folder or file when a folder is no shard or is malformed, when the
     *                                  shards belong to different experiments (and in what they differ), when a shard
     *                                  is given twice or one is missing
     */
    public static ShardMerge read(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no shard folders given");
        }
        List<ShardFolder> shards = new ArrayList<>();
        for (Path dir : shardDirs(dirs)) {
            shards.add(ShardFolder.read(dir));
        }
        ShardFolder first = shards.get(0);
        TreeMap<Integer, ShardFolder> byIndex = new TreeMap<>();
        for (ShardFolder shard : shards) {
            sameExperiment(first, shard);
            ShardFolder twin = byIndex.put(shard.manifest().shardIndex(), shard);
            if (twin != null) {
                throw new IllegalArgumentException("shard " + shard.manifest().shard() + " is given twice: "
                        + twin.dir() + " and " + shard.dir());
            }
        }
        int count = first.manifest().shardCount();
        List<String> missing = IntStream.range(0, count).filter(i -> !byIndex.containsKey(i))
                .mapToObj(i -> i + "/" + count).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing shard" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " of experiment " + first.manifest().fingerprint() + " (found "
                    + byIndex.size() + " of " + count + ")");
        }
        return assemble(first.manifest().experiment(), List.copyOf(byIndex.values()));
    }

    /** Writes every file an unsharded {@code edgeoff simulate --out dir} writes ({@code html}: report.html and charts). */
    public void write(Path dir, boolean html) {
        fleet.ifPresentOrElse(f -> ReportWriter.write(dir, f, html), () -> ReportWriter.write(dir, result, html));
        sweep.ifPresent(s -> WeightSweep.write(dir, s, html));
    }

    private static List<Path> shardDirs(List<Path> dirs) {
        List<Path> result = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + ": no such folder");
            }
            if (ShardFolder.isShard(dir)) {
                result.add(dir);
                continue;
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted().collect(Collectors.toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
            }
            List<Path> children = entries.stream().filter(Files::isDirectory).toList();
            if (children.isEmpty() && !entries.isEmpty()) {
                ShardFolder.read(dir); // names what is missing: a folder with files but no manifest is an unfinished shard
            }
            if (children.isEmpty()) {
                throw new IllegalArgumentException(dir + ": not a shard folder (no " + ShardFolder.MANIFEST
                        + ") and holds no shard folders");
            }
            result.addAll(children);
        }
        return result;
    }

    private static void sameExperiment(ShardFolder first, ShardFolder other) {
        ShardManifest a = first.manifest();
        ShardManifest b = other.manifest();
        if (!a.fingerprint().equals(b.fingerprint())) {
            String differs = a.experiment().firstDifference(b.experiment()).orElse("the experiment");
            throw new IllegalArgumentException(other.dir() + " is a shard of another experiment than " + first.dir()
                    + " (they differ in " + differs + "; fingerprints " + b.fingerprint() + " and " + a.fingerprint()
                    + ")");
        }
        if (a.shardCount() != b.shardCount()) {
            throw new IllegalArgumentException(other.dir() + " is shard " + b.shard() + ", but " + first.dir()
                    + " is shard " + a.shard() + ": the experiment was split in " + a.shardCount() + " and in "
                    + b.shardCount() + " shards");
        }
    }

    private static ShardMerge assemble(ShardManifest.Experiment experiment, List<ShardFolder> shards) {
        ExperimentSpec spec = experiment.toSpec(1, "experiment " + shards.get(0).manifest().fingerprint());
        ExperimentUnits units = ExperimentUnits.of(spec, experiment.weightSweep());
        List<ExperimentResult> results = new ArrayList<>();
        FleetBreakdown[] breakdowns = new FleetBreakdown[units.perRun()];
        for (int run = 0; run < units.runs().size(); run++) {
            SamplingMetrics[] merged = new SamplingMetrics[units.perRun()];
            int count = shards.size();
            for (ShardFolder shard : shards) {
                List<SamplingMetrics> mine = shard.runs().get(run);
                int offset = Math.floorMod(shard.manifest().shardIndex() - (long) run * units.perRun(), count);
                for (int i = 0; i < mine.size(); i++) {
                    merged[offset + i * count] = mine.get(i);
                    if (run == 0 && !shard.breakdowns().isEmpty()) {
                        breakdowns[offset + i * count] = shard.breakdowns().get(i);
                    }
                }
            }
            results.add(new ExperimentResult(units.runs().get(run), experiment.siteIds(), Arrays.asList(merged),
                    experiment.trace()));
        }
        Optional<WeightSweep.Result> sweep = experiment.weightSweep()
                ? Optional.of(WeightSweep.of(spec, results.subList(1, results.size()))) : Optional.empty();
        Optional<FleetResult> fleet = spec.scenario().fleet().isNone() ? Optional.empty()
                : Optional.of(new FleetResult(results.get(0), Arrays.asList(breakdowns)));
        return new ShardMerge(results.get(0), fleet, sweep, shards);
    }
}
