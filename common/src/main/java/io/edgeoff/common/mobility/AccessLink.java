package io.edgeoff.common.mobility;

import io.edgeoff.common.cost.InputSource;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import java.util.List;

/**
 * The link between a device and one remote site, where a cell or a device replaces the scenario's device-site
 * link ({@code links:} between the DEVICE site and {@code siteId}).
 *
 * @param siteId         remote site id, not blank
 * @param latencyMillis  one-way latency, ms, finite and &gt;= 0
 * @param bandwidthKBps  bandwidth, KB/s, finite and &gt; 0
 */
public record AccessLink(String siteId, double latencyMillis, double bandwidthKBps) {
    public AccessLink {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("siteId must not be blank, but was '" + siteId + "'");
        }
        if (!(latencyMillis >= 0) || !Double.isFinite(latencyMillis)) {
            throw new IllegalArgumentException("latencyMillis must be finite and >= 0, but was " + latencyMillis);
        }
        if (!(bandwidthKBps > 0) || !Double.isFinite(bandwidthKBps)) {
            throw new IllegalArgumentException("bandwidthKBps must be finite and > 0, but was " + bandwidthKBps);
        }
    }

    /**
     * The links as the cost model's planning inputs ({@code CostModel.with}): each replaces its device-site link,
     * marked {@link InputSource#PRIOR} (the scenario's value, not a measurement), no queueing delay.
     * An empty list gives {@link PlanningInputs#none()}.
     */
    public static PlanningInputs planningInputs(List<AccessLink> links) {
        if (links.isEmpty()) {
            return PlanningInputs.none();
        }
        return new PlanningInputs(links.stream().map(l -> new SiteInputs(l.siteId(), l.latencyMillis(),
                InputSource.PRIOR, l.bandwidthKBps(), InputSource.PRIOR, 0, InputSource.PRIOR)).toList());
    }

    /** The worse of two links to the same site: the larger latency and the smaller bandwidth. */
    public AccessLink worse(AccessLink other) {
        if (!siteId.equals(other.siteId)) {
            throw new IllegalArgumentException("links to different sites cannot be compared: " + siteId + " and "
                    + other.siteId);
        }
        return new AccessLink(siteId, Math.max(latencyMillis, other.latencyMillis),
                Math.min(bandwidthKBps, other.bandwidthKBps));
    }
}
