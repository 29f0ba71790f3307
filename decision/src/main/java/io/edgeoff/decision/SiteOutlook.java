package io.edgeoff.decision;

/**
 * What the device currently believes about one site, as fed to a policy (seed steps 2a, 2c, 3a-3c).
 * For the device itself use {@link #certain()}.
 *
 * @param predictedAvailability  predicted availability for the next slot, in [0,1] (prediction engine)
 * @param downProbability        probability that an attempt started now finds the site unavailable, in [0,1]
 * @param failureRatePerSecond   hazard of the site failing while a task runs, per second, &gt;= 0
 *                               (0 in the seed's per-epoch failure model)
 * @param mtbfHours              mean time between failures, hours, &gt; 0 (infinite when never failed)
 * @param hoursSinceLastFailure  time since the site's last failure, hours, &gt;= 0 (EFPO's input)
 * @param suspected              the failure detector currently suspects the site
 */
public record SiteOutlook(double predictedAvailability, double downProbability, double failureRatePerSecond,
                          double mtbfHours, double hoursSinceLastFailure, boolean suspected) {
    public SiteOutlook {
        if (!(predictedAvailability >= 0 && predictedAvailability <= 1)) {
            throw new IllegalArgumentException("availability must be in [0,1], but was " + predictedAvailability);
        }
        if (!(downProbability >= 0 && downProbability <= 1)) {
            throw new IllegalArgumentException("downProbability must be in [0,1], but was " + downProbability);
        }
        if (!(failureRatePerSecond >= 0)) {
            throw new IllegalArgumentException("failureRatePerSecond must be >= 0, but was " + failureRatePerSecond);
        }
        if (!(mtbfHours > 0)) {
            throw new IllegalArgumentException("mtbfHours must be > 0, but was " + mtbfHours);
        }
        if (!(hoursSinceLastFailure >= 0)) {
            throw new IllegalArgumentException("hoursSinceLastFailure must be >= 0, but was " + hoursSinceLastFailure);
        }
    }

    /**
     * This outlook as the failure detector colours it: a suspected site is expected to refuse an attempt started
     * now (down probability 1); a trusted one keeps its predicted down probability. The one rule of the device's
     * monitor and of the simulator's detector model.
     */
    public SiteOutlook withSuspicion(boolean suspect) {
        if (!suspect) {
            return suspected ? new SiteOutlook(predictedAvailability, 1.0 - predictedAvailability,
                    failureRatePerSecond, mtbfHours, hoursSinceLastFailure, false) : this;
        }
        return new SiteOutlook(predictedAvailability, 1.0, failureRatePerSecond, mtbfHours, hoursSinceLastFailure,
                true);
    }

    /** A site that never fails (the device). */
    public static SiteOutlook certain() {
        return new SiteOutlook(1.0, 0.0, 0.0, Double.POSITIVE_INFINITY, 0.0, false);
    }

    /** A site known only by its predicted availability; its down probability is {@code 1 - availability}. */
    public static SiteOutlook ofAvailability(double availability) {
        return new SiteOutlook(availability, 1.0 - availability, 0.0, Double.POSITIVE_INFINITY, 0.0, false);
    }
}
