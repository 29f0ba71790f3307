package io.edgeoff.common.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a run file, the same for live runs and simulations: one live application execution
 * ({@code executions.csv}: {@code sample = 0}, {@code execution} its index, {@code executions = 1}), or one simulator
 * sampling ({@code samplings.csv}: {@code sample} its index, {@code execution = -1}, {@code executions} run in it).
 * Sums are over the row's executions. Written and read by {@link ResultsCsv}; the CSV column of each field is in
 * {@link ResultsCsv#ROW_COLUMNS}.
 *
 * @param policy                     policy name
 * @param configuration              scenario configuration (trace nodes) id, 0 when none was used
 * @param sample                     sample index: a simulator sampling; 0 for a live run (all its executions are
 *                                   one sample of the device's battery)
 * @param execution                  execution index of a live row, -1 for a sampling row
 * @param executions                 application executions in the row
 * @param tasks                      tasks completed
 * @param responseSeconds            response time summed over the row's executions, s
 * @param energyJoules               device energy summed over the row's executions, J
 * @param batteryPercentLeft         battery left after the row's executions alone, % of the scenario's budget
 * @param offloadAttempts            attempts sent to a remote site
 * @param offloadFailures            failed attempts
 * @param serviceAvailabilityPercent successful / attempted offloads, % (100 when nothing was offloaded)
 * @param tasksLost                  tasks without a final success
 * @param tasksPerSite               site id to tasks completed there (every site of the scenario)
 * @param failuresPerSite            site id to failed attempts there (every site of the scenario)
 */
public record ResultRow(String policy, int configuration, int sample, int execution, long executions, long tasks,
                        double responseSeconds, double energyJoules, double batteryPercentLeft, long offloadAttempts,
                        long offloadFailures, double serviceAvailabilityPercent, long tasksLost,
                        Map<String, Long> tasksPerSite, Map<String, Long> failuresPerSite) {
    public ResultRow {
        Objects.requireNonNull(policy, "policy");
        if (executions < 1) {
            throw new IllegalArgumentException("executions must be >= 1, but was " + executions);
        }
        if (offloadFailures > offloadAttempts) {
            throw new IllegalArgumentException("offloadFailures " + offloadFailures + " > offloadAttempts "
                    + offloadAttempts);
        }
        tasksPerSite = Collections.unmodifiableMap(new LinkedHashMap<>(tasksPerSite));
        failuresPerSite = Collections.unmodifiableMap(new LinkedHashMap<>(failuresPerSite));
    }

    /** @return service availability in % from successful and attempted offloads (100 with no attempt) */
    public static double availabilityPercent(long attempts, long failures) {
        return attempts == 0 ? 100.0 : 100.0 * (attempts - failures) / attempts;
    }

    /** @return battery left in % of {@code batteryJoules} after spending {@code energyJoules} */
    public static double batteryPercentLeft(double energyJoules, double batteryJoules) {
        return 100.0 * (1.0 - energyJoules / batteryJoules);
    }
}
