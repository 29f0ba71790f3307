package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;

/** Moving mean of the last {@code window} observed slots. */
public final class MovingMeanPredictor implements Predictor {
    public static final String NAME = "mean";
    /** Default window: 30 slots (a month of days). */
    public static final int DEFAULT_WINDOW = 30;

    private final int window;
    private final double fallback;

    /**
     * @param window number of most recent observed slots averaged, &gt;= 1
     */
    public static Trainer trainer(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("moving-mean window must be >= 1 slot, but was " + window);
        }
        return Trainer.of(NAME, history -> {
            SeriesMath.requireObserved(history);
            return new MovingMeanPredictor(window, history.mean());
        });
    }

    private MovingMeanPredictor(int window, double fallback) {
        this.window = window;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(AvailabilitySeries observed, int k) {
        double sum = 0;
        int n = 0;
        for (int i = observed.size() - 1; i >= 0 && n < window; i--) {
            double v = observed.value(i);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return SeriesMath.constant(n == 0 ? fallback : sum / n, k);
    }
}
