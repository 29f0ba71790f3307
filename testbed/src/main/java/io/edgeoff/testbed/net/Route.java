package io.edgeoff.testbed.net;

/**
 * A static route in one namespace.
 *
 * @param namespace   where the route is added
 * @param destination destination network in CIDR notation
 * @param via         next-hop address
 */
public record Route(String namespace, String destination, String via) {
}
