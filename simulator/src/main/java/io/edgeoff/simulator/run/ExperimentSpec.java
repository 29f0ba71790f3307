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
 *                         FIFO queues (contention), which needs the {@code time} failure mode (one shared clock);
 *                         must be 1 when the scenario declares its own devices ({@code devices:}), which then apply
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
        int declared = scenario.fleet().devices().size();
        if (declared > 0 && devices > 1) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " declares its devices (" + declared
                    + "); --devices " + devices + " applies only to a scenario without a devices: section");
        }
        if (declared > 1 && failureMode != FailureMode.TIME) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " has " + declared + " devices, which "
                    + "share sites only in the time failure mode (--failure-mode time): the seed mode's one trace day "
                    + "per epoch has no common clock");
        }
        if (devices > 1 && failureMode != FailureMode.TIME) {
            throw new IllegalArgumentException("several devices (" + devices + ") share sites only in the time failure "
                    + "mode: the seed mode's one trace day per epoch has no common clock");
        }
    }

    /**
     * A spec with the scenario's weights, the {@code svr} predictor and all cores; the seed failure mode, or the time
     * mode for a scenario that declares several devices (they need its common clock).
     */
    public static ExperimentSpec of(Scenario scenario, List<Integer> configurations, List<String> policies,
                                    int samplings, int executions, long seed) {
        FailureMode mode = scenario.fleet().devices().size() > 1 ? FailureMode.TIME : FailureMode.SEED;
        return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, mode,
                DEFAULT_TIME_COMPRESSION, DEFAULT_PREDICTOR, DEFAULT_DOWN_PREDICTOR, scenario.costWeights(),
                Runtime.getRuntime().availableProcessors(), 1);
    }

    /** @return the devices that run: the scenario's {@code devices:}, or else {@link #devices()} copies of its device */
    public int deviceCount() {
        return scenario.fleet().devices().isEmpty() ? devices : scenario.fleet().devices().size();
    }

    /** @return a builder holding this spec's values, to change some and {@link Builder#build()} a new spec */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Copies a spec with some values changed. {@link #build()} runs the record's validation, so the values
     * may pass through invalid combinations on the way (e.g. devices before the failure mode). Not thread-safe.
     */
    public static final class Builder {
        private final Scenario scenario;
        private List<Integer> configurations;
        private List<String> policies;
        private int samplings;
        private int executions;
        private long seed;
        private FailureMode failureMode;
        private double timeCompression;
        private String predictor;
        private String downPredictor;
        private CostWeights weights;
        private int threads;
        private int devices;

        private Builder(ExperimentSpec spec) {
            this.scenario = spec.scenario;
            this.configurations = spec.configurations;
            this.policies = spec.policies;
            this.samplings = spec.samplings;
            this.executions = spec.executions;
            this.seed = spec.seed;
            this.failureMode = spec.failureMode;
            this.timeCompression = spec.timeCompression;
            this.predictor = spec.predictor;
            this.downPredictor = spec.downPredictor;
            this.weights = spec.weights;
            this.threads = spec.threads;
            this.devices = spec.devices;
        }

        public Builder configurations(List<Integer> configurations) {
            this.configurations = configurations;
            return this;
        }

        public Builder policies(List<String> policies) {
            this.policies = policies;
            return this;
        }

        public Builder samplings(int samplings) {
            this.samplings = samplings;
            return this;
        }

        public Builder executions(int executions) {
            this.executions = executions;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder failureMode(FailureMode failureMode) {
            this.failureMode = failureMode;
            return this;
        }

        public Builder timeCompression(double timeCompression) {
            this.timeCompression = timeCompression;
            return this;
        }

        public Builder predictor(String predictor) {
            this.predictor = predictor;
            return this;
        }

        public Builder downPredictor(String downPredictor) {
            this.downPredictor = downPredictor;
            return this;
        }

        public Builder weights(CostWeights weights) {
            this.weights = weights;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder devices(int devices) {
            this.devices = devices;
            return this;
        }

        /** @return the spec, validated as the record's constructor validates every spec */
        public ExperimentSpec build() {
            return new ExperimentSpec(scenario, configurations, policies, samplings, executions, seed, failureMode,
                    timeCompression, predictor, downPredictor, weights, threads, devices);
        }
    }
}
