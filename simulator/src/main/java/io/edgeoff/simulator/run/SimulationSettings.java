package io.edgeoff.simulator.run;

import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.scenario.ExperimentConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.simulator.failure.FailureMode;
import java.util.List;

/**
 * What {@code edgeoff simulate} was asked for, before it is checked against the scenario: {@link #toSpec} validates
 * every value (messages name the flag) and builds the {@link ExperimentSpec}.
 *
 * @param configurations  configuration ids, or null for all of the scenario's
 * @param samplings       samplings per configuration and policy, >= 1
 * @param executions      application executions per sampling, >= 1
 * @param seed            the run's seed
 * @param failureMode     {@code seed} or {@code time}
 * @param timeCompression time mode: trace seconds per simulated second, > 0
 * @param predictor       predictor of the outlook's predicted availability
 * @param downPredictor   walk-forward predictor of the outlook's down probability
 * @param timeWeight      weight of time in [0,1] (energy gets the rest), or null for the scenario's weights
 * @param devices         devices sharing the sites, >= 1 (more than one needs the time mode)
 * @param threads         worker threads, or null for every core
 */
public record SimulationSettings(List<Integer> configurations, int samplings, int executions, long seed,
                                 String failureMode, double timeCompression, String predictor, String downPredictor,
                                 Double timeWeight, int devices, Integer threads) {

    /** @throws IllegalArgumentException naming the flag of the first value that is out of range */
    public ExperimentSpec toSpec(Scenario scenario, List<String> policyNames) {
        List<Integer> ids = configurations == null
                ? scenario.configurations().stream().map(ExperimentConfig::id).toList() : configurations;
        for (int id : ids) {
            if (scenario.configurations().stream().noneMatch(c -> c.id() == id)) {
                throw new IllegalArgumentException("--configs: configuration " + id + " is not in scenario "
                        + scenario.name() + "; known: " + scenario.configurations().stream().map(ExperimentConfig::id).toList());
            }
        }
        CostWeights weights = timeWeight == null ? scenario.costWeights() : weights(timeWeight);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, but was " + threadCount);
        }
        if (samplings < 1) {
            throw new IllegalArgumentException("--samplings must be >= 1, but was " + samplings);
        }
        if (executions < 1) {
            throw new IllegalArgumentException("--executions must be >= 1, but was " + executions);
        }
        if (!(timeCompression > 0) || !Double.isFinite(timeCompression)) {
            throw new IllegalArgumentException("--time-compression must be > 0, but was " + timeCompression);
        }
        if (devices < 1) {
            throw new IllegalArgumentException("--devices must be >= 1, but was " + devices);
        }
        FailureMode mode = FailureMode.parse(failureMode);
        if (devices > 1 && mode != FailureMode.TIME) {
            throw new IllegalArgumentException("--devices " + devices + " needs --failure-mode time (several devices "
                    + "share one clock; the seed mode advances one trace day per epoch of one device)");
        }
        return ExperimentSpec.of(scenario, ids, policyNames, samplings, executions, seed).toBuilder()
                .failureMode(mode).timeCompression(timeCompression).predictor(predictor).downPredictor(downPredictor)
                .weights(weights).threads(threadCount).devices(devices).build();
    }

    private static CostWeights weights(double timeWeight) {
        if (!(timeWeight >= 0 && timeWeight <= 1)) {
            throw new IllegalArgumentException("--time-weight must be in [0,1], but was " + timeWeight);
        }
        return CostWeights.ofTime(timeWeight);
    }
}
