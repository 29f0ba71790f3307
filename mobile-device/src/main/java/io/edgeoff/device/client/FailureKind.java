package io.edgeoff.device.client;

/** How a failed offloading attempt or heartbeat was detected. */
public enum FailureKind {
    /** The connection was refused (nothing listens: the site process is gone). */
    REFUSED,
    /** No answer within the attempt's deadline. */
    TIMEOUT,
    /** The connection broke while the request was in flight (reset, end of stream). */
    CONNECTION_LOST,
    /** The site answered 5xx (saturated, injected error outage, internal error). */
    SERVER_ERROR,
    /** The site answered 4xx: the request was refused (bad token, bad request). */
    REJECTED,
    /**
     * The site ran, or could not run, the task's handler and got no output: 422 {@code HANDLER_*} (refused input,
     * threw, over its time or memory budget, too much output) or 400 {@code UNKNOWN_HANDLER}; the detail holds the
     * code and message. The site itself is fine.
     */
    HANDLER_FAILED,
    /** The failure detector suspected the site while the attempt was in flight, and the attempt was abandoned. */
    SUSPECTED,
    /**
     * The device changed edge cell while the attempt was in flight and the scenario's handover rule is
     * {@code fail-and-redecide}: the attempt was abandoned at the handover and the task is decided again. Not a site
     * failure: the detector and the learnt availability do not count it.
     */
    HANDOVER;

    /** @return true when the failure is certain evidence that the site is down (not a slow answer) */
    public boolean isHardEvidence() {
        return this == REFUSED || this == CONNECTION_LOST || this == SERVER_ERROR;
    }
}
