package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;

/** Persistence: the next slots are as available as the last observed one ("yesterday's value"). */
public final class LastValuePredictor implements Predictor {
    public static final String NAME = "last";

    /** Trains nothing: the model reads the history at forecast time. */
    public static Trainer trainer() {
        return Trainer.of(NAME, history -> {
            SeriesMath.requireObserved(history);
            return new LastValuePredictor(history.mean());
        });
    }

    private final double fallback;

    private LastValuePredictor(double fallback) {
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(AvailabilitySeries observed, int k) {
        for (int i = observed.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(observed.value(i))) {
                return SeriesMath.constant(observed.value(i), k);
            }
        }
        return SeriesMath.constant(fallback, k);
    }
}
