package io.edgeoff.simulator.shard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edgeoff.simulator.metrics.CellMetrics;
import io.edgeoff.simulator.metrics.DeviceMetrics;
import io.edgeoff.simulator.metrics.FleetBreakdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@value #FILE} of a shard of a scenario with devices, cells or mobility: one JSON line per unit of run 0, in unit
 * order, holding the unit's {@link FleetBreakdown} (its results per device and per cell). Jackson writes every double
 * in Java's round-trip form ({@link Double#toString}) and reads it back with {@link Double#parseDouble}, so a
 * breakdown read back is equal to the one written, and the merge's {@code devices.csv} and {@code cells.csv} are the
 * unsharded run's.
 */
public final class BreakdownLines {
    /** The file's name in a shard folder. */
    public static final String FILE = "breakdowns.jsonl";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BreakdownLines() {
    }

    /** @return {@code breakdown} as one line of JSON, without the line break */
    public static String line(FleetBreakdown breakdown) {
        try {
            return JSON.writeValueAsString(breakdown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the breakdown of " + breakdown.policy() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes one line per breakdown.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, List<FleetBreakdown> breakdowns) throws IOException {
        StringBuilder text = new StringBuilder();
        breakdowns.forEach(b -> text.append(line(b)).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Reads the breakdowns of a shard's units of run 0 and checks each against the unit expected at its line.
     *
     * @param expected the shard's units of run 0, in unit order
     * @param devices  the experiment's device ids, in order (every breakdown lists them)
     * @param cells    the scenario's cell ids, and {@code -} (in no cell)
     * @throws IllegalArgumentException naming the file (and line) when it is missing, holds another number of lines,
     *                                  a line is no breakdown, or is not the unit expected at its place
     */
    public static List<FleetBreakdown> read(Path file, List<ExperimentUnits.Unit> expected, List<String> devices,
                                            Set<String> cells) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": missing (a shard of a scenario with devices, cells or "
                    + "mobility holds its units' results per device and per cell)");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.size() != expected.size()) {
            throw new IllegalArgumentException(file + ": the shard holds " + expected.size()
                    + " samplings of this run, but the file has " + lines.size() + " lines");
        }
        List<FleetBreakdown> breakdowns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = file + " line " + (i + 1);
            FleetBreakdown b = parse(lines.get(i), where);
            check(b, expected.get(i), devices, cells, where);
            breakdowns.add(b);
        }
        return breakdowns;
    }

    private static FleetBreakdown parse(String line, String where) {
        try {
            return JSON.readValue(line, FleetBreakdown.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException(where + ": not a breakdown per device and per cell: " + message, e);
        }
    }

    private static void check(FleetBreakdown b, ExperimentUnits.Unit unit, List<String> devices, Set<String> cells,
                              String where) {
        if (b.configuration() != unit.configuration() || !b.policy().equals(unit.policy())
                || b.sampling() != unit.sampling()) {
            throw new IllegalArgumentException(where + ": expected the unit (" + unit + "), but found configuration "
                    + b.configuration() + ", policy " + b.policy() + ", sampling " + b.sampling());
        }
        List<String> ids = b.devices().stream().map(DeviceMetrics::device).toList();
        if (!ids.equals(devices)) {
            throw new IllegalArgumentException(where + ": expected devices " + devices + ", but found " + ids);
        }
        for (CellMetrics c : b.cells()) {
            if (!devices.contains(c.device()) || !cells.contains(c.cell())) {
                throw new IllegalArgumentException(where + ": device " + c.device() + " in cell " + c.cell()
                        + " is not one of the experiment's devices " + devices + " and cells " + cells);
            }
        }
    }
}
