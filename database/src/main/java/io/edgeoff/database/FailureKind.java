package io.edgeoff.database;

/** What kind of failure an offloading site reported about itself. */
public enum FailureKind {
    /** The service process died. */
    CRASH,
    /** The service refused connections. */
    REFUSE,
    /** The service accepted requests but did not answer. */
    HANG,
    /** The service answered with server errors (5xx). */
    ERROR,
    /** The service was saturated and shed load (503). */
    OVERLOAD,
    /** One task execution failed. */
    EXECUTION_FAILURE,
    /** An outage replayed from a failure trace. */
    TRACE_OUTAGE
}
