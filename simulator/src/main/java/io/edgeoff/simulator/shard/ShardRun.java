package io.edgeoff.simulator.shard;

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
     * folder's content; {@link ShardFolder#write()} writes it.
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
        refuseFleet(spec);
        ShardManifest.Experiment experiment = ShardManifest.Experiment.of(spec, weightSweep, runner.traceSource(),
                traceDigest);
        ExperimentUnits units = ExperimentUnits.of(spec, weightSweep);
        List<List<SamplingMetrics>> runs = new ArrayList<>();
        AtomicLong before = new AtomicLong();
        for (int run = 0; run < units.runs().size(); run++) {
            long first = (long) run * units.perRun();
            long already = before.get();
            List<SamplingMetrics> metrics = runner.runUnits(units.runs().get(run),
                    unit -> shard.contains(first + unit), done -> progress.accept(already + done));
            before.addAndGet(metrics.size());
            runs.add(metrics);
        }
        return new ShardFolder(dir, ShardManifest.of(experiment, shard), runs);
    }

    /**
     * A shard folder holds the units' metrics only, not their results per device and per cell, so the merge of a
     * scenario with {@code devices:}, {@code cells:} or {@code mobility:} could not give the unsharded run's
     * {@code devices.csv} and {@code cells.csv}: such a scenario is refused rather than merged without them.
     *
     * @throws IllegalArgumentException if the spec's scenario declares devices, cells or mobility
     */
    public static void refuseFleet(ExperimentSpec spec) {
        if (!spec.scenario().fleet().isNone()) {
            throw new IllegalArgumentException("--shard cannot run scenario " + spec.scenario().name()
                    + ", which declares devices, cells or mobility: a shard folder holds no devices.csv or cells.csv,"
                    + " so 'edgeoff results merge' could not give the unsharded run's; run it without --shard");
        }
    }
}
