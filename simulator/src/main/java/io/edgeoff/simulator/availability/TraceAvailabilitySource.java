package io.edgeoff.simulator.availability;

import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.prediction.PredictionEngine;
import io.edgeoff.prediction.SlotForecast;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Histories and forecasts from a failure trace through the prediction module: the daily availability
 * series ({@link AvailabilitySeries}, first failure day to last) and each day's forecast from the
 * {@link PredictionEngine} (predictors by name). MTBF and the time since the last failure are not computed here:
 * {@code SiteTrace} asks the engine for them at each moment.
 *
 * <p>Forecasts follow one of two {@link Training}s. {@link Training#RANDOM_SPLIT} (the default, the seed's protocol):
 * the predictor is trained once per node on a random 80 % of the days (the other 20 % hidden:
 * {@link PredictionEngine#trainOnRandomSplit}, the project's one split, {@link Evaluator#randomTestSlots}), then
 * asked, for every day {@code d}, for a one-slot forecast from the history of days {@code 0..d-1}. Models of the
 * day index (the seed's {@code svr}) ignore that history, so they carry the seed's look-ahead; history-driven
 * models ({@code last}, {@code ewma}, {@code markov}, ...) are walk-forward. {@link Training#PAST_DAYS}: for every
 * day, the predictor is trained on the days before it, as a live site trains on its completed slots (one training
 * per day: for short traces and tests). Results are cached per node and predictor; thread-safe.
 */
public final class TraceAvailabilitySource implements AvailabilitySource {
    /** What each day's forecast is trained on. */
    public enum Training {
        /** Once per node, on the seed's random 80 % of all days (look-ahead for models of the day index). */
        RANDOM_SPLIT,
        /** For each day, on the days before it (what a live site's engine sees). */
        PAST_DAYS
    }

    private final FailureTrace trace;
    private final String description;
    private final long seed;
    private final Training training;
    private final Evaluator split;
    private final ConcurrentMap<TraceNode, Built> built = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, double[]> forecasts = new ConcurrentHashMap<>();

    private record Built(AvailabilitySeries series, NodeHistory history) {
    }

    /**
     * @param trace       the failure trace
     * @param description where it comes from (file name or "synthetic ...")
     * @param seed        seed of the 80/20 training split (the seed used 5725) and of the trainers
     * @param training    what each day's forecast is trained on
     */
    public TraceAvailabilitySource(FailureTrace trace, String description, long seed, Training training) {
        this.trace = trace;
        this.description = description;
        this.seed = seed;
        this.training = java.util.Objects.requireNonNull(training, "training");
        this.split = Evaluator.ofDefaults().withSeed(seed);
    }

    /** The seed's protocol: {@link Training#RANDOM_SPLIT}. */
    public TraceAvailabilitySource(FailureTrace trace, String description, long seed) {
        this(trace, description, seed, Training.RANDOM_SPLIT);
    }

    @Override
    public NodeHistory history(TraceNode node) {
        return build(node).history();
    }

    @Override
    public double[] forecast(TraceNode node, String predictor) {
        PredictionEngine engine = PredictionEngine.of(predictor, seed, AvailabilitySeries.DAY);
        return forecasts.computeIfAbsent(node + "|" + predictor, key -> computeForecast(build(node).series(), engine))
                .clone();
    }

    @Override
    public String description() {
        return description;
    }

    private Built build(TraceNode node) {
        return built.computeIfAbsent(node, this::compute);
    }

    private Built compute(TraceNode node) {
        NodeId id = NodeId.of(node);
        List<Outage> outages = trace.outagesOf(id);
        AvailabilitySeries series = AvailabilitySeries.of(id, outages, AvailabilitySeries.DAY);
        List<Outage> merged = AvailabilitySeries.merge(id, outages);
        double[] starts = new double[merged.size()];
        double[] ends = new double[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            starts[i] = seconds(series, merged.get(i).start());
            ends[i] = seconds(series, merged.get(i).end());
        }
        double[] daily = series.values();
        for (int d = 0; d < daily.length; d++) {
            daily[d] = Math.min(1.0, Math.max(0.0, daily[d]));
        }
        return new Built(series, new NodeHistory(node, daily, starts, ends, series.start()));
    }

    private static double seconds(AvailabilitySeries series, java.time.Instant t) {
        return Duration.between(series.start(), t).toNanos() / 1e9;
    }

    private double[] computeForecast(AvailabilitySeries series, PredictionEngine engine) {
        int n = series.size();
        double[] forecast = new double[n];
        if (training == Training.RANDOM_SPLIT) {
            SlotForecast[] each = engine.predictEachSlot(engine.trainOnRandomSplit(series, split), series);
            for (int d = 0; d < n; d++) {
                forecast[d] = each[d].predictedAvailability();
            }
            return forecast;
        }
        for (int d = 0; d < n; d++) {
            AvailabilitySeries past = series.prefix(d);
            forecast[d] = d == 0 ? 1.0 : engine.predict(engine.train(past), past, 1).predictedAvailability();
        }
        return forecast;
    }
}
