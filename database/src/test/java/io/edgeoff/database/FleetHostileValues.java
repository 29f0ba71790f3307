package io.edgeoff.database;

import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.CellSchedule;
import io.edgeoff.common.mobility.CellVisit;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * {@link HostileValues} for the columns of {@code V3__fleet.sql} ({@link FleetLimits}): values just beyond each limit,
 * placed into a scenario with a fleet ({@link #base()}: the commuter's cells and schedule, and a device with its own
 * workload and links), with the field a message must name.
 */
final class FleetHostileValues {
    /** Columns whose values come from elsewhere in the scenario and are checked there (see the javadoc). */
    static final Set<String> CHECKED_ELSEWHERE = Set.of(
            "cell_links.site_id", "device_links.site_id",          // a site's id: offloading_sites.site_id
            "device_workload.application_name",                    // an application's name: applications.name
            "scenario_mobility.handover_rule");                    // an enum whose names fit

    private FleetHostileValues() {
    }

    /** The commuter with a second device that has its own workload and links. */
    static Scenario base() {
        Scenario commuter = ScenarioYaml.load("commuter-3-hotspots");
        Fleet f = commuter.fleet();
        List<DeviceSpec> devices = new ArrayList<>(f.devices());
        devices.add(new DeviceSpec("lab", Optional.of(new WorkloadMix(Map.of("CHESS", 0.5, "ANTIVIRUS", 0.5))),
                OptionalInt.of(5), 0.5, List.of(new AccessLink("EC", 3, 12500)), CellSchedule.none()));
        return commuter.withFleet(new Fleet(devices, f.cells(), f.handover(), f.lookaheadSeconds()));
    }

    private record Text(BiFunction<Scenario, String, Scenario> mutation, String field) {
    }

    private record Number(BiFunction<Scenario, Double, Scenario> mutation, String field) {
    }

    static Map<String, Object> columns() {
        Map<String, Object> m = new TreeMap<>();
        for (String c : List.of("cells.cell_id", "cell_links.cell_id", "device_cell_visits.cell_id")) {
            m.put(c, new Text(FleetHostileValues::renameCell, "cells[0].id"));
        }
        for (String c : List.of("devices.device_id", "device_workload.device_id", "device_links.device_id",
                "device_cell_visits.device_id")) {
            m.put(c, new Text((s, v) -> device(s, 1, d -> new DeviceSpec(v, d.workload(), d.executions(),
                    d.meanIdleSeconds(), d.links(), d.cells())), "devices[1].id"));
        }
        m.put("scenario_mobility.lookahead_seconds", new Number((s, v) -> fleet(s, f -> new Fleet(f.devices(),
                f.cells(), f.handover(), v)), "mobility.lookaheadSeconds"));
        m.put("cell_links.latency_millis", new Number((s, v) -> cellLink(s, new AccessLink("ED", v, 5000)),
                "cells[0].links.ED.latencyMillis"));
        m.put("cell_links.bandwidth_kbps", new Number((s, v) -> cellLink(s, new AccessLink("ED", 5, v)),
                "cells[0].links.ED.bandwidthKBps"));
        m.put("devices.executions", new Number((s, v) -> device(s, 1, d -> new DeviceSpec(d.id(), d.workload(),
                OptionalInt.of((int) Math.floor(v)), d.meanIdleSeconds(), d.links(), d.cells())), "devices[1].executions"));
        m.put("devices.mean_idle_seconds", new Number((s, v) -> device(s, 1, d -> new DeviceSpec(d.id(), d.workload(),
                d.executions(), v, d.links(), d.cells())), "devices[1].meanIdleSeconds"));
        m.put("devices.repeat_every_seconds", new Number((s, v) -> device(s, 0, d -> new DeviceSpec(d.id(),
                d.workload(), d.executions(), d.meanIdleSeconds(), d.links(), new CellSchedule(d.cells().visits(), v))),
                "devices[0].cells.repeatEverySeconds"));
        m.put("device_workload.probability", new Number((s, v) -> device(s, 1, d -> new DeviceSpec(d.id(),
                Optional.of(new WorkloadMix(Map.of("CHESS", v, "ANTIVIRUS", 1 - v))), d.executions(),
                d.meanIdleSeconds(), d.links(), d.cells())), "devices[1].workload"));
        m.put("device_links.latency_millis", new Number((s, v) -> device(s, 1, d -> new DeviceSpec(d.id(),
                d.workload(), d.executions(), d.meanIdleSeconds(), List.of(new AccessLink("EC", v, 12500)),
                d.cells())), "devices[1].links.EC.latencyMillis"));
        m.put("device_links.bandwidth_kbps", new Number((s, v) -> device(s, 1, d -> new DeviceSpec(d.id(),
                d.workload(), d.executions(), d.meanIdleSeconds(), List.of(new AccessLink("EC", 3, v)),
                d.cells())), "devices[1].links.EC.bandwidthKBps"));
        m.put("device_cell_visits.at_seconds", new Number((s, v) -> device(s, 0, d -> {
            List<CellVisit> visits = new ArrayList<>(d.cells().visits());
            visits.set(2, new CellVisit(v, visits.get(2).cellId()));
            return new DeviceSpec(d.id(), d.workload(), d.executions(), d.meanIdleSeconds(), d.links(),
                    new CellSchedule(visits, 0));
        }), "devices[0].cells.schedule[2].atSeconds"));
        return m;
    }

    /** Every case: text one character too long, with NUL, with a lone surrogate; numbers at and beyond each bound. */
    static List<HostileValues.Case> cases() {
        List<HostileValues.Case> out = new ArrayList<>();
        columns().forEach((column, c) -> {
            if (c instanceof Text t) {
                int limit = FleetLimits.TEXT_LENGTHS.get(column);
                Map<String, String> values = new LinkedHashMap<>();
                values.put("x * " + (limit + 1), "x".repeat(limit + 1));
                values.put("NUL", "A\u0000B");
                values.put("lone surrogate", "A\uD800B");
                values.forEach((label, v) -> out.add(new HostileValues.Case(column, label,
                        s -> t.mutation().apply(s, v), t.field())));
            } else if (c instanceof Number n) {
                ScenarioLimits.Bounds b = FleetLimits.NUMBER_BOUNDS.get(column);
                List<Double> values = new ArrayList<>();
                if (b.min() != Double.NEGATIVE_INFINITY) {
                    values.add(b.minInclusive() ? Math.nextDown(b.min()) : b.min());
                    values.add(-1e308);
                }
                if (b.max() != Double.POSITIVE_INFINITY) {
                    values.add(b.maxInclusive() ? Math.nextUp(b.max()) : b.max());
                    values.add(1e308);
                }
                for (double v : values) {
                    out.add(new HostileValues.Case(column, Double.toString(v), s -> n.mutation().apply(s, v),
                            n.field()));
                }
            }
        });
        return out;
    }

    private static Scenario fleet(Scenario s, UnaryOperator<Fleet> change) {
        return s.withFleet(change.apply(s.fleet()));
    }

    private static Scenario device(Scenario s, int index, UnaryOperator<DeviceSpec> change) {
        return fleet(s, f -> {
            List<DeviceSpec> devices = new ArrayList<>(f.devices());
            devices.set(index, change.apply(devices.get(index)));
            return new Fleet(devices, f.cells(), f.handover(), f.lookaheadSeconds());
        });
    }

    private static Scenario cellLink(Scenario s, AccessLink link) {
        return fleet(s, f -> {
            List<Cell> cells = new ArrayList<>(f.cells());
            cells.set(0, new Cell(cells.get(0).id(), List.of(link)));
            return new Fleet(f.devices(), cells, f.handover(), f.lookaheadSeconds());
        });
    }

    private static Scenario renameCell(Scenario s, String name) {
        return fleet(s, f -> {
            String old = f.cells().get(0).id();
            List<Cell> cells = new ArrayList<>(f.cells());
            cells.set(0, new Cell(name, cells.get(0).links()));
            List<DeviceSpec> devices = f.devices().stream().map(d -> new DeviceSpec(d.id(), d.workload(),
                    d.executions(), d.meanIdleSeconds(), d.links(), new CellSchedule(d.cells().visits().stream()
                    .map(v -> v.cellId().equals(old) ? new CellVisit(v.atSeconds(), name) : v).toList(),
                    d.cells().repeatEverySeconds()))).toList();
            return new Fleet(devices, cells, f.handover(), f.lookaheadSeconds());
        });
    }
}
