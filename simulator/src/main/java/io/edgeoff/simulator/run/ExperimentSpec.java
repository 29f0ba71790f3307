package io.edgeoff.simulator.run;

import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.simulator.failure.FailureMode;
import java.util.List;
import java.util.Objects;

/**
 * One simulation experiment.
 *
 * @param scenario         sites, links, applications, workload, configurations
 * @param configurations   configuration ids to run (each must exist in the scenario)
 * @param policies         policy names, in report order
 * @param samplings        samplings per configuration and policy, &gt;= 1
 * @param executions       application executions per sampling, &gt;= 1
 * @param seed             run seed; every random stream is derived from it
 * @param failureMode      {@code seed} or {@code time}
 * @param timeCompression  trace seconds per simulated second in {@code time} mode, &gt; 0 (86 400: one trace day per second)
 * @param predictor        predictor whose forecast is the outlook's predicted availability (seed: {@code svr})
 * @param downPredictor    walk-forward predictor whose forecast gives the outlook's down probability
 *                         ({@code 1 - forecast}; default {@value #DEFAULT_DOWN_PREDICTOR})
 * @param weights          time and energy weights handed to the policies
 * @param threads          worker threads, &gt;= 1
 * @param devices          devices sharing the sites, &gt;= 1; with more than one, remote sites have per-site cores and
 *                         FIFO queues (contention), which needs the {@code time} failure mode (one shared clock)
 */
public record ExperimentSpec(Scenario scenario, List<Integer> configurations, List<String> policies, int samplings,
                             int executions, long seed, FailureMode failureMode, double timeCompression,
                             String predictor, String downPredictor, CostWeights weights, int threads, int devices) {
    /** Default time compression: one trace day per simulated second. */
    public static final double DEFAULT_TIME_COMPRESSION = 86_400.0;
    /** Default predictor of the seed's engines. */
    public static final String DEFAULT_PREDICTOR = "svr";
    /** Default walk-forward predictor of the down probability. */
    public static final String DEFAULT_DOWN_PREDICTOR = "markov";

    public ExperimentSpec {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(failureMode, "failureMode");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(downPredictor, "downPredictor");
        Objects.requireNonNull(weights, "weights");
        configurations = List.copyOf(configurations);
        policies = List.copyOf(policies);
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("at least one configuration is needed");
        }
        for (int id : configurations) {
            scenario.configuration(id);
        }
        if (configurations.stream().distinct().count() != configurations.size()) {
            throw new IllegalArgumentException("configurations must not repeat, but were " + configurations);
        }
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy is needed");
        }
        if (policies.stream().distinct().count() != policies.size()) {
            throw new IllegalArgumentException("policies must not repeat, but were " + policies);
        }
        if (samplings < 1) {
            throw new IllegalArgumentException("samplings must be >= 1, but was " + samplings);
        }
        if (executions < 1) {
            throw new IllegalArgumentException("executions must be >= 1, but was " + executions);
        }
        if (!(timeCompression > 0) || !Double.isFinite(timeCompression)) {
            throw new IllegalArgumentException("time compression must be > 0, but was " + timeCompression);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
        }
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be >= 1, but was " + devices);
        }
        if (devices > 1 && failureMode != FailureMode.TIME) {
            throw new IllegalArgumentException("several devices (" + devices + ") share sites only in the time failure "
                    + "mode: the seed mode's one trace day per epoch has no common clock");
        }
    }

    /** A spec with the scenario's weights, the {@code svr} predictor, seed failure mode and all cores. */
    public static ExperimentSpec of(Scenario scenario, List<Integer> configurations, List<String> policies,
                                    int samplings, int executions, long seed) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, FailureMode.SEED,
                DEFAULT_TIME_COMPRESSION, DEFAULT_PREDICTOR, DEFAULT_DOWN_PREDICTOR, scenario.costWeights(),
                Runtime.getRuntime().availableProcessors(), 1);
    }

    public ExperimentSpec withFailureMode(FailureMode mode) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, mode,
                timeCompression, predictor, downPredictor, weights, threads, devices);
    }

    public ExperimentSpec withWeights(CostWeights newWeights) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, failureMode,
                timeCompression, predictor, downPredictor, newWeights, threads, devices);
    }

    public ExperimentSpec withThreads(int newThreads) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, failureMode,
                timeCompression, predictor, downPredictor, weights, newThreads, devices);
    }

    public ExperimentSpec withSeed(long newSeed) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, newSeed, failureMode,
                timeCompression, predictor, downPredictor, weights, threads, devices);
    }

    public ExperimentSpec withPredictor(String newPredictor) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, failureMode,
                timeCompression, newPredictor, downPredictor, weights, threads, devices);
    }

    public ExperimentSpec withDownPredictor(String newDownPredictor) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, failureMode,
                timeCompression, predictor, newDownPredictor, weights, threads, devices);
    }

    public ExperimentSpec withDevices(int newDevices) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, failureMode,
                timeCompression, predictor, downPredictor, weights, threads, newDevices);
    }

    public ExperimentSpec withTimeCompression(double compression) {
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, failureMode,
                compression, predictor, downPredictor, weights, threads, devices);
    }
}
