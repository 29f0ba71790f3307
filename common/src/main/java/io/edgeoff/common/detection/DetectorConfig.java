package io.edgeoff.common.detection;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the failure detector. Build with {@link #ofDefaults()} and the {@code with...} methods;
 * validated eagerly.
 *
 * @param heartbeatInterval      time between two heartbeats to one site (default 100 ms)
 * @param heartbeatTimeout       a heartbeat without an answer after this long counts as missed (default 300 ms)
 * @param phiThreshold           suspicion level above which a site is suspected (default 8, i.e. the
 *                               chance that a live site is this late is about 1e-8)
 * @param minStdDeviation        floor of the heartbeat inter-arrival standard deviation (default 50 ms),
 *                               so a very regular history does not make the detector jumpy
 * @param maxSilence             a site silent for this long is suspected whatever its phi (default 500 ms);
 *                               with the interval it bounds the detection latency
 * @param windowSize             number of inter-arrival times kept (default 100)
 * @param deadlineFactor         a task attempt's deadline is {@code factor * expected + slack} (default 4)
 * @param deadlineSlack          (default 400 ms)
 * @param falseSuspicionWindow   a suspicion raised by silence alone that ends within this long counts as
 *                               false (default 1 s)
 * @param abandonOnSuspicion     abandon attempts in flight to a site when it becomes suspected on hard evidence
 *                               (refused, lost connection, 5xx; default true); silence alone leaves them to
 *                               their deadline
 */
public record DetectorConfig(Duration heartbeatInterval, Duration heartbeatTimeout, double phiThreshold,
                             Duration minStdDeviation, Duration maxSilence, int windowSize, double deadlineFactor,
                             Duration deadlineSlack, Duration falseSuspicionWindow, boolean abandonOnSuspicion) {
    public DetectorConfig {
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("heartbeatTimeout", heartbeatTimeout);
        requirePositive("minStdDeviation", minStdDeviation);
        requirePositive("maxSilence", maxSilence);
        Objects.requireNonNull(deadlineSlack, "deadlineSlack");
        Objects.requireNonNull(falseSuspicionWindow, "falseSuspicionWindow");
        if (!(phiThreshold > 0)) {
            throw new IllegalArgumentException("phiThreshold must be > 0, but was " + phiThreshold);
        }
        if (windowSize < 2) {
            throw new IllegalArgumentException("windowSize must be >= 2, but was " + windowSize);
        }
        if (!(deadlineFactor >= 1)) {
            throw new IllegalArgumentException("deadlineFactor must be >= 1, but was " + deadlineFactor);
        }
        if (maxSilence.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("maxSilence must be longer than heartbeatInterval "
                    + heartbeatInterval.toMillis() + " ms, but was " + maxSilence.toMillis() + " ms");
        }
    }

    public static DetectorConfig ofDefaults() {
        return new DetectorConfig(Duration.ofMillis(100), Duration.ofMillis(300), 8.0, Duration.ofMillis(50),
                Duration.ofMillis(500), 100, 4.0, Duration.ofMillis(400), Duration.ofSeconds(1), true);
    }

    public DetectorConfig withHeartbeat(Duration interval, Duration timeout, Duration maxSilence) {
        return new DetectorConfig(interval, timeout, phiThreshold, minStdDeviation, maxSilence, windowSize,
                deadlineFactor, deadlineSlack, falseSuspicionWindow, abandonOnSuspicion);
    }

    public DetectorConfig withDeadline(double factor, Duration slack) {
        return new DetectorConfig(heartbeatInterval, heartbeatTimeout, phiThreshold, minStdDeviation, maxSilence,
                windowSize, factor, slack, falseSuspicionWindow, abandonOnSuspicion);
    }

    /**
     * Worst-case time from a crash to its suspicion: the site may have answered its last heartbeat just
     * before crashing, then stays silent for {@code maxSilence}; the detector checks every
     * {@link #checkPeriod()}.
     */
    public Duration detectionBound() {
        return maxSilence.plus(checkPeriod()).plus(heartbeatInterval);
    }

    /** How often suspicion levels are evaluated: a tenth of the heartbeat interval, at least 5 ms. */
    public Duration checkPeriod() {
        return Duration.ofMillis(Math.max(5, heartbeatInterval.toMillis() / 10));
    }

    /** @return the deadline of an attempt whose site-side part is expected to take {@code expectedSeconds} */
    public Duration deadlineFor(double expectedSeconds) {
        double seconds = Double.isFinite(expectedSeconds) && expectedSeconds > 0 ? expectedSeconds : 0;
        return Duration.ofNanos((long) (deadlineFactor * seconds * 1e9)).plus(deadlineSlack);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, but was " + value.toMillis() + " ms");
        }
    }
}
