package io.edgeoff.common.mobility;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.site.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One device's links to the sites over time, for one sampling: in each cell of the scenario (and in no cell) the
 * cost model the device's attempts really cost ({@link #actual}) and the planning inputs its decisions plan with
 * ({@link #planning}). A decision taken less than the fleet's lookahead before a handover plans each site's link as
 * the worse of the current and the next cell's. A device without links and cells plans and costs with the
 * configuration's cost model unchanged ({@link PlanningInputs#none()}), as the seed's single device. Not
 * thread-safe (the lookahead pairs are cached on first use); one instance per device and sampling (simulator) or per
 * device runtime (live, {@code io.edgeoff.device.mobility.CellTracker}, which synchronizes on it). Times are seconds
 * since the sampling or the live run began.
 */
public final class DeviceLinks {
    /** Name of the cell index of a device that is in no cell. */
    public static final String NO_CELL = "-";

    private final CellSchedule schedule;
    private final List<String> cellNames;
    /** Per visit of the schedule, the index of its cell. */
    private final int[] visitCell;
    private final PlanningInputs[] inputs;
    private final CostModel[] actual;
    private final AccessLink[][] full;
    private final double lookaheadSeconds;
    /** Per (current cell, next cell), the worse of both cells' links; filled on first use. */
    private final PlanningInputs[] lookahead;

    /**
     * @param base    the configuration's cost model (the scenario's links, cloud latencies drawn)
     * @param device  the device's links and cell schedule
     * @param fleet   the scenario's cells and lookahead
     */
    public DeviceLinks(CostModel base, DeviceSpec device, Fleet fleet) {
        this.schedule = device.cells();
        this.lookaheadSeconds = fleet.lookaheadSeconds();
        int cells = fleet.cells().size();
        this.cellNames = new ArrayList<>();
        this.inputs = new PlanningInputs[cells + 1];
        this.actual = new CostModel[cells + 1];
        this.full = new AccessLink[cells + 1][];
        this.lookahead = new PlanningInputs[(cells + 1) * (cells + 1)];
        Map<String, Integer> cellIndex = new HashMap<>();
        for (int c = 0; c <= cells; c++) {
            Cell cell = c < cells ? fleet.cells().get(c) : null;
            String name = cell == null ? NO_CELL : cell.id();
            cellNames.add(name);
            cellIndex.put(name, c);
            List<AccessLink> links = device.linksIn(cell);
            inputs[c] = AccessLink.planningInputs(links);
            actual[c] = base.with(inputs[c]);
            full[c] = allRemoteLinks(actual[c]);
        }
        this.visitCell = schedule.visits().stream().mapToInt(v -> cellIndex.get(v.cellId())).toArray();
    }

    /** The links of a device without its own links or cells: the configuration's cost model. */
    public static DeviceLinks fixed(CostModel base) {
        return new DeviceLinks(base, DeviceSpec.plain("device"), Fleet.none());
    }

    private static AccessLink[] allRemoteLinks(CostModel model) {
        int device = model.deviceIndex();
        List<Site> sites = model.sites();
        AccessLink[] out = new AccessLink[sites.size()];
        for (int s = 0; s < sites.size(); s++) {
            if (s != device) {
                out[s] = new AccessLink(sites.get(s).id(), model.network().latencyMillis(device, s),
                        model.network().bandwidthKBps(device, s));
            }
        }
        return out;
    }

    /** @return the index of the cell the device is in at {@code seconds} (the last index: in no cell) */
    public int cellAt(double seconds) {
        if (visitCell.length == 0) {
            return cellNames.size() - 1;
        }
        return visitCell[schedule.visitAt(seconds)];
    }

    /** @return the cell names by index; the last is {@link #NO_CELL} */
    public List<String> cellNames() {
        return List.copyOf(cellNames);
    }

    /** @return the first handover strictly after {@code seconds}, s (infinity: none) */
    public double nextHandoverAfter(double seconds) {
        return schedule.nextHandoverAfter(seconds);
    }

    /** @return the cost model of an attempt that starts at {@code seconds}: the links of the cell the device is in */
    public CostModel actual(double seconds) {
        return actual[cellAt(seconds)];
    }

    /** @return the cost model of an attempt in cell {@code cell} (an index of {@link #cellNames()}) */
    public CostModel actualIn(int cell) {
        return actual[cell];
    }

    /**
     * @return what a decision at {@code seconds} plans with: the current cell's links, or, less than the lookahead
     *         before a handover, per site the worse of the current and the next cell's link
     */
    public PlanningInputs planning(double seconds) {
        int now = cellAt(seconds);
        if (lookaheadSeconds > 0) {
            double handover = schedule.nextHandoverAfter(seconds);
            if (handover - seconds < lookaheadSeconds) {
                int next = cellAt(handover);
                int pair = now * full.length + next;
                if (lookahead[pair] == null) {
                    lookahead[pair] = worse(full[now], full[next]);
                }
                return lookahead[pair];
            }
        }
        return inputs[now];
    }

    private static PlanningInputs worse(AccessLink[] a, AccessLink[] b) {
        List<AccessLink> links = new ArrayList<>();
        for (int s = 0; s < a.length; s++) {
            if (a[s] != null) {
                links.add(a[s].worse(b[s]));
            }
        }
        return AccessLink.planningInputs(links);
    }
}
