package io.edgeoff.prediction.evaluation;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import java.time.Duration;

/**
 * One predictor on one node ({@code edgeoff predict}): its metrics under a protocol, and its forecast of the
 * {@code horizon} slots after the end of the series by a model trained on the whole series.
 *
 * @param series            the node's availability series
 * @param evaluation        metrics and split of the evaluation
 * @param forecast          predicted availability of each slot after the series, in [0,1]
 * @param outageProbability predicted probability that each of those slots holds an outage, in [0,1]
 */
public record NodeEvaluation(AvailabilitySeries series, EvaluationResult evaluation, double[] forecast,
                             double[] outageProbability) {

    /**
     * Evaluates {@code trainer} on node {@code node} of {@code trace} in slots of {@code slot}, then trains it on the
     * whole series and forecasts {@code horizon} slots.
     *
     * @throws IllegalArgumentException when the node is not in the trace
     */
    public static NodeEvaluation run(FailureTrace trace, NodeId node, Duration slot, Predictor.Trainer trainer,
                                     Protocol protocol, Evaluator evaluator, int horizon) {
        AvailabilitySeries series = AvailabilitySeries.of(node, trace.outagesOf(node), slot);
        EvaluationResult result = evaluator.evaluate(trainer, series, protocol);
        Predictor full = trainer.train(series);
        return new NodeEvaluation(series, result, full.forecast(series, horizon),
                full.outageProbability(series, horizon));
    }
}
