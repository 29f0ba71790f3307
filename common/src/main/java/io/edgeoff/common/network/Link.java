package io.edgeoff.common.network;

import java.util.Objects;

/**
 * A symmetric link between two distinct sites.
 *
 * @param siteA          one end (site id)
 * @param siteB          the other end (site id)
 * @param latency        one-way latency
 * @param bandwidthKBps  bandwidth in KB/s, &gt; 0
 */
public record Link(String siteA, String siteB, LatencySpec latency, double bandwidthKBps) {
    public Link {
        Objects.requireNonNull(siteA, "siteA");
        Objects.requireNonNull(siteB, "siteB");
        Objects.requireNonNull(latency, "latency");
        if (siteA.equals(siteB)) {
            throw new IllegalArgumentException("a link must join two different sites, but both ends are " + siteA);
        }
        if (!(bandwidthKBps > 0) || !Double.isFinite(bandwidthKBps)) {
            throw new IllegalArgumentException(
                    "link " + siteA + "-" + siteB + ": bandwidthKBps must be > 0, but was " + bandwidthKBps);
        }
    }

    /** @return true when this link joins the two given sites, in either order */
    public boolean joins(String one, String other) {
        return (siteA.equals(one) && siteB.equals(other)) || (siteA.equals(other) && siteB.equals(one));
    }
}
