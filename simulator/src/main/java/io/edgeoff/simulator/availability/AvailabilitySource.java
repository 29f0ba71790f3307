package io.edgeoff.simulator.availability;

import io.edgeoff.common.scenario.TraceNode;

/**
 * Where the simulator gets failure histories and availability forecasts. The production implementation
 * delegates to the prediction module (trace readers, daily availability, predictors by name); tests use
 * small in-memory histories. Implementations must be deterministic and safe for concurrent use.
 */
public interface AvailabilitySource {

    /**
     * @throws IllegalArgumentException naming the node if the trace does not contain it
     */
    NodeHistory history(TraceNode node);

    /**
     * A predictor's forecast of each day's availability: one value in [0,1] per day of
     * {@code history(node).dailyAvailability()}.
     *
     * @throws IllegalArgumentException naming the predictor if it is unknown
     */
    double[] forecast(TraceNode node, String predictor);

    /** @return where the histories come from, for reports (e.g. the trace file) */
    String description();
}
