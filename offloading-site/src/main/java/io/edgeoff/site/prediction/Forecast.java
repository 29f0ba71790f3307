package io.edgeoff.site.prediction;

import io.edgeoff.prediction.NodeForecast;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A site's availability forecast, as served at {@code GET /v1/availability}: the prediction engine's outlook
 * ({@link NodeForecast}, the same record the simulator's outlooks come from) with the site's wall-clock slot length
 * and the model's metrics.
 *
 * @param outlook     the prediction engine's outlook of the site at the moment of the request
 * @param slotSeconds wall-clock length of one slot, s, &gt; 0
 * @param metrics     the model's last evaluation metrics (name to value)
 */
public record Forecast(NodeForecast outlook, double slotSeconds, Map<String, Double> metrics) {
    public Forecast {
        Objects.requireNonNull(outlook, "outlook");
        if (!(slotSeconds > 0)) {
            throw new IllegalArgumentException("slotSeconds must be > 0, but was " + slotSeconds);
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** @return name of the model that produced it */
    public String predictor() {
        return outlook.model();
    }

    /** @return predicted availability of each of the next slots, each in [0,1] */
    public double[] values() {
        return outlook.availability();
    }

    /** @return probability that an attempt started now finds the site unavailable, in [0,1] */
    public double downProbability() {
        return outlook.downProbability();
    }

    /**
     * @return mean time between failures, wall-clock h, &gt; 0 ({@code +Infinity} with fewer than two failures;
     *         served as {@code null})
     */
    public double mtbfHours() {
        return outlook.mtbfHours();
    }

    /**
     * @return wall-clock hours since the last failure began, &gt;= 0 ({@code +Infinity} when the site never failed;
     *         served as {@code null})
     */
    public double hoursSinceLastFailure() {
        return outlook.hoursSinceLastFailure();
    }
}
