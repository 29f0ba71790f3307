/**
 * The emulated network: the topology plan computed from a scenario (namespaces, veth pairs,
 * /30 addresses, routes through the WAN hop, shaping), its creation and tear-down with
 * {@code ip} and {@code tc}, and the removal of what a crashed run left behind.
 */
package io.edgeoff.testbed.net;
