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
    CORRUPT_RECORDS_SKIPPED
}
