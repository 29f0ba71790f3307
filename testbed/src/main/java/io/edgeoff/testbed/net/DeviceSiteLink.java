package io.edgeoff.testbed.net;

import io.edgeoff.common.mobility.AccessLink;
import java.util.Objects;

/**
 * The veth pair between one device of a fleet and one edge site, end A in the device's namespace, end B in the
 * site's, shaped ({@code tbf} rate, {@code netem} delay) with the link the device has to the site in the cell it is
 * in when the test-bed starts; {@link Topology#shape} changes it when the device moves.
 *
 * @param deviceId  the fleet device
 * @param pair      the veth pair
 * @param initial   the link it is shaped with at start (the device's cell at 0 s, else its own, else the scenario's)
 */
public record DeviceSiteLink(String deviceId, VethPair pair, AccessLink initial) {
    public DeviceSiteLink {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(initial, "initial");
    }

    /** @return the edge site at end B */
    public String siteId() {
        return initial.siteId();
    }
}
