package io.edgeoff.site.prediction;

import io.edgeoff.prediction.predictor.Predictors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The site's prediction engines by name: one {@link AvailabilityForecaster} per model (the default one and each
 * served one), each trained on the same history. A request names the model it wants ({@code svr}, {@code best},
 * {@code weibull}, ...); names that stand for the same model ({@code best} and the engine's best model) share one
 * forecaster. Without a name the default model answers. Thread-safe as its forecasters are.
 */
public final class ForecasterSet implements AvailabilityForecaster {
    private final String defaultName;
    private final Map<String, AvailabilityForecaster> byRequestName = new LinkedHashMap<>();
    private final Map<String, AvailabilityForecaster> byModel = new LinkedHashMap<>();

    /**
     * @param names the names a request may use, the default first (registered names or {@link Predictors#BEST})
     * @param make  makes the forecaster of a registered model name
     * @throws IllegalArgumentException when {@code names} is empty or holds an unknown name
     */
    public ForecasterSet(List<String> names, Function<String, AvailabilityForecaster> make) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a site serves at least one predictor");
        }
        this.defaultName = names.get(0);
        for (String name : names) {
            if (!Predictors.isKnown(name)) {
                throw new IllegalArgumentException("unknown predictor '" + name + "'; known predictors: "
                        + Predictors.names() + " and '" + Predictors.BEST + "'");
            }
            String model = Predictors.resolve(name);
            AvailabilityForecaster f = byModel.computeIfAbsent(model, make);
            byRequestName.put(name, f);
            byRequestName.putIfAbsent(model, f);
        }
    }

    @Override
    public String name() {
        return byRequestName.get(defaultName).name();
    }

    @Override
    public List<String> servedPredictors() {
        return List.copyOf(byRequestName.keySet());
    }

    @Override
    public Forecast forecast(AvailabilityHistory history, int slots) {
        return byRequestName.get(defaultName).forecast(history, slots);
    }

    @Override
    public Forecast forecast(String predictor, AvailabilityHistory history, int slots) {
        if (predictor == null) {
            return forecast(history, slots);
        }
        AvailabilityForecaster f = byRequestName.get(predictor);
        if (f == null) {
            throw new UnknownPredictorException(predictor, servedPredictors());
        }
        return f.forecast(history, slots);
    }

    /** Trains every model now (the first forecast of each trains it). */
    @Override
    public void warmUp(AvailabilityHistory history) {
        byModel.values().forEach(f -> f.forecast(history, 1));
    }

    @Override
    public void close() {
        byModel.values().forEach(AvailabilityForecaster::close);
    }
}
