package io.edgeoff.prediction.evaluation;

import io.edgeoff.prediction.trace.NodeId;

/**
 * The outcome of evaluating one model on one node under one protocol.
 *
 * @param model          model name
 * @param nodeId         the node
 * @param protocol       the protocol
 * @param trainSlots     slots used for (the first) training
 * @param testIndices    slot index of each test slot
 * @param actual         actual availability per test slot
 * @param predicted      predicted availability per test slot
 * @param outageProbability predicted outage probability per test slot
 * @param metrics        metrics over the test slots
 * @param fitCount       how many times the model was trained
 * @param elapsedNanos   wall time of all fits and forecasts
 */
public record EvaluationResult(String model, NodeId nodeId, Protocol protocol, int trainSlots, int[] testIndices,
                               double[] actual, double[] predicted, double[] outageProbability, Metrics metrics,
                               int fitCount, long elapsedNanos) {
}
