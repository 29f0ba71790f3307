/**
 * The offloading client: the device's side of the site HTTP API ({@code /v1/tasks}, {@code /v1/health},
 * {@code /v1/resources}, {@code /v1/availability}) over {@link java.net.http.HttpClient}, its bodies the
 * records of the wire contract ({@code io.edgeoff.siteapi}, shared with the site), with failures
 * returned as values ({@link io.edgeoff.device.client.OffloadResult.Failed}) classified by how they were
 * detected, and the device-side emulation of the scenario's link latencies and bandwidths
 * ({@link io.edgeoff.device.client.LinkEmulator}).
 */
package io.edgeoff.device.client;
