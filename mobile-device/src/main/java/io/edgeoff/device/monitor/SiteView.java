package io.edgeoff.device.monitor;

/**
 * The device's current knowledge of one remote site.
 *
 * @param siteId                 site id
 * @param reachable              the last poll was answered
 * @param mips                   reported rating, MI/s (0 until known)
 * @param queueLength            reported queue length
 * @param predictedAvailability  forecast for the next slot, in [0,1] (1 until known)
 * @param mtbfHours              reported mean time between failures, h (infinite until known)
 * @param hoursSinceLastFailure  reported hours since the last failure (infinite when the site never failed)
 * @param roundTripMillis        smoothed round trip of polls, ms (NaN until measured)
 * @param throughputKBps         smoothed task-transfer throughput, KB/s (NaN until measured)
 * @param polls                  answered polls so far
 */
public record SiteView(String siteId, boolean reachable, double mips, int queueLength, double predictedAvailability,
                       double mtbfHours, double hoursSinceLastFailure, double roundTripMillis, double throughputKBps,
                       long polls) {

    /** What is assumed before the first poll. */
    public static SiteView unknown(String siteId) {
        return new SiteView(siteId, false, 0, 0, 1.0, Double.POSITIVE_INFINITY, 0, Double.NaN, Double.NaN, 0);
    }
}
