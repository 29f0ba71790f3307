package io.edgeoff.common.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Probability of each application being the next one executed. Probabilities are in [0,1] and sum
 * to 1 within 1e-9. Iteration order is the insertion order and defines how draws map to apps.
 */
public record WorkloadMix(Map<String, Double> probabilities) {
    public static final double TOLERANCE = 1e-9;

    public WorkloadMix {
        if (probabilities.isEmpty()) {
            throw new IllegalArgumentException("workload mix must name at least one application");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            double p = e.getValue();
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(
                        "workload probability of " + e.getKey() + " must be in [0,1], but was " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - 1.0) > TOLERANCE) {
            throw new IllegalArgumentException("workload probabilities must sum to 1, but sum to " + sum);
        }
        probabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    public List<String> applicationNames() {
        return new ArrayList<>(probabilities.keySet());
    }

    /** Draws an application name with one {@code nextDouble()} (inverse CDF in insertion order). */
    public String draw(RandomGenerator random) {
        double u = random.nextDouble();
        double cumulative = 0;
        String last = null;
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            cumulative += e.getValue();
            last = e.getKey();
            if (u < cumulative) {
                return last;
            }
        }
        return last;
    }
}
