package io.edgeoff.prediction;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one producer of a node's outlook (seed workflow steps 1a and 2a): predicted availability of the next slots,
 * down probability, MTBF and hours since the last failure ({@link NodeForecast}). The offloading site's
 * {@code /v1/availability} and the simulator both get their values here.
 *
 * <p>An outlook has two halves. The model half ({@link SlotForecast}) comes from predictors of the
 * {@link Predictors} registry trained on the node's availability series: one model for the predicted availability
 * and one whose availability gives the down probability ({@code 1 - availability}; by default the same model). The
 * reliability half comes from the node's failures before "now" ({@link FailureTimeline#at}: the project's one MTBF
 * definition, infinite with zero or one failure, and its one since-last-failure search). {@link #outlook} joins them.
 *
 * <p>Training: {@link #train(AvailabilitySeries)} on every observed slot (a live site: all completed slots), or
 * {@link #trainOnRandomSplit} on the project's one random 80/20 split ({@link Evaluator#randomTestSlots}, the
 * seed's protocol, which the simulator replays). Stateless and thread-safe; callers cache trained models.
 */
public final class PredictionEngine {
    private final Predictor.Trainer trainer;
    private final Predictor.Trainer downTrainer;
    private final Duration slot;

    /** The two trained models of an engine (the same instance when the engine has one model). */
    public record Models(Predictor availability, Predictor down) {
        public Models {
            Objects.requireNonNull(availability, "availability");
            Objects.requireNonNull(down, "down");
        }
    }

    /**
     * @param trainer     the availability model
     * @param downTrainer the model whose availability gives the down probability
     * @param slot        slot length, &gt; 0
     */
    public PredictionEngine(Predictor.Trainer trainer, Predictor.Trainer downTrainer, Duration slot) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.downTrainer = Objects.requireNonNull(downTrainer, "downTrainer");
        Objects.requireNonNull(slot, "slot");
        if (slot.isNegative() || slot.isZero()) {
            throw new IllegalArgumentException("slot length must be > 0, but was " + slot);
        }
        this.slot = slot;
    }

    /** One model for both the availability and the down probability. */
    public PredictionEngine(Predictor.Trainer trainer, Duration slot) {
        this(trainer, trainer, slot);
    }

    /**
     * @param predictor     a registered predictor name ({@link Predictors#names()})
     * @param downPredictor the predictor of the down probability (may equal {@code predictor})
     * @param seed          seed of the trainers
     * @throws IllegalArgumentException naming the known models when a name is unknown
     */
    public static PredictionEngine of(String predictor, String downPredictor, long seed, Duration slot) {
        Predictor.Trainer t = Predictors.trainer(predictor, seed);
        return new PredictionEngine(t, predictor.equals(downPredictor) ? t : Predictors.trainer(downPredictor, seed),
                slot);
    }

    /** One registered predictor for both halves of the model. */
    public static PredictionEngine of(String predictor, long seed, Duration slot) {
        return of(predictor, predictor, seed, slot);
    }

    /** The default model ({@link Predictors#DEFAULT_MODEL}) with daily slots. */
    public static PredictionEngine ofDefaults() {
        return new PredictionEngine(Predictors.trainer(Predictors.DEFAULT_MODEL), AvailabilitySeries.DAY);
    }

    /** @return the availability predictor's name */
    public String model() {
        return trainer.name();
    }

    /** @return the down-probability predictor's name */
    public String downModel() {
        return downTrainer.name();
    }

    public Duration slot() {
        return slot;
    }

    /**
     * Trains both models on every observed slot of {@code history}.
     *
     * @throws IllegalArgumentException if the series has no observed slot
     */
    public Models train(AvailabilitySeries history) {
        return trainBoth(history);
    }

    /**
     * Trains both models on the project's random split of {@code series} (the test slots hidden).
     *
     * @param split the split ({@link Evaluator#randomTestSlots}); the seed's is {@code Evaluator.ofDefaults()}
     */
    public Models trainOnRandomSplit(AvailabilitySeries series, Evaluator split) {
        return trainBoth(series.masked(split.randomTestSlots(series.size())));
    }

    private Models trainBoth(AvailabilitySeries series) {
        requireSlot(series);
        Predictor a = trainer.train(series);
        Predictor d = downTrainer == trainer ? a : downTrainer.train(series);
        return new Models(a, d);
    }

    /**
     * The model half: the {@code k} slots after {@code history}.
     *
     * @param history the slots observed so far (starting at the training series' slot 0)
     * @param k       slots to forecast, &gt;= 1
     */
    public SlotForecast predict(Models models, AvailabilitySeries history, int k) {
        Predictor.requireHorizon(k);
        requireSlot(history);
        double[] availability = models.availability().forecast(history, k);
        double[] outage = models.availability().outageProbability(history, k);
        for (int i = 0; i < k; i++) {
            availability[i] = Predictor.clamp01(availability[i]);
            outage[i] = Predictor.clamp01(outage[i]);
        }
        double downAvailability = models.down() == models.availability() ? availability[0]
                : Predictor.clamp01(models.down().forecast(history, 1)[0]);
        return new SlotForecast(trainer.name(), history.end(), slot, availability, outage, 1.0 - downAvailability);
    }

    /**
     * The model half for every slot of {@code series}, each from the slots before it (one-slot forecasts), for a
     * replay of a whole trace. Models of the slot index (the seed's {@code svr}) ignore the history.
     */
    public SlotForecast[] predictEachSlot(Models models, AvailabilitySeries series) {
        SlotForecast[] each = new SlotForecast[series.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = predict(models, series.prefix(i), 1);
        }
        return each;
    }

    /**
     * The outlook at {@code now}: the model half joined with the reliability half, the one place where both are
     * put together.
     *
     * @param nodeId     the node
     * @param prediction the model half for the slots from the one containing {@code now}
     * @param failures   the node's failures (only those starting before {@code now} count)
     * @param now        the moment
     */
    public static NodeForecast outlook(NodeId nodeId, SlotForecast prediction, FailureTimeline failures, Instant now) {
        return outlook(nodeId, prediction, failures, FailureTimeline.nanos(now));
    }

    /** {@link #outlook(NodeId, SlotForecast, FailureTimeline, Instant)} at a moment in nanoseconds since the epoch. */
    public static NodeForecast outlook(NodeId nodeId, SlotForecast prediction, FailureTimeline failures,
                                       long nowEpochNanos) {
        return new NodeForecast(nodeId, prediction, failures.atEpochNanos(nowEpochNanos));
    }

    /**
     * Trains on the completed slots before {@code now} and forecasts the slot containing it and the ones after.
     *
     * @param nodeId  the node
     * @param outages its outages that started before {@code now} (any order; an outage still in progress has the
     *                length known so far, or any length reaching past {@code now})
     * @param now     the current time
     * @param k       slots to forecast, &gt;= 1
     * @return the outlook; with no completed slot, availability 1 and outage and down probability 0 (outage 1
     *         while down)
     */
    public NodeForecast forecast(NodeId nodeId, List<Outage> outages, Instant now, int k) {
        Predictor.requireHorizon(k);
        List<Outage> past = new ArrayList<>();
        for (Outage o : outages) {
            if (o.start().isBefore(now)) {
                past.add(o);
            }
        }
        Instant current = AvailabilitySeries.alignDown(now, slot);
        SlotForecast prediction = SlotForecast.noHistory(trainer.name(), current, slot, k);
        if (!past.isEmpty()) {
            Instant first = AvailabilitySeries.alignDown(past.stream().map(Outage::start).min(Instant::compareTo)
                    .orElseThrow(), slot);
            if (current.isAfter(first)) {
                AvailabilitySeries history = AvailabilitySeries.of(nodeId, past, slot, first, current);
                prediction = predict(train(history), history, k);
            }
        }
        return outlook(nodeId, prediction, FailureTimeline.of(nodeId, past), now);
    }

    private void requireSlot(AvailabilitySeries series) {
        if (!series.slot().equals(slot)) {
            throw new IllegalArgumentException("the engine's slot is " + slot + " but the series of node "
                    + series.nodeId() + " has slots of " + series.slot());
        }
    }
}
