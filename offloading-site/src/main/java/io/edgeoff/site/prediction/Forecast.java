package io.edgeoff.site.prediction;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A site's availability forecast, as served at {@code GET /v1/availability}: the prediction engine's outlook
 * ({@code io.edgeoff.prediction.NodeForecast}) with the site's wall-clock slot length and the model's metrics.
 *
 * @param predictor             name of the model that produced it
 * @param slotSeconds           wall-clock length of one slot, s
 * @param values                predicted availability of each of the next slots, each in [0,1]
 * @param downProbability       probability that an attempt started now finds the site unavailable, in [0,1]
 * @param mtbfHours             mean time between failures, wall-clock h, &gt; 0 ({@code +Infinity} with fewer than two
 *                              failures; served as {@code null})
 * @param hoursSinceLastFailure wall-clock hours since the last failure began, &gt;= 0 ({@code +Infinity} when the
 *                              site never failed; served as {@code null})
 * @param metrics               the model's last evaluation metrics (name to value)
 */
public record Forecast(String predictor, double slotSeconds, double[] values, double downProbability, double mtbfHours,
                       double hoursSinceLastFailure, Map<String, Double> metrics) {
    public Forecast {
        Objects.requireNonNull(predictor, "predictor");
        values = values.clone();
        for (double v : values) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("availability must be in [0,1], but was " + v);
            }
        }
        if (!(slotSeconds > 0)) {
            throw new IllegalArgumentException("slotSeconds must be > 0, but was " + slotSeconds);
        }
        if (!(downProbability >= 0 && downProbability <= 1)) {
            throw new IllegalArgumentException("downProbability must be in [0,1], but was " + downProbability);
        }
        if (!(mtbfHours > 0)) {
            throw new IllegalArgumentException("mtbfHours must be > 0 (or +Infinity), but was " + mtbfHours);
        }
        if (!(hoursSinceLastFailure >= 0)) {
            throw new IllegalArgumentException("hoursSinceLastFailure must be >= 0 (or +Infinity), but was "
                    + hoursSinceLastFailure);
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forecast f && f.predictor.equals(predictor) && f.slotSeconds == slotSeconds
                && Arrays.equals(f.values, values) && f.downProbability == downProbability && f.mtbfHours == mtbfHours
                && f.hoursSinceLastFailure == hoursSinceLastFailure && f.metrics.equals(metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(predictor, slotSeconds, Arrays.hashCode(values), downProbability, mtbfHours, hoursSinceLastFailure, metrics);
    }
}
