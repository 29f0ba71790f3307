package io.edgeoff.device.runtime;

import java.util.List;

/**
 * One application execution.
 *
 * @param runId            run identifier
 * @param policy           policy name
 * @param execution        execution number within the run (0-based)
 * @param application      application name
 * @param responseSeconds  wall time from the start of the first task to the end of the last, s
 * @param energyJoules     device energy of all tasks, J
 * @param tasks            one outcome per task, in task order
 */
public record ExecutionResult(String runId, String policy, int execution, String application, double responseSeconds,
                              double energyJoules, List<TaskOutcome> tasks) {
    public ExecutionResult {
        tasks = List.copyOf(tasks);
    }

    public long offloadAttempts(int deviceIndex) {
        return tasks.stream().mapToLong(t -> t.offloadAttempts(deviceIndex)).sum();
    }

    public long offloadFailures() {
        return tasks.stream().mapToLong(TaskOutcome::failures).sum();
    }

    public long tasksLost() {
        return tasks.stream().filter(t -> !t.completed()).count();
    }
}
