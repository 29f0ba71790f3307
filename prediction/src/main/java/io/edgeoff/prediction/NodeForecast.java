package io.edgeoff.prediction;

import io.edgeoff.prediction.trace.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A node's outlook, as the {@link PredictionEngine} (its only producer, {@link PredictionEngine#outlook}) gives it:
 * the model half (availability of the next slots, down probability) and the reliability half (MTBF, hours since
 * the last failure) at one moment. The site serves it at {@code /v1/availability}; the simulator hands it to
 * policies as a {@code SiteOutlook}.
 *
 * @param nodeId      the node
 * @param prediction  what the predictors say about the slots from the one containing "now"
 * @param reliability what the node's failures before "now" say ({@link FailureTimeline#at})
 */
public record NodeForecast(NodeId nodeId, SlotForecast prediction, Reliability reliability) {
    public NodeForecast {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(reliability, "reliability");
    }

    /** @return the availability predictor's name */
    public String model() {
        return prediction.model();
    }

    /** @return start of the first forecast slot (the slot containing "now") */
    public Instant from() {
        return prediction.from();
    }

    public Duration slot() {
        return prediction.slot();
    }

    /** @return predicted availability per slot, each in [0,1] */
    public double[] availability() {
        return prediction.availability();
    }

    /** @return the predicted availability of the first slot */
    public double predictedAvailability() {
        return prediction.predictedAvailability();
    }

    /** @return probability that each slot has outage time, the first one 1 while {@link #down()} */
    public double[] outageProbability() {
        double[] p = prediction.outageProbability();
        if (reliability.down()) {
            p[0] = 1.0; // the current slot already has outage time
        }
        return p;
    }

    /**
     * @return probability that an attempt started now finds the node unavailable, in [0,1]: {@code 1 -} the
     *         down-probability model's availability of the first slot (not raised while {@link #down()}: whether the
     *         device can see that is its failure detector's business)
     */
    public double downProbability() {
        return prediction.downProbability();
    }

    /** @return mean time between failure starts, hours ({@code +Infinity} with fewer than two failures) */
    public double mtbfHours() {
        return reliability.mtbfHours();
    }

    /** @return hours since the last failure started ({@code +Infinity} if none) */
    public double hoursSinceLastFailure() {
        return reliability.hoursSinceLastFailure();
    }

    /** @return {@code 1 / MTBF} in failures per second (0 with fewer than two failures) */
    public double failureRatePerSecond() {
        return reliability.failureRatePerSecond();
    }

    /** @return an outage is in progress at "now" */
    public boolean down() {
        return reliability.down();
    }
}
