package io.edgeoff.testbed.net;

import java.util.Objects;
import java.util.Optional;

/**
 * One emulated link: a veth pair with end A in namespace A and end B in namespace B, each with an
 * address of the same /30 network, optionally rate-limited in both directions.
 *
 * @param nameA      interface name of end A (at most 15 characters)
 * @param namespaceA namespace of end A
 * @param addressA   IPv4 address of end A
 * @param nameB      interface name of end B (at most 15 characters)
 * @param namespaceB namespace of end B
 * @param addressB   IPv4 address of end B
 * @param network    the /30 network in CIDR notation
 * @param shaping    rate limit applied on the egress of both ends, or empty for an unshaped hop
 */
public record VethPair(String nameA, String namespaceA, String addressA, String nameB, String namespaceB,
                       String addressB, String network, Optional<Shaping> shaping) {
    /** Longest Linux interface name. */
    public static final int MAX_INTERFACE_NAME = 15;

    public VethPair {
        Objects.requireNonNull(shaping, "shaping");
        for (String name : new String[] {nameA, nameB}) {
            if (name == null || name.isEmpty() || name.length() > MAX_INTERFACE_NAME) {
                throw new IllegalArgumentException("interface name must have 1 to " + MAX_INTERFACE_NAME
                        + " characters, but was '" + name + "'");
            }
        }
    }
}
