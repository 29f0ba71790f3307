package io.edgeoff.prediction;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The model half of an outlook: what the trained predictors say about the {@code k} slots that follow a history.
 * {@link PredictionEngine#outlook} adds the reliability half (MTBF, time since the last failure) at a moment.
 *
 * @param model             the availability predictor's name
 * @param from              start of the first forecast slot
 * @param slot              slot length, &gt; 0
 * @param availability      predicted availability of each slot, each in [0,1], at least one
 * @param outageProbability probability that each slot has outage time, each in [0,1], as many as availabilities
 * @param downProbability   probability that an attempt started in the first slot finds the node unavailable, in
 *                          [0,1]: {@code 1 - } the down-probability model's availability of that slot
 */
public record SlotForecast(String model, Instant from, Duration slot, double[] availability, double[] outageProbability,
                           double downProbability) {
    public SlotForecast {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(slot, "slot");
        if (slot.isNegative() || slot.isZero()) {
            throw new IllegalArgumentException("slot length must be > 0, but was " + slot);
        }
        availability = availability.clone();
        outageProbability = outageProbability.clone();
        if (availability.length == 0) {
            throw new IllegalArgumentException("a forecast needs at least one slot, but had none");
        }
        if (outageProbability.length != availability.length) {
            throw new IllegalArgumentException("one outage probability per slot is needed: " + availability.length
                    + " slots, " + outageProbability.length + " probabilities");
        }
        requireProbabilities("availability", availability);
        requireProbabilities("outage probability", outageProbability);
        if (!(downProbability >= 0 && downProbability <= 1)) {
            throw new IllegalArgumentException("down probability must be in [0,1], but was " + downProbability);
        }
    }

    /**
     * A one-slot forecast from two models' availability of that slot.
     *
     * @param availability     the availability model's value, clamped to [0,1]
     * @param downAvailability the down-probability model's value, clamped to [0,1]; the down probability is
     *                         {@code 1 - downAvailability}, the outage probability {@code 1 - availability}
     */
    public static SlotForecast ofOneSlot(String model, Instant from, Duration slot, double availability, double downAvailability) {
        double a = clamp01(availability);
        return new SlotForecast(model, from, slot, new double[] {a}, new double[] {1.0 - a}, 1.0 - clamp01(downAvailability));
    }

    /** No usable history: every slot fully available, outage and down probability 0. */
    public static SlotForecast noHistory(String model, Instant from, Duration slot, int k) {
        double[] ones = new double[k];
        java.util.Arrays.fill(ones, 1.0);
        return new SlotForecast(model, from, slot, ones, new double[k], 0.0);
    }

    private static void requireProbabilities(String what, double[] values) {
        for (double a : values) {
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException(what + " must be in [0,1], but was " + a);
            }
        }
    }

    /** @return the predicted availability of the first slot */
    public double predictedAvailability() {
        return availability[0];
    }

    @Override
    public double[] availability() {
        return availability.clone();
    }

    @Override
    public double[] outageProbability() {
        return outageProbability.clone();
    }

    /** Clamps to [0,1]; NaN becomes 1 (no evidence of failure), as {@code Predictor.clamp01}. */
    static double clamp01(double v) {
        return io.edgeoff.prediction.predictor.Predictor.clamp01(v);
    }
}
