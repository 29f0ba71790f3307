package io.edgeoff.decision;

/**
 * What the placement loop does with a site the device's failure detector suspects (live: the heartbeat
 * detector; simulated: its model). A policy's registry entry states it, so the simulator and the device apply the
 * same rule.
 */
public enum SuspicionResponse {
    /** The suspicion reaches the policy only through {@link SiteOutlook#suspected()}; the site stays choosable. */
    IGNORE,
    /** A suspected site is excluded for the rest of the task's placement, as a failed one is. */
    EXCLUDE_SUSPECTED
}
