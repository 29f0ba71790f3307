package io.edgeoff.common.cost;

/**
 * The seed's reward {@code r = w_t * s(T) + w_e * s(E)} with {@code s(x) = 1 / (1 + e^x)} and
 * {@code s(0) = 0}. Saturates: {@code s(T)} is about 0 for T &gt; 10 s.
 */
public record SeedReward(CostWeights weights) {

    /** The seed's sigmoid, with the seed's special case {@code s(0) = 0}. */
    public static double sigmoid(double x) {
        if (x == 0) {
            return 0;
        }
        return 1.0 / (1.0 + Math.exp(x));
    }

    /** @return reward of a task taking {@code timeSeconds} and {@code energyJoules} */
    public double reward(double timeSeconds, double energyJoules) {
        return weights.time() * sigmoid(timeSeconds) + weights.energy() * sigmoid(energyJoules);
    }

    public double reward(TaskCost cost) {
        return reward(cost.timeSeconds(), cost.energyJoules());
    }
}
