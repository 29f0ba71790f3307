package io.edgeoff.site.prediction;

import io.edgeoff.prediction.FailureTimeline;
import io.edgeoff.prediction.PredictionEngine;
import io.edgeoff.prediction.SlotForecast;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.evaluation.EvaluationResult;
import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.evaluation.Metrics;
import io.edgeoff.prediction.evaluation.Protocol;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's prediction engine: the {@code prediction} module's {@link PredictionEngine} (the one producer of an
 * outlook, also used by the simulator) with a registered predictor ({@link Predictors}, e.g. {@code svr},
 * {@code moving-mean}) and the site's model lifecycle around it.
 *
 * <p>History: an optional prior series (a node of a failure trace, LANL or generic, in daily slots)
 * followed by the site's own slots from its failure file. One own slot is one trace day divided by
 * the time compression, so both parts are in the same unit: the combined series is indexed by trace
 * day, and the site's own outages are mapped onto it (own slot {@code i} is trace day {@code prior + i}). The first
 * forecast trains the model ({@link PredictionEngine#train}, on every completed slot); afterwards it is retrained in
 * the background when a new failure appears in the failure file and after every {@code retrainEverySlots} newly
 * completed slots, while forecasts keep using the previous model (the seed's SVR takes about 1.5 s on a LANL
 * node with 2 000 daily slots). Its metrics are those of the {@link Protocol#CHRONOLOGICAL}
 * evaluation (first 80 % train, last 20 % test) at the last training, when the series is long
 * enough. The answer is {@link PredictionEngine#outlook}: the down probability from the same model, MTBF and the
 * time since the last failure over the site's own outages in wall-clock hours ({@link FailureTimeline}): infinite
 * MTBF until the site has failed twice, infinite time since the last failure until it has failed once.
 */
public final class EngineForecaster implements AvailabilityForecaster {
    private static final Logger LOG = LoggerFactory.getLogger(EngineForecaster.class);

    private final String model;
    private final Predictor.Trainer trainer;
    private final PredictionEngine engine;
    private final Optional<AvailabilitySeries> prior;
    private final Duration traceSlot;
    private final int retrainEverySlots;
    private final ExecutorService retrainer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "site-prediction-engine");
        t.setDaemon(true);
        return t;
    });

    /** A trained model and what it was trained on. */
    private record Trained(PredictionEngine.Models models, int slots, int failures, Map<String, Double> metrics) {
    }

    private volatile Trained current;
    private boolean training;

    /**
     * @param model              a name from {@link Predictors#names()}
     * @param seed               seed of the trainer
     * @param prior              earlier history in daily slots (a trace node), if any
     * @param retrainEverySlots  retrain after this many new slots, &gt;= 1
     * @throws IllegalArgumentException naming the known models when {@code model} is unknown
     */
    public EngineForecaster(String model, long seed, Optional<AvailabilitySeries> prior, int retrainEverySlots) {
        this(model, seed, prior, retrainEverySlots, AvailabilitySeries.DAY);
    }

    /**
     * @param model              a name from {@link Predictors#names()} or {@link Predictors#BEST}
     * @param seed               seed of the trainer
     * @param prior              earlier history in slots of {@code traceSlot} (a trace node), if any
     * @param retrainEverySlots  retrain after this many new slots, &gt;= 1
     * @param traceSlot          slot length in trace time (one day in the seed); one own slot of the site stands for
     *                           one trace slot
     * @throws IllegalArgumentException naming the known models when {@code model} is unknown
     */
    public EngineForecaster(String model, long seed, Optional<AvailabilitySeries> prior, int retrainEverySlots,
                            Duration traceSlot) {
        if (retrainEverySlots < 1) {
            throw new IllegalArgumentException("retrainEverySlots must be >= 1, but was " + retrainEverySlots);
        }
        this.model = Predictors.resolve(model);
        this.trainer = Predictors.trainer(this.model, seed);
        this.traceSlot = traceSlot;
        this.engine = new PredictionEngine(trainer, traceSlot);
        this.prior = prior.map(p -> {
            if (!p.slot().equals(traceSlot)) {
                throw new IllegalArgumentException("the prior history must have slots of " + traceSlot + ", but has "
                        + p.slot());
            }
            return p;
        });
        this.retrainEverySlots = retrainEverySlots;
    }

    @Override
    public String name() {
        return model;
    }

    @Override
    public synchronized Forecast forecast(AvailabilityHistory history, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, but was " + slots);
        }
        AvailabilitySeries series = combined(history);
        FailureTimeline failures = FailureTimeline.of(AvailabilityHistory.SITE, history.outages());
        int failureCount = history.outages().size();
        if (series.size() == 0) {
            return answer(history, SlotForecast.noHistory(model, series.end(), traceSlot, slots), failures,
                    Map.of("trainingSlots", 0.0));
        }
        Trained trained = current;
        if (trained == null) {
            trained = train(series, failureCount);
            current = trained;
        } else if (!training && (failureCount != trained.failures()
                || series.size() - trained.slots() >= retrainEverySlots)) {
            training = true;
            retrainer.execute(() -> retrainInBackground(series, failureCount));
        }
        return answer(history, engine.predict(trained.models(), series, slots), failures, trained.metrics());
    }

    private static Forecast answer(AvailabilityHistory history, SlotForecast prediction, FailureTimeline failures,
                                   Map<String, Double> metrics) {
        return new Forecast(PredictionEngine.outlook(AvailabilityHistory.SITE, prediction, failures, history.now()),
                seconds(history.slot()), metrics);
    }

    private void retrainInBackground(AvailabilitySeries series, int failures) {
        try {
            current = train(series, failures);
        } catch (RuntimeException e) {
            LOG.warn("retraining {} failed; keeping the previous model: {}", model, e.getMessage());
        } finally {
            synchronized (this) {
                training = false;
            }
        }
    }

    /** @return the number of slots the current model was trained on, -1 before the first training */
    public int trainedSlots() {
        Trained t = current;
        return t == null ? -1 : t.slots();
    }

    @Override
    public void close() {
        retrainer.shutdownNow();
    }

    private Trained train(AvailabilitySeries series, int failures) {
        PredictionEngine.Models models = engine.train(series);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("trainingSlots", (double) series.size());
        try {
            EvaluationResult result = Evaluator.ofDefaults().evaluate(trainer, series, Protocol.CHRONOLOGICAL);
            Metrics x = result.metrics();
            m.put("testSlots", (double) x.n());
            putFinite(m, "nrmse", x.nrmse());
            putFinite(m, "rmse", x.rmse());
            putFinite(m, "mae", x.mae());
            putFinite(m, "r2", x.r2());
            putFinite(m, "epsilonRisk", x.epsilonRisk());
            putFinite(m, "brier", x.brier());
        } catch (IllegalArgumentException e) {
            m.put("testSlots", 0.0);
        }
        return new Trained(models, series.size(), failures, Collections.unmodifiableMap(m));
    }

    private static void putFinite(Map<String, Double> m, String key, double value) {
        if (Double.isFinite(value)) {
            m.put(key, value);
        }
    }

    /**
     * The prior series followed by the site's own slots, in daily slots, with the prior's outages and the site's
     * own ones mapped onto the trace-day axis (cut at the end of the last completed slot).
     */
    AvailabilitySeries combined(AvailabilityHistory history) {
        double[] own = history.slotAvailability();
        double[] before = prior.map(AvailabilitySeries::values).orElse(new double[0]);
        Instant start = prior.map(AvailabilitySeries::start).orElse(history.from());
        Instant ownStart = start.plus(traceSlot.multipliedBy(before.length));
        double compression = (double) traceSlot.toNanos() / history.slot().toNanos();
        double[] values = Arrays.copyOf(before, before.length + own.length);
        System.arraycopy(own, 0, values, before.length, own.length);
        List<Outage> outages = new ArrayList<>();
        prior.ifPresent(p -> p.outages().forEach(o -> outages.add(new Outage(AvailabilityHistory.SITE, o.start(), o.length()))));
        for (Outage o : history.outages()) {
            long sinceOwnStart = Duration.between(history.from(), o.start()).toNanos();
            if (sinceOwnStart >= 0) {
                outages.add(new Outage(AvailabilityHistory.SITE, ownStart.plusNanos(Math.round(sinceOwnStart * compression)),
                        Duration.ofNanos(Math.round(o.length().toNanos() * compression))));
            }
        }
        AvailabilitySeries series = new AvailabilitySeries(AvailabilityHistory.SITE, start, traceSlot, values, outages);
        return series.prefix(series.size());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
