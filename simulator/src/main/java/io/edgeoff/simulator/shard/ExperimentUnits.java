package io.edgeoff.simulator.shard;

import io.edgeoff.simulator.run.ExperimentSpec;
import io.edgeoff.simulator.run.WeightSweep;
import java.util.ArrayList;
import java.util.List;

/**
 * The units of an experiment, numbered. A run is the experiment at one set of weights: run 0 the spec's own, and
 * with a weight sweep runs 1 to 11 at {@code w_t = 0, 0.1, ..., 1} ({@link WeightSweep}). Within a run, units go
 * by configuration, then policy, then sampling (the order of {@code samplings.csv}); unit number
 * {@code run * unitsPerRun + (c * policies + p) * samplings + s}.
 *
 * @param runs the experiment's runs, run 0 first
 */
public record ExperimentUnits(List<ExperimentSpec> runs) {

    /** One unit's identity: which run, configuration, policy and sampling. */
    public record Unit(int run, int configuration, String policy, int sampling) {
        @Override
        public String toString() {
            return (run == 0 ? "" : "sweep step " + (run - 1) + ", ") + "configuration " + configuration + ", policy "
                    + policy + ", sampling " + sampling;
        }
    }

    public ExperimentUnits {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an experiment has at least one run");
        }
    }

    /** @return the units of {@code spec}, with the 11 runs of the weight sweep when {@code weightSweep} */
    public static ExperimentUnits of(ExperimentSpec spec, boolean weightSweep) {
        List<ExperimentSpec> runs = new ArrayList<>(List.of(spec));
        if (weightSweep) {
            for (int step = 0; step <= WeightSweep.STEPS; step++) {
                runs.add(WeightSweep.atStep(spec, step));
            }
        }
        return new ExperimentUnits(runs);
    }

    /** @return units in one run: configurations x policies x samplings */
    public int perRun() {
        ExperimentSpec spec = runs.get(0);
        return spec.configurations().size() * spec.policies().size() * spec.samplings();
    }

    /** @return units in the whole experiment */
    public long total() {
        return (long) perRun() * runs.size();
    }

    /** @return the identity of unit number {@code unit} */
    public Unit unit(long unit) {
        if (unit < 0 || unit >= total()) {
            throw new IllegalArgumentException("unit must be in [0," + (total() - 1) + "], but was " + unit);
        }
        ExperimentSpec spec = runs.get(0);
        int run = (int) (unit / perRun());
        int u = (int) (unit % perRun());
        int perConfig = spec.policies().size() * spec.samplings();
        return new Unit(run, spec.configurations().get(u / perConfig),
                spec.policies().get((u % perConfig) / spec.samplings()), u % spec.samplings());
    }

    /** @return the units of {@code shard} in run {@code run}, in unit order */
    public List<Unit> unitsOf(Shard shard, int run) {
        List<Unit> units = new ArrayList<>();
        long first = (long) run * perRun();
        long start = first + Math.floorMod(shard.index() - first, (long) shard.count());
        for (long g = start; g < first + perRun(); g += shard.count()) {
            units.add(unit(g));
        }
        return units;
    }
}
