package io.edgeoff.common.scenario;

import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.CellSchedule;
import io.edgeoff.common.mobility.CellVisit;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.mobility.HandoverRule;
import io.edgeoff.common.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a scenario's optional {@code cells:}, {@code mobility:} and {@code devices:} sections into a {@link Fleet};
 * every problem is a {@link ScenarioException} naming the field path (e.g. {@code devices[1].cells.schedule[2].cell}).
 * A device's cell trace file ({@code cells.trace}) is a CSV of {@code atSeconds,cell} rows, relative to the
 * scenario file; it is read here, so the scenario (and the database) hold its visits.
 */
final class FleetReader {
    private final ScenarioYaml.Reader r;
    private final Path baseDir;

    FleetReader(ScenarioYaml.Reader reader, Path baseDir) {
        this.r = reader;
        this.baseDir = baseDir;
    }

    Fleet fleet(ScenarioYaml.Field root, List<Site> sites, List<String> appNames) {
        ScenarioYaml.Field cellsField = root.child("cells");
        ScenarioYaml.Field mobilityField = root.child("mobility");
        ScenarioYaml.Field devicesField = root.child("devices");
        if (!cellsField.present() && !mobilityField.present() && !devicesField.present()) {
            return Fleet.none();
        }
        List<String> remote = sites.stream().filter(Site::isRemote).map(Site::id).toList();
        List<Cell> cells = cellsField.present() ? r.list(cellsField, f -> cell(f, remote)) : List.of();
        requireUnique(cellsField, cells.stream().map(Cell::id).toList(), "cell");
        Optional<HandoverRule> handover = Optional.empty();
        double lookahead = 0;
        if (mobilityField.present()) {
            r.knownKeys(mobilityField, "handover", "lookaheadSeconds");
            ScenarioYaml.Field rule = mobilityField.child("handover");
            if (rule.present()) {
                String text = r.text(rule);
                handover = Optional.of(r.build(rule, () -> HandoverRule.parse(text)));
            }
            ScenarioYaml.Field ahead = mobilityField.child("lookaheadSeconds");
            lookahead = r.optionalNumber(ahead, 0);
            if (!(lookahead >= 0) || !Double.isFinite(lookahead)) {
                throw r.error(ahead, "must be finite and >= 0, but was " + lookahead);
            }
        }
        List<String> cellIds = cells.stream().map(Cell::id).toList();
        List<DeviceSpec> devices = devicesField.present()
                ? r.list(devicesField, f -> device(f, remote, appNames, cellIds)) : List.of();
        requireUnique(devicesField, devices.stream().map(DeviceSpec::id).toList(), "device");
        for (int i = 0; i < devices.size(); i++) {
            if (!devices.get(i).cells().isEmpty() && handover.isEmpty()) {
                throw r.error(new ScenarioYaml.Field(null, "mobility.handover"), "missing; device "
                        + devices.get(i).id() + " moves between cells, so the scenario must state what an offload in "
                        + "flight at a handover does: one of " + List.of(HandoverRule.values()).stream()
                        .map(HandoverRule::yamlName).toList());
            }
        }
        Optional<HandoverRule> rule = handover;
        double ahead = lookahead;
        return r.build(root, () -> new Fleet(devices, cells, rule, ahead));
    }

    private void requireUnique(ScenarioYaml.Field list, List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw r.error(list.element(i).child("id"), "duplicate " + what + " id '" + ids.get(i) + "'");
            }
        }
    }

    private Cell cell(ScenarioYaml.Field f, List<String> remote) {
        r.knownKeys(f, "id", "links");
        String id = r.text(f.child("id"));
        List<AccessLink> links = links(f.child("links"), remote);
        return r.build(f, () -> new Cell(id, links));
    }

    private List<AccessLink> links(ScenarioYaml.Field f, List<String> remote) {
        List<AccessLink> links = new ArrayList<>();
        for (Map.Entry<String, ScenarioYaml.Field> e : r.entries(f).entrySet()) {
            ScenarioYaml.Field link = e.getValue();
            if (!remote.contains(e.getKey())) {
                throw r.error(link, "unknown remote site '" + e.getKey() + "'; remote sites: " + remote);
            }
            r.knownKeys(link, "latencyMillis", "bandwidthKBps");
            double latency = r.number(link.child("latencyMillis"));
            double bandwidth = r.number(link.child("bandwidthKBps"));
            links.add(r.build(link, () -> new AccessLink(e.getKey(), latency, bandwidth)));
        }
        return links;
    }

    private DeviceSpec device(ScenarioYaml.Field f, List<String> remote, List<String> appNames, List<String> cellIds) {
        r.knownKeys(f, "id", "workload", "executions", "meanIdleSeconds", "links", "cells");
        String id = r.text(f.child("id"));
        ScenarioYaml.Field mixField = f.child("workload");
        Optional<WorkloadMix> mix = mixField.present() ? Optional.of(r.workload(mixField, appNames)) : Optional.empty();
        ScenarioYaml.Field executionsField = f.child("executions");
        OptionalInt executions = OptionalInt.empty();
        if (executionsField.present()) {
            int n = r.integer(executionsField);
            if (n < 1) {
                throw r.error(executionsField, "must be >= 1, but was " + n);
            }
            executions = OptionalInt.of(n);
        }
        double idle = r.optionalNumber(f.child("meanIdleSeconds"), 0);
        List<AccessLink> links = f.child("links").present() ? links(f.child("links"), remote) : List.of();
        CellSchedule cells = f.child("cells").present() ? schedule(f.child("cells"), cellIds) : CellSchedule.none();
        OptionalInt n = executions;
        return r.build(f, () -> new DeviceSpec(id, mix, n, idle, links, cells));
    }

    private CellSchedule schedule(ScenarioYaml.Field f, List<String> cellIds) {
        r.knownKeys(f, "schedule", "trace", "repeatEverySeconds");
        ScenarioYaml.Field scheduleField = f.child("schedule");
        ScenarioYaml.Field traceField = f.child("trace");
        if (scheduleField.present() == traceField.present()) {
            throw r.error(f, "give either schedule (a list of {atSeconds, cell}) or trace (a CSV file), not "
                    + (scheduleField.present() ? "both" : "neither"));
        }
        List<CellVisit> visits = scheduleField.present()
                ? r.list(scheduleField, v -> visit(v, cellIds)) : trace(traceField, cellIds);
        double repeat = r.optionalNumber(f.child("repeatEverySeconds"), 0);
        return r.build(f, () -> new CellSchedule(visits, repeat));
    }

    private CellVisit visit(ScenarioYaml.Field f, List<String> cellIds) {
        r.knownKeys(f, "atSeconds", "cell");
        double at = r.number(f.child("atSeconds"));
        String cell = r.text(f.child("cell"));
        if (!cellIds.contains(cell)) {
            throw r.error(f.child("cell"), "unknown cell '" + cell + "'; known cells: " + cellIds);
        }
        return r.build(f, () -> new CellVisit(at, cell));
    }

    /** Reads {@code atSeconds,cell} rows; a header row and lines starting with '#' are skipped. */
    private List<CellVisit> trace(ScenarioYaml.Field f, List<String> cellIds) {
        String name = r.text(f);
        if (baseDir == null) {
            throw r.error(f, "a cell trace file needs a scenario read from a file (it is found relative to it)");
        }
        Path file = baseDir.resolve(name);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw r.error(f, "cell trace file not found: " + file);
        } catch (IOException e) {
            throw r.error(f, "cannot read cell trace file " + file + ": " + e.getMessage());
        }
        List<CellVisit> visits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.startsWith("atSeconds"))) {
                continue;
            }
            String[] parts = line.split(",", -1);
            String where = name + " line " + (i + 1);
            if (parts.length != 2) {
                throw r.error(f, where + ": expected atSeconds,cell, but was '" + line + "'");
            }
            double at;
            try {
                at = Double.parseDouble(parts[0].strip());
            } catch (NumberFormatException e) {
                throw r.error(f, where + ": atSeconds must be a number, but was '" + parts[0].strip() + "'");
            }
            String cell = parts[1].strip();
            if (!cellIds.contains(cell)) {
                throw r.error(f, where + ": unknown cell '" + cell + "'; known cells: " + cellIds);
            }
            try {
                visits.add(new CellVisit(at, cell));
            } catch (IllegalArgumentException e) {
                throw r.error(f, where + ": " + e.getMessage());
            }
        }
        return visits;
    }
}
