package io.edgeoff.site.prediction;

/**
 * The site's prediction engine: forecasts the availability of the next slots from the site's
 * history. Implementations must be thread-safe.
 */
public interface AvailabilityForecaster extends AutoCloseable {
    /** @return the model's name, reported as {@code predictor} */
    String name();

    /**
     * @param history what is known about the site's past
     * @param slots   number of future slots, &gt;= 1
     */
    Forecast forecast(AvailabilityHistory history, int slots);

    /** Stops background work, if any. */
    @Override
    default void close() {
    }
}
