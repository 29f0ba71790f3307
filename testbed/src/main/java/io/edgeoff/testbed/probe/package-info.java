/**
 * Measuring the emulated links: a probe server (echo, sink, source) that runs next to a site,
 * a probe client that runs in the device's namespace and measures round-trip time and goodput in
 * both directions, and the table that compares them with what the scenario asked for.
 */
package io.edgeoff.testbed.probe;
