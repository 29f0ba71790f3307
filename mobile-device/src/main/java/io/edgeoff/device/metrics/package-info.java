/**
 * The device's Prometheus metrics: decisions per policy and site, attempts and failures by cause,
 * suspicions and detection latency, decision and response-time histograms, JVM metrics, served
 * at {@code GET /metrics} by {@link io.edgeoff.device.metrics.MetricsServer}. Fed from outside the
 * runtime: {@link io.edgeoff.device.metrics.DeviceMetrics} is an {@link io.edgeoff.device.runtime.OutcomeSink},
 * a {@link io.edgeoff.device.detector.SuspicionListener} and a decorator of the policies.
 */
package io.edgeoff.device.metrics;
