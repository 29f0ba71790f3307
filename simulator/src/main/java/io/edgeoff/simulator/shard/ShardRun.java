package io.edgeoff.simulator.shard;

import io.edgeoff.simulator.metrics.FleetBreakdown;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/** Runs one shard of an experiment ({@code edgeoff simulate --shard I/N}). */
public final class ShardRun {
    private ShardRun() {
    }

    /**
     * Runs the units of {@code shard} (over every run of the experiment, the weight sweep's too) and returns its
     * folder's content; {@link ShardFolder#write()} writes it. For a scenario with devices, cells or mobility the
     * folder also holds run 0's units per device and per cell, from which the merge writes {@code devices.csv} and
     * {@code cells.csv}.
     *
     * @param runner      runs the units; its trace is the experiment's
     * @param spec        the experiment (the same in every shard)
     * @param weightSweep whether the experiment includes the weight sweep
     * @param traceDigest the trace's content ({@link io.edgeoff.simulator.availability.TraceSources#digest})
     * @param dir         the shard's folder
     * @param progress    called with the number of this shard's units finished so far
     */
    public static ShardFolder run(ExperimentRunner runner, ExperimentSpec spec, boolean weightSweep, String traceDigest,
                                  Shard shard, Path dir, LongConsumer progress) {
        ShardManifest.Experiment experiment = ShardManifest.Experiment.of(spec, weightSweep, runner.traceSource(),
                traceDigest);
        ExperimentUnits units = ExperimentUnits.of(spec, weightSweep);
        boolean fleet = !spec.scenario().fleet().isNone();
        List<List<SamplingMetrics>> runs = new ArrayList<>();
        List<FleetBreakdown> breakdowns = List.of();
        AtomicLong before = new AtomicLong();
        for (int run = 0; run < units.runs().size(); run++) {
            long first = (long) run * units.perRun();
            long already = before.get();
            ExperimentRunner.Units done = runner.runUnitsDetailed(units.runs().get(run),
                    unit -> shard.contains(first + unit), finished -> progress.accept(already + finished));
            before.addAndGet(done.metrics().size());
            runs.add(done.metrics());
            if (run == 0 && fleet) {
                breakdowns = done.breakdowns();
            }
        }
        return new ShardFolder(dir, ShardManifest.of(experiment, shard), runs, breakdowns);
    }
}
