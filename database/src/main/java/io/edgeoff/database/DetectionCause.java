package io.edgeoff.database;

/** What made the device's failure detector suspect a site. */
public enum DetectionCause {
    /** A request or probe passed its deadline. */
    TIMEOUT,
    /** The connection was refused. */
    REFUSED,
    /** The site answered with a 5xx status. */
    SERVER_ERROR,
    /** Heartbeats ({@code GET /v1/health}) stopped arriving. */
    MISSED_HEARTBEAT,
    /** Anything else (e.g. a reset connection). */
    OTHER
}
