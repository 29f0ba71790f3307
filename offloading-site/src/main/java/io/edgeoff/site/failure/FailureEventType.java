package io.edgeoff.site.failure;

/** Kinds of events the failure monitor records in the failure file. */
public enum FailureEventType {
    /** The site process started (detail: site id, pid). */
    SITE_STARTED,
    /** The site process stopped cleanly. */
    SITE_STOPPED,
    /** At start-up, the previous run was found to have ended without {@link #SITE_STOPPED}. */
    UNCLEAN_SHUTDOWN,
    /** A task execution failed inside the site. */
    EXECUTION_FAILED,
    /** An outage began (injected by the admin endpoint or by trace replay). */
    OUTAGE_STARTED,
    /** An outage ended. */
    OUTAGE_ENDED,
    /** Tasks were rejected because the site was saturated (one record per window, with a count). */
    OVERLOAD,
    /** A failure-trace replay began (detail: trace fingerprint, epoch, compression). */
    REPLAY_STARTED,
    /** Recovery cut off a torn tail of the failure file (bytes after its last intact record). */
    TORN_RECORD_DISCARDED,
    /**
     * Recovery skipped damaged regions of a segment that have intact records after them (detail:
     * segment, region count, bytes, offsets); recorded once per distinct damage, the bytes stay in place.
     */
    CORRUPT_RECORDS_SKIPPED,
    /**
     * The sidecar failure monitor saw the host under pressure (detail: {@code kind=memory|cpu|io|disk},
     * the value and the threshold); not downtime, a condition that precedes failures.
     */
    HOST_PRESSURE_STARTED,
    /** The pressure of that kind fell below the threshold again. */
    HOST_PRESSURE_ENDED
}
