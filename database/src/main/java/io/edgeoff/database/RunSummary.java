package io.edgeoff.database;

import java.util.Map;

/**
 * Totals of one run, computed by the database.
 *
 * @param runId               the run
 * @param executions          application executions with at least one outcome
 * @param tasks               task outcomes
 * @param totalTimeSeconds    sum of task times, s
 * @param totalEnergyJoules   sum of task energies, J
 * @param failedAttempts      sum of failed offloading attempts
 * @param tasksPerSite        site id to number of tasks that ran there, by site id
 */
public record RunSummary(long runId, long executions, long tasks, double totalTimeSeconds, double totalEnergyJoules,
                         long failedAttempts, Map<String, Long> tasksPerSite) {
    public RunSummary {
        tasksPerSite = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tasksPerSite));
    }
}
