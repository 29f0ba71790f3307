package io.edgeoff.site.prediction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simple, honest baseline: predicts every future slot as the mean availability of the last
 * {@code window} completed slots of the site's own failure-file history (1.0 when there is no
 * completed slot yet). Its metrics are those of the same rule applied one step ahead over the
 * history (mean absolute error and root mean square error over every slot that had at least one
 * predecessor).
 */
public final class MovingMeanForecaster implements AvailabilityForecaster {
    /** Name reported as {@code predictor}. */
    public static final String NAME = "moving-mean";

    private final int window;

    public MovingMeanForecaster(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("moving-mean window must be >= 1, but was " + window);
        }
        this.window = window;
    }

    @Override
    public String name() {
        return NAME + "(" + window + ")";
    }

    @Override
    public Forecast forecast(AvailabilityHistory history, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, but was " + slots);
        }
        double[] series = history.slotAvailability();
        double next = meanBefore(series, series.length);
        double[] values = new double[slots];
        java.util.Arrays.fill(values, next);
        return new Forecast(name(), history.slot().toNanos() / 1e9, values, history.mtbfHours(),
                history.hoursSinceLastFailure(), metrics(series));
    }

    private double meanBefore(double[] series, int end) {
        int start = Math.max(0, end - window);
        if (end <= start) {
            return 1.0;
        }
        double sum = 0;
        for (int i = start; i < end; i++) {
            sum += series[i];
        }
        return Math.min(1, Math.max(0, sum / (end - start)));
    }

    private Map<String, Double> metrics(double[] series) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        int n = 0;
        double absSum = 0;
        double sqSum = 0;
        for (int t = 1; t < series.length; t++) {
            double error = series[t] - meanBefore(series, t);
            absSum += Math.abs(error);
            sqSum += error * error;
            n++;
        }
        metrics.put("evaluatedSlots", (double) n);
        if (n > 0) {
            metrics.put("mae", absSum / n);
            metrics.put("rmse", Math.sqrt(sqSum / n));
        }
        return metrics;
    }
}
