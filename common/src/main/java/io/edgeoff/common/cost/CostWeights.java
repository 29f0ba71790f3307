package io.edgeoff.common.cost;

/**
 * Weights of time and energy in rewards and costs; each in [0,1], summing to 1 within 1e-9.
 *
 * @param time    weight of response time (seed 0.5)
 * @param energy  weight of device energy (seed 0.5)
 */
public record CostWeights(double time, double energy) {
    public CostWeights {
        if (!(time >= 0 && time <= 1)) {
            throw new IllegalArgumentException("time weight must be in [0,1], but was " + time);
        }
        if (!(energy >= 0 && energy <= 1)) {
            throw new IllegalArgumentException("energy weight must be in [0,1], but was " + energy);
        }
        if (Math.abs(time + energy - 1) > 1e-9) {
            throw new IllegalArgumentException("time and energy weights must sum to 1, but sum to " + (time + energy));
        }
    }

    public static CostWeights seed() {
        return new CostWeights(0.5, 0.5);
    }

    /** Weights with the given time weight and {@code 1 - timeWeight} for energy. */
    public static CostWeights ofTime(double timeWeight) {
        return new CostWeights(timeWeight, 1 - timeWeight);
    }
}
