package io.edgeoff.testbed.net;

import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.network.Network;
import java.util.List;
import java.util.Optional;

/**
 * One device of a fleet scenario in the test-bed: its own namespace with its own shaped veth pair to every edge site
 * (and, with a cloud site, an unshaped access pair to the WAN hop).
 *
 * @param deviceId   the device's id in the scenario's {@code devices:}
 * @param namespace  its namespace {@code eo<run>-d<index>}
 * @param links      its links to the edge sites, in scenario order
 */
public record DeviceHost(String deviceId, String namespace, List<DeviceSiteLink> links) {
    public DeviceHost {
        links = List.copyOf(links);
    }

    /** @return this device's link to {@code siteId}, if it has a direct one (edge sites) */
    public Optional<DeviceSiteLink> link(String siteId) {
        return links.stream().filter(l -> l.siteId().equals(siteId)).findFirst();
    }

    /**
     * The link {@code device} has to {@code siteId} while in {@code cell} (null: in no cell): the cell's, else the
     * device's own ({@link DeviceSpec#linksIn}), else the scenario's device-site link in {@code network}.
     */
    public static AccessLink linkIn(DeviceSpec device, Cell cell, String siteId, Network network,
                                    String deviceSiteId) {
        return device.linksIn(cell).stream().filter(l -> l.siteId().equals(siteId)).findFirst()
                .orElseGet(() -> new AccessLink(siteId,
                        network.latencyMillis(network.indexOf(deviceSiteId), network.indexOf(siteId)),
                        network.bandwidthKBps(network.indexOf(deviceSiteId), network.indexOf(siteId))));
    }
}
