package io.edgeoff.simulator.metrics;

import java.util.Objects;

/**
 * What one device did while in one cell, in one sampling; a task belongs to the cell the device was in when the
 * task became ready.
 *
 * @param device                 device id
 * @param cell                   cell id ({@code -}: in no cell)
 * @param tasks                  tasks completed
 * @param offloadedTasks         tasks that ended on a remote site
 * @param offloadAttempts        offloading attempts (failed and successful)
 * @param failures               failed offloading attempts (site down or handover)
 * @param handoverInterruptions  attempts that failed at a handover ({@code fail-and-redecide})
 * @param finishedOverOldPath    attempts in flight at a handover that finished over the old cell's path
 * @param taskSeconds            the tasks' durations, failed attempts included, s
 * @param energyJoules           the device's energy for the tasks, J
 */
public record CellMetrics(String device, String cell, long tasks, long offloadedTasks, long offloadAttempts,
                          long failures, long handoverInterruptions, long finishedOverOldPath, double taskSeconds,
                          double energyJoules) {
    public CellMetrics {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(cell, "cell");
    }
}
