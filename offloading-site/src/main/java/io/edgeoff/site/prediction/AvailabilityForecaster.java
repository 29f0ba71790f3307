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

    /** @return the names a request may ask for ({@code GET /v1/availability?predictor=NAME}) */
    default java.util.List<String> servedPredictors() {
        return java.util.List.of(name());
    }

    /**
     * @param predictor a name of {@link #servedPredictors()}, or null for the default model
     * @throws UnknownPredictorException when the site does not serve {@code predictor}
     */
    default Forecast forecast(String predictor, AvailabilityHistory history, int slots) {
        if (predictor != null && !servedPredictors().contains(predictor)) {
            throw new UnknownPredictorException(predictor, servedPredictors());
        }
        return forecast(history, slots);
    }

    /** Trains every model on {@code history} (before the site listens). */
    default void warmUp(AvailabilityHistory history) {
        forecast(history, 1);
    }

    /** Stops background work, if any. */
    @Override
    default void close() {
    }
}
