package io.edgeoff.common.cost;

/**
 * A site's effective speed for the task being decided, when the device has learnt what that task's code costs there
 * (its handler's profile, time against input size): the task's planned work over the predicted execution time, so
 * that the cost model's {@code MI / MIPS} is the predicted time. The device's entry is allowed (its local time).
 *
 * @param siteId  site id, not blank
 * @param mips    effective speed, MI/s, finite and &gt; 0
 */
public record SiteSpeed(String siteId, double mips) {
    public SiteSpeed {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("siteId must not be blank, but was '" + siteId + "'");
        }
        if (!(mips > 0) || !Double.isFinite(mips)) {
            throw new IllegalArgumentException("mips of " + siteId + " must be finite and > 0, but was " + mips);
        }
    }

    /**
     * @param plannedMillionInstructions  the task's planned work, MI, &gt; 0
     * @param predictedSeconds            its predicted execution time on the site, s, &gt; 0
     * @return the speed at which {@code plannedMillionInstructions} take {@code predictedSeconds}
     */
    public static SiteSpeed of(String siteId, double plannedMillionInstructions, double predictedSeconds) {
        return new SiteSpeed(siteId, plannedMillionInstructions / predictedSeconds);
    }
}
