package io.edgeoff.experiment;

import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultRow;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.TaskOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A live run's executions in the results schema: one {@link ResultRow} per execution, all in sample 0. */
final class LiveRows {
    private LiveRows() {
    }

    /**
     * The row of one execution.
     *
     * @param configuration the configuration whose trace nodes the sites replay, 0 for none
     * @param deviceIndex   the device's site index (its attempts are not offloads)
     * @param siteIds       every site of the scenario, in order
     * @param batteryJoules the scenario's battery budget, J
     */
    static ResultRow of(ExecutionResult r, int configuration, int deviceIndex, List<String> siteIds,
                        double batteryJoules) {
        Map<String, Long> tasks = new LinkedHashMap<>();
        Map<String, Long> failures = new LinkedHashMap<>();
        siteIds.forEach(id -> {
            tasks.put(id, 0L);
            failures.put(id, 0L);
        });
        long completed = 0;
        for (TaskOutcome t : r.tasks()) {
            if (t.completed()) {
                completed++;
                tasks.merge(t.siteId(), 1L, Long::sum);
            }
            for (Attempt a : t.attempts()) {
                if (!a.succeeded()) {
                    failures.merge(a.siteId(), 1L, Long::sum);
                }
            }
        }
        long attempts = r.offloadAttempts(deviceIndex);
        long failed = r.offloadFailures();
        return new ResultRow(r.policy(), configuration, 0, r.execution(), 1, completed, r.responseSeconds(),
                r.energyJoules(), ResultRow.batteryPercentLeft(r.energyJoules(), batteryJoules), attempts, failed,
                ResultRow.availabilityPercent(attempts, failed), r.tasksLost(), tasks, failures);
    }

    /** The rows of {@code results}, in their order. */
    static List<ResultRow> of(List<ExecutionResult> results, int configuration, int deviceIndex, List<String> siteIds,
                              double batteryJoules) {
        return results.stream().map(r -> of(r, configuration, deviceIndex, siteIds, batteryJoules)).toList();
    }

    /** The summary of {@code policy}'s executions among {@code results}. */
    static PolicySummary summary(String policy, List<ExecutionResult> results, int deviceIndex, List<String> siteIds,
                                 double batteryJoules) {
        return PolicySummary.of(policy, of(results, 0, deviceIndex, siteIds, batteryJoules));
    }
}
