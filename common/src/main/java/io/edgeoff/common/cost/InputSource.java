package io.edgeoff.common.cost;

/** Where a planning input came from. */
public enum InputSource {
    /** The scenario's value (the prior of an estimate that has no measurement yet). */
    PRIOR,
    /** Measured by the device (smoothed, starting from the scenario's value as prior). */
    MEASURED
}
