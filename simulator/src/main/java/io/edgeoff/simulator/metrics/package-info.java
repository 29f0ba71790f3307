/**
 * Per-sampling metrics (response time, device energy, battery, offloading failures, service
 * availability, tasks and failures per site) and their mean with a 95 % confidence interval over the samplings
 * ({@link io.edgeoff.common.stats.MeanInterval}: Student's t with {@code n - 1} degrees of freedom; no interval
 * for a single sampling).
 */
package io.edgeoff.simulator.metrics;
