/**
 * Reports of an experiment: {@code samplings.csv} (one row per sampling), {@code summary.json} (mean and
 * 95 % CI per policy, over all configurations and per configuration), {@code experiment.json} (what was
 * run) and {@code report.html} with PNG charts drawn by XChart.
 */
package io.edgeoff.simulator.report;
