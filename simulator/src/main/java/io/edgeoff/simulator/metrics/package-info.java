/**
 * Per-sampling metrics (response time, device energy, battery, offloading failures, service
 * availability, tasks and failures per site) and their mean with a 95 % confidence interval
 * ({@code 1.96 * sd / sqrt(n)}, sample standard deviation), as in the seed's evaluation.
 */
package io.edgeoff.simulator.metrics;
