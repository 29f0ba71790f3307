package io.edgeoff.testbed.net;

/** How one-way latency is added to a link. */
public enum LatencyMode {
    /** {@code tc qdisc netem delay} on both ends of each veth pair (the kernel has netem). */
    NETEM,
    /**
     * The userspace delay relay in each site's namespace holds every chunk of bytes for the
     * one-way latency in each direction (used when the kernel lacks netem).
     */
    RELAY
}
