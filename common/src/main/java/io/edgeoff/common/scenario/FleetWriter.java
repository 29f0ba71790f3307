package io.edgeoff.common.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.CellVisit;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import java.util.List;

/**
 * Writes the canonical form of a {@link Fleet}: nothing for {@link Fleet#none()} (so a seed-like scenario's file is
 * unchanged), otherwise {@code cells}, {@code mobility} and {@code devices} with every default written out and a
 * trace file's visits inline as a {@code schedule}.
 */
final class FleetWriter {
    private FleetWriter() {
    }

    static void write(ObjectNode root, Fleet fleet) {
        if (fleet.isNone()) {
            return;
        }
        ArrayNode cells = root.putArray("cells");
        for (Cell cell : fleet.cells()) {
            ObjectNode c = cells.addObject();
            c.put("id", cell.id());
            links(c.putObject("links"), cell.links());
        }
        ObjectNode mobility = root.putObject("mobility");
        fleet.handover().ifPresent(rule -> mobility.put("handover", rule.yamlName()));
        mobility.put("lookaheadSeconds", fleet.lookaheadSeconds());
        ArrayNode devices = root.putArray("devices");
        for (DeviceSpec device : fleet.devices()) {
            ObjectNode d = devices.addObject();
            d.put("id", device.id());
            device.workload().ifPresent(mix -> {
                ObjectNode w = d.putObject("workload");
                mix.probabilities().forEach(w::put);
            });
            device.executions().ifPresent(n -> d.put("executions", n));
            d.put("meanIdleSeconds", device.meanIdleSeconds());
            links(d.putObject("links"), device.links());
            if (!device.cells().isEmpty()) {
                ObjectNode schedule = d.putObject("cells");
                ArrayNode visits = schedule.putArray("schedule");
                for (CellVisit visit : device.cells().visits()) {
                    ObjectNode v = visits.addObject();
                    v.put("atSeconds", visit.atSeconds());
                    v.put("cell", visit.cellId());
                }
                schedule.put("repeatEverySeconds", device.cells().repeatEverySeconds());
            }
        }
    }

    private static void links(ObjectNode parent, List<AccessLink> links) {
        for (AccessLink link : links) {
            ObjectNode l = parent.putObject(link.siteId());
            l.put("latencyMillis", link.latencyMillis());
            l.put("bandwidthKBps", link.bandwidthKBps());
        }
    }
}
