package io.edgeoff.simulator.metrics;

import java.util.Objects;

/**
 * One device's outcome in one sampling (several devices, mobility).
 *
 * @param device                 device id
 * @param executions             application executions it finished
 * @param responseTimeSeconds    sum of its executions' response times, s
 * @param energyJoules           its energy over its executions, J
 * @param tasks                  tasks it completed
 * @param offloadAttempts        its offloading attempts (failed and successful)
 * @param failures               its failed offloading attempts (site down or handover)
 * @param handoverInterruptions  attempts that failed because it changed cell ({@code fail-and-redecide})
 * @param handovers              cell changes during its executions
 */
public record DeviceMetrics(String device, int executions, double responseTimeSeconds, double energyJoules,
                            long tasks, long offloadAttempts, long failures, long handoverInterruptions,
                            long handovers) {
    public DeviceMetrics {
        Objects.requireNonNull(device, "device");
    }
}
