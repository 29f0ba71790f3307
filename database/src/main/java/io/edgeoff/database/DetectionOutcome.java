package io.edgeoff.database;

/** What one suspicion of the device's failure detector turned out to be. */
public enum DetectionOutcome {
    /** The site had really failed; the observation carries the detection latency. */
    FAILURE_DETECTED,
    /** The site was suspected but was alive (a later probe or request succeeded). */
    FALSE_SUSPICION
}
