package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;

/**
 * Exponentially weighted moving average: {@code level = alpha * x + (1 - alpha) * level} over the observed
 * slots, started at the first observation; the forecast is the level.
 */
public final class EwmaPredictor implements Predictor {
    public static final String NAME = "ewma";
    /** Default smoothing factor. */
    public static final double DEFAULT_ALPHA = 0.1;

    private final double alpha;
    private final double fallback;

    /**
     * @param alpha smoothing factor in (0,1]
     */
    public static Trainer trainer(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("EWMA alpha must be in (0,1], but was " + alpha);
        }
        return Trainer.of(NAME, history -> {
            SeriesMath.requireObserved(history);
            return new EwmaPredictor(alpha, history.mean());
        });
    }

    private EwmaPredictor(double alpha, double fallback) {
        this.alpha = alpha;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The smoothed level after the observed history, NaN if nothing was observed. */
    public double level(AvailabilitySeries observed) {
        double level = Double.NaN;
        for (int i = 0; i < observed.size(); i++) {
            double v = observed.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            level = Double.isNaN(level) ? v : alpha * v + (1 - alpha) * level;
        }
        return level;
    }

    @Override
    public double[] forecast(AvailabilitySeries observed, int k) {
        double level = level(observed);
        return SeriesMath.constant(Double.isNaN(level) ? fallback : level, k);
    }
}
