package io.edgeoff.simulator.run;

import io.edgeoff.common.app.Application;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.simulator.availability.AvailabilitySource;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the simulator on one thread: samplings of one policy on one configuration, run back to back
 * after a warm-up, in several timed rounds (the median round is reported, since a shared machine and the JIT
 * make single rounds noisy); timed with {@link System#nanoTime()} (a measurement, not simulation logic).
 */
public final class Bench {

    /**
     * @param policy        policy name
     * @param executions    application executions simulated in the measured part
     * @param tasks         tasks simulated in the measured part
     * @param seconds       wall time of the measured part (the median round), s
     * @param bestSeconds   wall time of the fastest round, s
     */
    public record Measurement(String policy, long executions, long tasks, double seconds, double bestSeconds) {
        public double bestTasksPerSecond() {
            return tasks / bestSeconds;
        }

        public double tasksPerSecond() {
            return tasks / seconds;
        }

        public double executionsPerSecond() {
            return executions / seconds;
        }
    }

    private Bench() {
    }

    /**
     * Runs {@code warmupSamplings} then {@code samplings} samplings of {@code spec.executions()} executions of
     * the first configuration of {@code spec}, {@code rounds} times, for each policy, on the calling thread.
     */
    public static List<Measurement> run(PolicyRegistry policies, AvailabilitySource availability, ExperimentSpec spec,
                                        int warmupSamplings, int samplings, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, but was " + rounds);
        }
        ExperimentRunner runner = new ExperimentRunner(policies, availability, PlacementRules.ofDefaults());
        Map<String, SamplingSimulation.AppPlan> plans = new LinkedHashMap<>();
        for (Application app : spec.scenario().applications()) {
            plans.put(app.name(), SamplingSimulation.AppPlan.of(app));
        }
        ConfigurationSetup setup = ConfigurationSetup.create(spec.scenario(), spec.configurations().get(0), spec.seed(),
                availability, spec.predictor(), spec.downPredictor());
        List<Measurement> measurements = new java.util.ArrayList<>();
        for (int p = 0; p < spec.policies().size(); p++) {
            String policy = spec.policies().get(p);
            for (int s = 0; s < warmupSamplings; s++) {
                runner.runSampling(spec, setup, plans, policy, s);
            }
            long executions = 0;
            long tasks = 0;
            double[] seconds = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                executions = 0;
                tasks = 0;
                long start = System.nanoTime();
                for (int s = 0; s < samplings; s++) {
                    SamplingMetrics m = runner.runSampling(spec, setup, plans, policy, warmupSamplings + s);
                    executions += m.executions();
                    tasks += m.tasks();
                }
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
            double[] sorted = seconds.clone();
            java.util.Arrays.sort(sorted);
            measurements.add(new Measurement(policy, executions, tasks, sorted[rounds / 2], sorted[0]));
        }
        return measurements;
    }
}
