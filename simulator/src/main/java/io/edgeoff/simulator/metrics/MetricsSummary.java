package io.edgeoff.simulator.metrics;

import io.edgeoff.common.stats.MeanInterval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Mean and 95 % CI of every metric over a set of samplings (one policy, one or all configurations); with a single
 * sampling the intervals are undefined ({@link MeanInterval#hasHalfWidth()}).
 *
 * @param samplings            number of samplings summarised
 * @param responseTimeSeconds  response time per sampling, s
 * @param energyJoules         device energy per sampling, J
 * @param batteryPercent       battery left per sampling, %
 * @param failures             failed offloading attempts per sampling
 * @param serviceAvailability  successful / attempted offloads per sampling, %
 * @param tasksPerSite         site id to tasks completed there per sampling
 * @param failuresPerSite      site id to failed attempts there per sampling
 */
public record MetricsSummary(int samplings, MeanInterval responseTimeSeconds, MeanInterval energyJoules,
                             MeanInterval batteryPercent, MeanInterval failures, MeanInterval serviceAvailability,
                             Map<String, MeanInterval> tasksPerSite, Map<String, MeanInterval> failuresPerSite) {
    public MetricsSummary {
        tasksPerSite = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tasksPerSite));
        failuresPerSite = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failuresPerSite));
    }

    /**
     * @param siteIds   site ids in scenario order (names the per-site entries)
     * @param samplings at least one sampling
     */
    public static MetricsSummary of(List<String> siteIds, List<SamplingMetrics> samplings) {
        if (samplings.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one sampling");
        }
        Map<String, MeanInterval> tasks = new LinkedHashMap<>();
        Map<String, MeanInterval> failures = new LinkedHashMap<>();
        for (int s = 0; s < siteIds.size(); s++) {
            int site = s;
            tasks.put(siteIds.get(s), stat(samplings, m -> m.tasksOn(site)));
            failures.put(siteIds.get(s), stat(samplings, m -> m.failuresOn(site)));
        }
        return new MetricsSummary(samplings.size(),
                stat(samplings, SamplingMetrics::responseTimeSeconds),
                stat(samplings, SamplingMetrics::energyJoules),
                stat(samplings, SamplingMetrics::batteryPercent),
                stat(samplings, m -> m.failures()),
                stat(samplings, SamplingMetrics::serviceAvailability),
                tasks, failures);
    }

    private static MeanInterval stat(List<SamplingMetrics> samplings, ToDoubleFunction<SamplingMetrics> metric) {
        double[] values = new double[samplings.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = metric.applyAsDouble(samplings.get(i));
        }
        return MeanInterval.of(values);
    }
}
