package io.edgeoff.simulator.run;

import io.edgeoff.simulator.metrics.MetricsSummary;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import java.util.List;
import java.util.Objects;

/**
 * All samplings of an experiment, ordered by configuration, policy and sampling (the spec's order).
 *
 * @param spec         what was run
 * @param siteIds      site ids in scenario order
 * @param samplings    one entry per (configuration, policy, sampling)
 * @param traceSource  where failure histories came from
 */
public record ExperimentResult(ExperimentSpec spec, List<String> siteIds, List<SamplingMetrics> samplings,
                               String traceSource) {
    public ExperimentResult {
        Objects.requireNonNull(spec, "spec");
        siteIds = List.copyOf(siteIds);
        samplings = List.copyOf(samplings);
    }

    /** Summary of {@code policy} over all configurations. */
    public MetricsSummary summary(String policy) {
        return MetricsSummary.of(siteIds, samplings.stream().filter(m -> m.policy().equals(policy)).toList());
    }

    /** Summary of {@code policy} on one configuration. */
    public MetricsSummary summary(String policy, int configuration) {
        return MetricsSummary.of(siteIds, samplings.stream()
                .filter(m -> m.policy().equals(policy) && m.configuration() == configuration).toList());
    }

    /** @return total tasks simulated */
    public long tasks() {
        return samplings.stream().mapToLong(SamplingMetrics::tasks).sum();
    }

    /** @return total application executions simulated */
    public long executions() {
        return samplings.stream().mapToLong(SamplingMetrics::executions).sum();
    }
}
