/**
 * The resource monitor (seed step 2c): polls every site's {@code /v1/resources} and
 * {@code /v1/availability}, measures round trip and throughput to each site, and turns what it knows
 * into the {@link io.edgeoff.decision.SiteOutlook}s the decision engine consumes.
 */
package io.edgeoff.device.monitor;
