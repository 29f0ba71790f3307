package io.edgeoff.database;

import java.util.OptionalDouble;

/**
 * Per-site failure-estimation figures of the device's failure detector.
 *
 * @param siteId                        the site
 * @param detectedFailures              suspicions that were real failures
 * @param falseSuspicions               suspicions of a site that was alive
 * @param meanDetectionLatencyMillis    mean detection latency of the detected failures, ms
 * @param maxDetectionLatencyMillis     largest detection latency, ms
 */
public record SiteDetectorStats(String siteId, long detectedFailures, long falseSuspicions,
                                OptionalDouble meanDetectionLatencyMillis, OptionalDouble maxDetectionLatencyMillis) {
    /** @return all suspicions */
    public long suspicions() {
        return detectedFailures + falseSuspicions;
    }

    /** @return the share of suspicions that were false, in [0,1]; 0 without suspicions */
    public double falseSuspicionRate() {
        return suspicions() == 0 ? 0 : (double) falseSuspicions / suspicions();
    }
}
