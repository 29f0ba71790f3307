package io.edgeoff.database;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One observation of the device's failure detector.
 *
 * @param siteId                  the suspected site
 * @param observedAt              when the suspicion was raised (microsecond precision)
 * @param outcome                 a real failure or a false suspicion
 * @param cause                   what raised the suspicion
 * @param detectionLatencyMillis  time from the failure (or the request) to its detection, ms, &gt;= 0;
 *                                required for {@link DetectionOutcome#FAILURE_DETECTED}
 * @param runId                   the experiment run it belongs to, if any
 */
public record DetectorObservation(String siteId, Instant observedAt, DetectionOutcome outcome, DetectionCause cause,
                                  OptionalDouble detectionLatencyMillis, OptionalLong runId) {
    public DetectorObservation {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("detector observation site id must not be blank");
        }
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(detectionLatencyMillis, "detectionLatencyMillis");
        Objects.requireNonNull(runId, "runId");
        if (detectionLatencyMillis.isPresent()) {
            double latency = detectionLatencyMillis.getAsDouble();
            if (!(latency >= 0) || !Double.isFinite(latency)) {
                throw new IllegalArgumentException("site " + siteId + ": detectionLatencyMillis must be >= 0, but was "
                        + latency);
            }
        } else if (outcome == DetectionOutcome.FAILURE_DETECTED) {
            throw new IllegalArgumentException("site " + siteId + ": a detected failure needs its detection latency");
        }
        observedAt = Timestamps.stored(observedAt);
    }

    /** A detected failure. */
    public static DetectorObservation detected(String siteId, Instant at, DetectionCause cause, double latencyMillis) {
        return new DetectorObservation(siteId, at, DetectionOutcome.FAILURE_DETECTED, cause,
                OptionalDouble.of(latencyMillis), OptionalLong.empty());
    }

    /** A false suspicion. */
    public static DetectorObservation falseSuspicion(String siteId, Instant at, DetectionCause cause) {
        return new DetectorObservation(siteId, at, DetectionOutcome.FALSE_SUSPICION, cause, OptionalDouble.empty(),
                OptionalLong.empty());
    }

    /** This observation attributed to a run. */
    public DetectorObservation inRun(long run) {
        return new DetectorObservation(siteId, observedAt, outcome, cause, detectionLatencyMillis, OptionalLong.of(run));
    }
}
