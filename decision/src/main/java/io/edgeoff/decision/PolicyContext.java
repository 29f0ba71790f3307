package io.edgeoff.decision;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.CostWeights;
import java.util.Objects;

/**
 * What a policy is created with: the cost model of the run (sites, resolved network, device power,
 * failure-detection time), the weights of time and energy, and the seed of any random choice.
 *
 * @param costModel cost model of the run (the network is resolved once per configuration)
 * @param weights   weights of time and energy (seed: 0.5 / 0.5)
 * @param seed      seed of the policy's own random source (only {@code random} uses it)
 */
public record PolicyContext(CostModel costModel, CostWeights weights, long seed) {
    public PolicyContext {
        Objects.requireNonNull(costModel, "costModel");
        Objects.requireNonNull(weights, "weights");
    }

    /** A context with the seed's weights (0.5, 0.5). */
    public static PolicyContext of(CostModel costModel, long seed) {
        return new PolicyContext(costModel, CostWeights.seed(), seed);
    }
}
