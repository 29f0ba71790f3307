package io.edgeoff.common.mobility;

import io.edgeoff.common.app.WorkloadMix;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The devices of a scenario, the edge cells they move between and the scenario's handover rule. {@link #none()}
 * (a scenario without {@code devices:}, {@code cells:} and {@code mobility:}) is the seed's single device in a fixed
 * place.
 *
 * @param devices           the devices, ids unique; empty: one device with the scenario's workload and links
 * @param cells             the cells, ids unique
 * @param handover          what an offload in flight at a handover does; required when a device has a cell schedule
 * @param lookaheadSeconds  a decision taken less than this before the device's next handover plans each site's link
 *                          as the worse of the current and the next cell's, s, finite and &gt;= 0 (0: the current cell
 *                          only)
 */
public record Fleet(List<DeviceSpec> devices, List<Cell> cells, Optional<HandoverRule> handover,
                    double lookaheadSeconds) {
    private static final Fleet NONE = new Fleet(List.of(), List.of(), Optional.empty(), 0);

    public Fleet {
        devices = List.copyOf(devices);
        cells = List.copyOf(cells);
        Objects.requireNonNull(handover, "handover");
        if (!(lookaheadSeconds >= 0) || !Double.isFinite(lookaheadSeconds)) {
            throw new IllegalArgumentException("lookaheadSeconds must be finite and >= 0, but was " + lookaheadSeconds);
        }
        Set<String> deviceIds = new HashSet<>();
        for (DeviceSpec d : devices) {
            if (!deviceIds.add(d.id())) {
                throw new IllegalArgumentException("duplicate device id " + d.id());
            }
        }
        Set<String> cellIds = new HashSet<>();
        for (Cell c : cells) {
            if (!cellIds.add(c.id())) {
                throw new IllegalArgumentException("duplicate cell id " + c.id());
            }
        }
        for (DeviceSpec d : devices) {
            for (CellVisit v : d.cells().visits()) {
                if (!cellIds.contains(v.cellId())) {
                    throw new IllegalArgumentException("device " + d.id() + " visits unknown cell " + v.cellId()
                            + "; known cells: " + cells.stream().map(Cell::id).toList());
                }
            }
            if (!d.cells().isEmpty() && handover.isEmpty()) {
                throw new IllegalArgumentException("device " + d.id() + " moves between cells, so the scenario must "
                        + "state its handover rule (mobility.handover)");
            }
        }
    }

    /** The seed's single device, fixed in place. */
    public static Fleet none() {
        return NONE;
    }

    /** @return true when the scenario declares no devices, cells or mobility */
    public boolean isNone() {
        return devices.isEmpty() && cells.isEmpty() && handover.isEmpty() && lookaheadSeconds == 0;
    }

    /** @throws IllegalArgumentException naming the cell when there is none called {@code id} */
    public Cell cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown cell " + id + "; known cells: " + cells.stream().map(Cell::id).toList()));
    }

    /**
     * Checks the names this fleet uses against its scenario.
     *
     * @throws IllegalArgumentException naming the device or cell and the unknown site or application
     */
    public void requireKnown(Collection<String> remoteSiteIds, Collection<String> applicationNames) {
        for (Cell c : cells) {
            requireSites(c.links(), remoteSiteIds, "cell " + c.id());
        }
        for (DeviceSpec d : devices) {
            requireSites(d.links(), remoteSiteIds, "device " + d.id());
            Optional<WorkloadMix> mix = d.workload();
            if (mix.isPresent()) {
                for (String app : mix.get().probabilities().keySet()) {
                    if (!applicationNames.contains(app)) {
                        throw new IllegalArgumentException("device " + d.id() + "'s workload names unknown application "
                                + app + "; known: " + applicationNames);
                    }
                }
            }
        }
    }

    private static void requireSites(List<AccessLink> links, Collection<String> remote, String owner) {
        for (AccessLink l : links) {
            if (!remote.contains(l.siteId())) {
                throw new IllegalArgumentException(owner + " has a link to unknown remote site " + l.siteId()
                        + "; remote sites: " + remote);
            }
        }
    }
}
