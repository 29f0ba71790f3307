package io.edgeoff.device.detector;

/**
 * One period during which a site was suspected: failure-estimation data for the database.
 *
 * @param siteId                 the site
 * @param suspectedAt            wall-clock time of the suspicion (a timestamp only; durations are measured
 *                               with the monotonic clock)
 * @param cause                  what raised the suspicion: a {@link io.edgeoff.device.client.FailureKind} name
 *                               (hard evidence from a heartbeat or a task) or {@code SILENCE} (phi or the
 *                               maximum silence)
 * @param detectionLatencyMillis time from the site's last sign of life (its last answered heartbeat or
 *                               task) to the suspicion, ms: an upper bound of the true detection latency
 * @param suspectedMillis        how long the suspicion lasted, ms (until the next answered heartbeat, or
 *                               until the detector stopped)
 * @param ended                  true when the site was trusted again before the detector stopped
 * @param falseSuspicion         raised by silence alone and ended within the false-suspicion window
 */
public record SuspicionEpisode(String siteId, java.time.Instant suspectedAt, String cause, double detectionLatencyMillis, double suspectedMillis,
                               boolean ended, boolean falseSuspicion) {
}
