package io.edgeoff.database;

import static java.util.Map.entry;

import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.database.ScenarioLimits.Bounds;
import java.util.List;
import java.util.Map;

/**
 * What {@code V3__fleet.sql} demands of a scenario's devices, cells and handover rule beyond what the domain model
 * ({@link Fleet} and its records) checks, in the manner of {@link ScenarioLimits} (which calls it): text lengths and
 * numeric upper bounds, reported with the scenario YAML's field path, e.g. {@code devices[0].meanIdleSeconds}.
 * {@code FleetLimitsTest} holds these tables equal to the migration.
 */
final class FleetLimits {
    static final Map<String, Integer> TEXT_LENGTHS = Map.ofEntries(
            entry("scenario_mobility.handover_rule", 20),
            entry("cells.cell_id", 100),
            entry("cell_links.cell_id", 100), entry("cell_links.site_id", 100),
            entry("devices.device_id", 100),
            entry("device_workload.device_id", 100), entry("device_workload.application_name", 200),
            entry("device_links.device_id", 100), entry("device_links.site_id", 100),
            entry("device_cell_visits.device_id", 100), entry("device_cell_visits.cell_id", 100));

    private static final Bounds SECONDS = Bounds.halfOpen(0, 1e9);

    static final Map<String, Bounds> NUMBER_BOUNDS = Map.ofEntries(
            entry("scenario_mobility.lookahead_seconds", SECONDS),
            entry("cell_links.latency_millis", SECONDS), entry("cell_links.bandwidth_kbps", Bounds.open(0, 1e15)),
            entry("devices.executions", Bounds.above(1, true)),
            entry("devices.mean_idle_seconds", SECONDS), entry("devices.repeat_every_seconds", SECONDS),
            entry("device_workload.probability", Bounds.closed(0, 1)),
            entry("device_links.latency_millis", SECONDS), entry("device_links.bandwidth_kbps", Bounds.open(0, 1e15)),
            entry("device_cell_visits.at_seconds", SECONDS));

    private static final String STORE = "FleetRows (positions are list indices, children after their parents, "
            + "one transaction)";

    /** Every constraint of {@code V3__fleet.sql} and what rejects a violating scenario before SQL runs. */
    static final Map<String, String> CHECKED_BY = Map.ofEntries(
            entry("scenario_mobility_pk", STORE), entry("scenario_mobility_scenario_fk", STORE),
            entry("scenario_mobility_rule_known", "HandoverRule"),
            entry("scenario_mobility_lookahead_non_negative", "Fleet, FleetLimits"),
            entry("cells_pk", "Fleet (duplicate cell id)"), entry("cells_position_unique", STORE),
            entry("cells_scenario_fk", STORE), entry("cells_id_not_blank", "Cell"),
            entry("cell_links_pk", "Cell (one link per site)"), entry("cell_links_position_unique", STORE),
            entry("cell_links_cell_fk", STORE), entry("cell_links_site_fk", "Fleet.requireKnown (remote sites)"),
            entry("cell_links_latency_non_negative", "AccessLink, FleetLimits"),
            entry("cell_links_bandwidth_positive", "AccessLink, FleetLimits"),
            entry("devices_pk", "Fleet (duplicate device id)"), entry("devices_position_unique", STORE),
            entry("devices_scenario_fk", STORE), entry("devices_id_not_blank", "DeviceSpec"),
            entry("devices_executions_positive", "DeviceSpec"),
            entry("devices_idle_non_negative", "DeviceSpec, FleetLimits"),
            entry("devices_repeat_non_negative", "CellSchedule, FleetLimits"),
            entry("device_workload_pk", "WorkloadMix (a map)"), entry("device_workload_position_unique", STORE),
            entry("device_workload_device_fk", STORE),
            entry("device_workload_application_fk", "Fleet.requireKnown (applications)"),
            entry("device_workload_probability_in_unit_interval", "WorkloadMix"),
            entry("device_links_pk", "DeviceSpec (one link per site)"), entry("device_links_position_unique", STORE),
            entry("device_links_device_fk", STORE), entry("device_links_site_fk", "Fleet.requireKnown (remote sites)"),
            entry("device_links_latency_non_negative", "AccessLink, FleetLimits"),
            entry("device_links_bandwidth_positive", "AccessLink, FleetLimits"),
            entry("device_cell_visits_pk", STORE), entry("device_cell_visits_device_fk", STORE),
            entry("device_cell_visits_cell_fk", "Fleet (visits name known cells)"),
            entry("device_cell_visits_at_non_negative", "CellVisit, FleetLimits"));

    private FleetLimits() {
    }

    static void check(ScenarioLimits.Checker c, Fleet fleet) {
        c.number("mobility.lookaheadSeconds", "scenario_mobility.lookahead_seconds", fleet.lookaheadSeconds());
        fleet.handover().ifPresent(rule -> c.text("mobility.handover", "scenario_mobility.handover_rule",
                rule.name()));
        for (int i = 0; i < fleet.cells().size(); i++) {
            Cell cell = fleet.cells().get(i);
            String path = "cells[" + i + "]";
            c.text(path + ".id", "cells.cell_id", cell.id());
            links(c, path + ".links", "cell_links", cell.links());
        }
        for (int i = 0; i < fleet.devices().size(); i++) {
            DeviceSpec d = fleet.devices().get(i);
            String path = "devices[" + i + "]";
            c.text(path + ".id", "devices.device_id", d.id());
            if (d.executions().isPresent()) {
                c.number(path + ".executions", "devices.executions", d.executions().getAsInt());
            }
            c.number(path + ".meanIdleSeconds", "devices.mean_idle_seconds", d.meanIdleSeconds());
            c.number(path + ".cells.repeatEverySeconds", "devices.repeat_every_seconds",
                    d.cells().repeatEverySeconds());
            links(c, path + ".links", "device_links", d.links());
            for (int k = 0; k < d.cells().visits().size(); k++) {
                c.number(path + ".cells.schedule[" + k + "].atSeconds", "device_cell_visits.at_seconds",
                        d.cells().visits().get(k).atSeconds());
            }
        }
    }

    private static void links(ScenarioLimits.Checker c, String path, String table, List<AccessLink> links) {
        for (AccessLink l : links) {
            String linkPath = path + "." + ScenarioLimits.shown(l.siteId());
            c.number(linkPath + ".latencyMillis", table + ".latency_millis", l.latencyMillis());
            c.number(linkPath + ".bandwidthKBps", table + ".bandwidth_kbps", l.bandwidthKBps());
        }
    }
}
