package io.edgeoff.prediction;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The prediction engine of a site (seed workflow steps 1a and 2a): from a node's outages so far (its historical
 * trace plus its own failure file) and the current time, it trains the predictor on the completed slots and
 * forecasts the slot containing "now" and the ones after it. Stateless and thread-safe; the caller decides how
 * often to call it (each call retrains, which takes milliseconds for the default model).
 */
public final class PredictionEngine {
    private final Predictor.Trainer trainer;
    private final Duration slot;

    /**
     * @param trainer the model
     * @param slot    slot length, &gt; 0
     */
    public PredictionEngine(Predictor.Trainer trainer, Duration slot) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        if (slot.isNegative() || slot.isZero()) {
            throw new IllegalArgumentException("slot length must be > 0, but was " + slot);
        }
        this.slot = slot;
    }

    /** The default model ({@link Predictors#DEFAULT_MODEL}) with daily slots. */
    public static PredictionEngine ofDefaults() {
        return new PredictionEngine(Predictors.trainer(Predictors.DEFAULT_MODEL), AvailabilitySeries.DAY);
    }

    /**
     * @param nodeId  the node
     * @param outages its outages that started before {@code now} (any order; an outage still in progress has the
     *                length known so far, or any length reaching past {@code now})
     * @param now     the current time
     * @param k       slots to forecast, &gt;= 1
     * @return the forecast; with no usable history, availability 1 and outage probability 0 (1 while down)
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
        Reliability reliability = Reliability.at(nodeId, past, now);
        boolean down = reliability.down();
        double[] availability = new double[k];
        double[] outage = new double[k];
        Arrays.fill(availability, 1.0);
        if (down) {
            outage[0] = 1.0;
        }
        if (!past.isEmpty()) {
            Instant first = AvailabilitySeries.alignDown(past.stream().map(Outage::start).min(Instant::compareTo).orElseThrow(), slot);
            if (current.isAfter(first)) {
                AvailabilitySeries history = AvailabilitySeries.of(nodeId, past, slot, first, current);
                Predictor model = trainer.train(history);
                availability = model.forecast(history, k);
                outage = model.outageProbability(history, k);
            }
        }
        if (down) {
            outage[0] = 1.0; // the current slot already has outage time
        }
        return new NodeForecast(nodeId, trainer.name(), current, slot, availability, outage, reliability.mtbfHours(),
                reliability.hoursSinceLastFailure(), reliability.failureRatePerSecond(), down);
    }
}
