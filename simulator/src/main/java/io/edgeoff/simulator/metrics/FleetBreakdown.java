package io.edgeoff.simulator.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One sampling's results per device and per (device, cell), beside its {@link SamplingMetrics}.
 *
 * @param configuration  configuration id
 * @param policy         policy name
 * @param sampling       sampling index
 * @param devices        one entry per device, in the scenario's device order
 * @param cells          per device, one entry per cell it was in for at least one task, in cell order
 */
public record FleetBreakdown(int configuration, String policy, int sampling, List<DeviceMetrics> devices,
                             List<CellMetrics> cells) {
    public FleetBreakdown {
        Objects.requireNonNull(policy, "policy");
        devices = List.copyOf(devices);
        cells = List.copyOf(cells);
    }
}
