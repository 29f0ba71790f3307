package io.edgeoff.database;

import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.CellSchedule;
import io.edgeoff.common.mobility.CellVisit;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.mobility.HandoverRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A scenario's {@link Fleet} in the tables of {@code V3__fleet.sql}: {@code scenario_mobility} (only when the
 * scenario has a fleet), {@code cells}, {@code cell_links}, {@code devices}, {@code device_workload},
 * {@code device_links} and {@code device_cell_visits}, in list order. {@link #read} gives back the saved fleet.
 */
final class FleetRows {
    /** Children first, so a delete never depends on cascade paths. */
    static final List<String> TABLES = List.of("device_cell_visits", "device_links", "device_workload", "devices",
            "cell_links", "cells", "scenario_mobility");

    private FleetRows() {
    }

    static void insert(Handle h, long id, Fleet fleet) {
        if (fleet.isNone()) {
            return;
        }
        h.createUpdate("INSERT INTO scenario_mobility (scenario_id, handover_rule, lookahead_seconds) "
                        + "VALUES (:scenario, :rule, :lookahead)")
                .bind("scenario", id).bind("rule", fleet.handover().map(HandoverRule::name).orElse(null))
                .bind("lookahead", fleet.lookaheadSeconds()).execute();
        PreparedBatch cells = h.prepareBatch("INSERT INTO cells (scenario_id, cell_id, position) "
                + "VALUES (:scenario, :cell, :position)");
        for (int i = 0; i < fleet.cells().size(); i++) {
            cells.bind("scenario", id).bind("cell", fleet.cells().get(i).id()).bind("position", i).add();
        }
        execute(cells);
        PreparedBatch cellLinks = linkBatch(h, "cell");
        for (Cell cell : fleet.cells()) {
            addLinks(cellLinks, id, cell.id(), cell.links());
        }
        execute(cellLinks);
        PreparedBatch devices = h.prepareBatch("INSERT INTO devices (scenario_id, device_id, position, executions, "
                + "mean_idle_seconds, repeat_every_seconds) "
                + "VALUES (:scenario, :device, :position, :executions, :idle, :repeat)");
        PreparedBatch workload = h.prepareBatch("INSERT INTO device_workload (scenario_id, device_id, "
                + "application_name, position, probability) VALUES (:scenario, :device, :app, :position, :p)");
        PreparedBatch deviceLinks = linkBatch(h, "device");
        PreparedBatch visits = h.prepareBatch("INSERT INTO device_cell_visits (scenario_id, device_id, position, "
                + "at_seconds, cell_id) VALUES (:scenario, :device, :position, :at, :cell)");
        for (int i = 0; i < fleet.devices().size(); i++) {
            DeviceSpec d = fleet.devices().get(i);
            devices.bind("scenario", id).bind("device", d.id()).bind("position", i)
                    .bind("executions", d.executions().isPresent() ? d.executions().getAsInt() : null)
                    .bind("idle", d.meanIdleSeconds()).bind("repeat", d.cells().repeatEverySeconds()).add();
            if (d.workload().isPresent()) {
                int position = 0;
                for (Map.Entry<String, Double> e : d.workload().get().probabilities().entrySet()) {
                    workload.bind("scenario", id).bind("device", d.id()).bind("app", e.getKey())
                            .bind("position", position++).bind("p", e.getValue().doubleValue()).add();
                }
            }
            addLinks(deviceLinks, id, d.id(), d.links());
            List<CellVisit> v = d.cells().visits();
            for (int k = 0; k < v.size(); k++) {
                visits.bind("scenario", id).bind("device", d.id()).bind("position", k)
                        .bind("at", v.get(k).atSeconds()).bind("cell", v.get(k).cellId()).add();
            }
        }
        execute(devices);
        execute(workload);
        execute(deviceLinks);
        execute(visits);
    }

    private static PreparedBatch linkBatch(Handle h, String owner) {
        return h.prepareBatch("INSERT INTO " + owner + "_links (scenario_id, " + owner + "_id, site_id, position, "
                + "latency_millis, bandwidth_kbps) VALUES (:scenario, :owner, :site, :position, :latency, :bandwidth)");
    }

    private static void addLinks(PreparedBatch batch, long id, String owner, List<AccessLink> links) {
        for (int i = 0; i < links.size(); i++) {
            AccessLink l = links.get(i);
            batch.bind("scenario", id).bind("owner", owner).bind("site", l.siteId()).bind("position", i)
                    .bind("latency", l.latencyMillis()).bind("bandwidth", l.bandwidthKBps()).add();
        }
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private record Mobility(Optional<HandoverRule> rule, double lookaheadSeconds) {
    }

    private record DeviceRow(String id, OptionalInt executions, double idleSeconds, double repeatSeconds) {
    }

    static Fleet read(Handle h, long id) {
        Optional<Mobility> mobility = h.createQuery("SELECT * FROM scenario_mobility WHERE scenario_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Mobility(Optional.ofNullable(rs.getString("handover_rule"))
                        .map(HandoverRule::valueOf), rs.getDouble("lookahead_seconds")))
                .findOne();
        if (mobility.isEmpty()) {
            return Fleet.none();
        }
        Map<String, List<AccessLink>> cellLinks = links(h, id, "cell");
        List<Cell> cells = h.createQuery("SELECT cell_id FROM cells WHERE scenario_id = :id ORDER BY position")
                .bind("id", id).mapTo(String.class).list().stream()
                .map(c -> new Cell(c, cellLinks.getOrDefault(c, List.of()))).toList();
        Map<String, List<AccessLink>> deviceLinks = links(h, id, "device");
        Map<String, Map<String, Double>> mixes = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM device_workload WHERE scenario_id = :id ORDER BY device_id, position")
                .bind("id", id)
                .map((rs, ctx) -> new Object[] {rs.getString("device_id"), rs.getString("application_name"),
                    rs.getDouble("probability")})
                .forEach(row -> mixes.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>())
                        .put((String) row[1], (Double) row[2]));
        Map<String, List<CellVisit>> visits = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM device_cell_visits WHERE scenario_id = :id ORDER BY device_id, position")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("device_id"),
                        new CellVisit(rs.getDouble("at_seconds"), rs.getString("cell_id"))))
                .forEach(e -> visits.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<DeviceRow> rows = h.createQuery("SELECT * FROM devices WHERE scenario_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> {
                    int executions = rs.getInt("executions");
                    boolean noExecutions = rs.wasNull();
                    return new DeviceRow(rs.getString("device_id"),
                            noExecutions ? OptionalInt.empty() : OptionalInt.of(executions),
                            rs.getDouble("mean_idle_seconds"), rs.getDouble("repeat_every_seconds"));
                })
                .list();
        List<DeviceSpec> devices = rows.stream().map(d -> new DeviceSpec(d.id(),
                Optional.ofNullable(mixes.get(d.id())).map(WorkloadMix::new), d.executions(), d.idleSeconds(),
                deviceLinks.getOrDefault(d.id(), List.of()),
                new CellSchedule(visits.getOrDefault(d.id(), List.of()), d.repeatSeconds()))).toList();
        return new Fleet(devices, cells, mobility.get().rule(), mobility.get().lookaheadSeconds());
    }

    private static Map<String, List<AccessLink>> links(Handle h, long id, String owner) {
        Map<String, List<AccessLink>> out = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM " + owner + "_links WHERE scenario_id = :id ORDER BY " + owner + "_id, position")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString(owner + "_id"), new AccessLink(rs.getString("site_id"),
                        rs.getDouble("latency_millis"), rs.getDouble("bandwidth_kbps"))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }
}
