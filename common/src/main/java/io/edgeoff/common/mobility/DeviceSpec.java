package io.edgeoff.common.mobility;

import io.edgeoff.common.app.WorkloadMix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One of several devices of a scenario ({@code devices:}). Every device is an instance of the scenario's DEVICE
 * site (same speed and power model) with its own workload, its own executions and its own links to the sites.
 *
 * @param id               device id, not blank
 * @param workload         its application mix; empty: the scenario's {@code workload}
 * @param executions       its application executions per sampling; empty: the experiment's {@code --executions}
 * @param meanIdleSeconds  mean of the exponential pause between the end of one execution and the start of the next,
 *                         s, finite and &gt;= 0 (0: back to back, as the seed)
 * @param links            links that replace the scenario's device-site links for this device, at most one per site
 * @param cells            the cells it is in over time; {@link CellSchedule#none()}: fixed in place
 */
public record DeviceSpec(String id, Optional<WorkloadMix> workload, OptionalInt executions, double meanIdleSeconds,
                         List<AccessLink> links, CellSchedule cells) {
    public DeviceSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("device id must not be blank, but was '" + id + "'");
        }
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(executions, "executions");
        Objects.requireNonNull(cells, "cells");
        links = List.copyOf(links);
        if (executions.isPresent() && executions.getAsInt() < 1) {
            throw new IllegalArgumentException("executions must be >= 1, but was " + executions.getAsInt());
        }
        if (!(meanIdleSeconds >= 0) || !Double.isFinite(meanIdleSeconds)) {
            throw new IllegalArgumentException("meanIdleSeconds must be finite and >= 0, but was " + meanIdleSeconds);
        }
        Cell.requireOnePerSite(links, "device " + id);
    }

    /** A device with the scenario's workload and links, the experiment's executions, fixed in place. */
    public static DeviceSpec plain(String id) {
        return new DeviceSpec(id, Optional.empty(), OptionalInt.empty(), 0, List.of(), CellSchedule.none());
    }

    /**
     * This device's links while in {@code cell} (null: in no cell): the cell's link to a site where it has one,
     * else the device's own, else none (the scenario's link applies). In the order of the cell's links, then the
     * device's.
     */
    public List<AccessLink> linksIn(Cell cell) {
        List<AccessLink> out = new ArrayList<>();
        if (cell != null) {
            out.addAll(cell.links());
        }
        for (AccessLink own : links) {
            if (cell == null || cell.link(own.siteId()).isEmpty()) {
                out.add(own);
            }
        }
        return out;
    }
}
