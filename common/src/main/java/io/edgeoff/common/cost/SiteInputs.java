package io.edgeoff.common.cost;

import java.util.Objects;

/**
 * What the cost model plans with for one remote site, when it plans with estimates instead of the scenario's
 * fixed values: the link between the device and the site, and the site's queueing delay.
 *
 * @param siteId            site id, not blank
 * @param latencyMillis     one-way latency of the device-site link, ms, finite and &gt;= 0
 * @param latencySource     whether the latency is measured or the scenario's prior
 * @param bandwidthKBps     bandwidth of the device-site link, KB/s, &gt; 0 (may be infinite)
 * @param bandwidthSource   whether the bandwidth is measured or the scenario's prior
 * @param queueDelayMillis  expected wait in the site's queue before execution, ms, finite and &gt;= 0
 * @param queueSource       whether the queueing delay is measured or the prior (0)
 */
public record SiteInputs(String siteId, double latencyMillis, InputSource latencySource, double bandwidthKBps,
                         InputSource bandwidthSource, double queueDelayMillis, InputSource queueSource) {
    public SiteInputs {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("siteId must not be blank, but was '" + siteId + "'");
        }
        if (!(latencyMillis >= 0) || !Double.isFinite(latencyMillis)) {
            throw new IllegalArgumentException("latencyMillis of " + siteId + " must be finite and >= 0, but was "
                    + latencyMillis);
        }
        if (!(bandwidthKBps > 0)) {
            throw new IllegalArgumentException("bandwidthKBps of " + siteId + " must be > 0, but was " + bandwidthKBps);
        }
        if (!(queueDelayMillis >= 0) || !Double.isFinite(queueDelayMillis)) {
            throw new IllegalArgumentException("queueDelayMillis of " + siteId + " must be finite and >= 0, but was "
                    + queueDelayMillis);
        }
        Objects.requireNonNull(latencySource, "latencySource");
        Objects.requireNonNull(bandwidthSource, "bandwidthSource");
        Objects.requireNonNull(queueSource, "queueSource");
    }

    /** The scenario's values of the link between {@code device} and {@code site} of {@code costModel}, no queue. */
    public static SiteInputs priorOf(CostModel costModel, int site) {
        int device = costModel.deviceIndex();
        return new SiteInputs(costModel.sites().get(site).id(), costModel.network().latencyMillis(device, site),
                InputSource.PRIOR, costModel.network().bandwidthKBps(device, site), InputSource.PRIOR, 0,
                InputSource.PRIOR);
    }

    /** @return true when any of the three values is measured */
    public boolean anyMeasured() {
        return latencySource == InputSource.MEASURED || bandwidthSource == InputSource.MEASURED
                || queueSource == InputSource.MEASURED;
    }

    /** One line, e.g. {@code ED 12.0 ms (measured), 2500 KB/s (prior), queue 0.0 ms (measured)}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s %.1f ms (%s), %.0f KB/s (%s), queue %.1f ms (%s)", siteId,
                latencyMillis, label(latencySource), bandwidthKBps, label(bandwidthSource), queueDelayMillis,
                label(queueSource));
    }

    private static String label(InputSource source) {
        return source.name().toLowerCase(java.util.Locale.ROOT);
    }
}
