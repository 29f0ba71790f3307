package io.edgeoff.testbed.net;

/**
 * Where a remote site lives in the test-bed and what its path from the device should look like.
 *
 * @param siteId               scenario site id
 * @param namespace            the site's namespace
 * @param address              the site's IPv4 address as seen from the device
 * @param oneWayLatencyMillis  asked one-way latency device-site, ms
 * @param bandwidthKBps        asked bandwidth device-site, KB/s (1 KB = 1024 bytes)
 * @param cutNamespace         namespace of the interface that is set down to partition the site
 * @param cutInterface         that interface (device side for edge sites, WAN side for cloud sites)
 * @param viaWan               true when the path goes through the WAN hop namespace
 */
public record SiteEndpoint(String siteId, String namespace, String address, double oneWayLatencyMillis,
                           double bandwidthKBps, String cutNamespace, String cutInterface, boolean viaWan) {

    /** The asked round-trip time, ms. */
    public double roundTripMillis() {
        return 2 * oneWayLatencyMillis;
    }
}
