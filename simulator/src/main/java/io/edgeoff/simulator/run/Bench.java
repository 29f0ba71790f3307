package io.edgeoff.simulator.run;

import io.edgeoff.common.app.Application;
import io.edgeoff.simulator.availability.AvailabilitySource;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the simulator on one thread: samplings of one policy on one configuration, run back to back
 * after a warm-up, timed with {@link System#nanoTime()} (a measurement, not simulation logic).
 */
public final class Bench {

    /**
     * @param policy        policy name
     * @param executions    application executions simulated in the measured part
     * @param tasks         tasks simulated in the measured part
     * @param seconds       wall time of the measured part, s
     */
    public record Measurement(String policy, long executions, long tasks, double seconds) {
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
     * the first configuration of {@code spec}, for each policy, on the calling thread.
     */
    public static List<Measurement> run(PolicyProvider policies, AvailabilitySource availability, ExperimentSpec spec,
                                        int warmupSamplings, int samplings) {
        ExperimentRunner runner = new ExperimentRunner(policies, availability);
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
                runner.runSampling(spec, setup, plans, policy, p, s);
            }
            long executions = 0;
            long tasks = 0;
            long start = System.nanoTime();
            for (int s = 0; s < samplings; s++) {
                SamplingMetrics m = runner.runSampling(spec, setup, plans, policy, p, warmupSamplings + s);
                executions += m.executions();
                tasks += m.tasks();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            measurements.add(new Measurement(policy, executions, tasks, seconds));
        }
        return measurements;
    }
}
