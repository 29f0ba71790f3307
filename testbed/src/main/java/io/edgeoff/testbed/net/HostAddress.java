package io.edgeoff.testbed.net;

/**
 * An address of a namespace that is on no link ({@code /32} on {@code lo}): a site's service address in a fleet
 * test-bed, which every device reaches over its own link (routed per device), so all devices use one URL per site.
 *
 * @param namespace the namespace
 * @param address   the IPv4 address
 */
public record HostAddress(String namespace, String address) {
}
