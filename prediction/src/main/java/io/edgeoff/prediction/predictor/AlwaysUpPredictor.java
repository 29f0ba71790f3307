package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;

/**
 * Reference point "always available": availability 1 and outage probability 0 for every slot. Any useful model
 * must beat it.
 */
public final class AlwaysUpPredictor implements Predictor {
    public static final String NAME = "always-up";
    private static final AlwaysUpPredictor INSTANCE = new AlwaysUpPredictor();

    private AlwaysUpPredictor() {
    }

    public static Trainer trainer() {
        return Trainer.of(NAME, history -> {
            SeriesMath.requireObserved(history);
            return INSTANCE;
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(AvailabilitySeries observed, int k) {
        return SeriesMath.constant(1.0, k);
    }

    @Override
    public double[] outageProbability(AvailabilitySeries observed, int k) {
        return SeriesMath.constant(0.0, k);
    }
}
