package io.edgeoff.simulator.availability;

import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.availability.NodeReliability;
import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Histories and forecasts from a failure trace through the prediction module: the daily availability
 * series ({@link AvailabilitySeries}, first failure day to last), the seed's MTBF ({@link NodeReliability}) and
 * predictors by name ({@link Predictors}).
 *
 * <p>MTBF is the seed's variant ({@link NodeReliability#seedMtbfHours}), kept because the simulator replicates the
 * seed's experiments (EFPO's input there); live sites report {@link NodeReliability#mtbfHours}.
 *
 * <p>Forecasts follow the seed's protocol: the predictor is trained once per node on a random 80 % of the days
 * (the other 20 % hidden: {@link Evaluator#randomTestSlots}, the same split and seeding as the prediction module's
 * {@code random} evaluation protocol), then asked, for every day {@code d}, for a one-slot forecast from the
 * history of days {@code 0..d-1}. Models of the day index (the seed's {@code svr}) ignore that history, so they
 * carry the seed's look-ahead; history-driven models ({@code last}, {@code ewma}, {@code markov}, ...) are
 * walk-forward. Results are cached per node and predictor; thread-safe.
 */
public final class TraceAvailabilitySource implements AvailabilitySource {
    private final FailureTrace trace;
    private final String description;
    private final long seed;
    private final Evaluator split;
    private final ConcurrentMap<TraceNode, Built> built = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, double[]> forecasts = new ConcurrentHashMap<>();

    private record Built(AvailabilitySeries series, NodeHistory history) {
    }

    /**
     * @param trace       the failure trace
     * @param description where it comes from (file name or "synthetic ...")
     * @param seed        seed of the 80/20 training split (the seed used 5725) and of the trainers
     */
    public TraceAvailabilitySource(FailureTrace trace, String description, long seed) {
        this.trace = trace;
        this.description = description;
        this.seed = seed;
        this.split = Evaluator.ofDefaults().withSeed(seed);
    }

    @Override
    public NodeHistory history(TraceNode node) {
        return build(node).history();
    }

    @Override
    public double[] forecast(TraceNode node, String predictor) {
        Predictor.Trainer trainer = Predictors.trainer(predictor, seed);
        return forecasts.computeIfAbsent(node + "|" + predictor, key -> computeForecast(build(node).series(), trainer))
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
        double mtbf = NodeReliability.of(id, outages).seedMtbfHours();
        double[] daily = series.values();
        for (int d = 0; d < daily.length; d++) {
            daily[d] = Math.min(1.0, Math.max(0.0, daily[d]));
        }
        return new Built(series, new NodeHistory(node, daily, starts, ends, mtbf));
    }

    private static double seconds(AvailabilitySeries series, java.time.Instant t) {
        return Duration.between(series.start(), t).toNanos() / 1e9;
    }

    private double[] computeForecast(AvailabilitySeries series, Predictor.Trainer trainer) {
        int n = series.size();
        boolean[] hidden = split.randomTestSlots(n);
        Predictor model = trainer.train(series.masked(hidden));
        double[] forecast = new double[n];
        for (int d = 0; d < n; d++) {
            forecast[d] = Predictor.clamp01(model.forecast(series.prefix(d), 1)[0]);
        }
        return forecast;
    }
}
