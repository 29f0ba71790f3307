package io.edgeoff.simulator.bound;

import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.decision.policy.ClairvoyantPolicy;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.run.ExperimentResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far a policy's response time is from the clairvoyant bound, paired over the same samplings (same
 * configuration and sampling index: the same workload and failures, common random numbers).
 *
 * @param policy           the policy's registry name
 * @param gapSeconds       mean and 95 % interval of (policy - bound) response time per sampling, s
 * @param gapPercent       the mean gap as a share of the bound's mean response time, %
 * @param smallestSeconds  the smallest paired gap over the samplings, s (at or above 0 up to rounding: the bound holds
 *                         on every sampling)
 */
public record BoundDistance(String policy, MeanInterval gapSeconds, double gapPercent, double smallestSeconds) {
    public BoundDistance {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(gapSeconds, "gapSeconds");
    }

    /**
     * Every other policy's distance to {@code clairvoyant}, in the spec's order; empty when the bound was not run.
     */
    public static List<BoundDistance> of(ExperimentResult result) {
        List<String> policies = result.spec().policies();
        if (!policies.contains(ClairvoyantPolicy.NAME)) {
            return List.of();
        }
        Map<String, Double> bound = new HashMap<>();
        double boundSum = 0;
        for (SamplingMetrics m : result.samplings()) {
            if (m.policy().equals(ClairvoyantPolicy.NAME)) {
                bound.put(key(m), m.responseTimeSeconds());
                boundSum += m.responseTimeSeconds();
            }
        }
        double boundMean = boundSum / bound.size();
        List<BoundDistance> distances = new ArrayList<>();
        for (String policy : policies) {
            if (policy.equals(ClairvoyantPolicy.NAME)) {
                continue;
            }
            double[] gaps = result.samplings().stream().filter(m -> m.policy().equals(policy))
                    .mapToDouble(m -> m.responseTimeSeconds() - bound.get(key(m))).toArray();
            MeanInterval gap = MeanInterval.of(gaps);
            double smallest = java.util.Arrays.stream(gaps).min().orElseThrow();
            distances.add(new BoundDistance(policy, gap, 100 * gap.mean() / boundMean, smallest));
        }
        return distances;
    }

    private static String key(SamplingMetrics m) {
        return m.configuration() + "/" + m.sampling();
    }
}
