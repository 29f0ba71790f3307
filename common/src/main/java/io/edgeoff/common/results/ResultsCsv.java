package io.edgeoff.common.results;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results schema's CSV files, written and read with Jackson's CSV format: the run files, one {@link ResultRow}
 * per line (a live run's {@code executions.csv}, a simulation's {@code samplings.csv}), and the summary file, one
 * {@link PolicySummary} per line ({@code summary.csv}). Columns are found by name; per-site columns follow the fixed
 * ones, {@code tasks_<site>} then {@code failures_<site>}. An undefined number (the interval of a single row) is an
 * empty cell. Numbers are written in Java's shortest round-trip form, lines end with "\n".
 */
public final class ResultsCsv {
    /** The fixed columns of a run file, in order. */
    public static final List<String> ROW_COLUMNS = List.of("policy", "configuration", "sample", "execution",
            "executions", "tasks", "response_s", "energy_j", "battery_percent_left", "offload_attempts",
            "offload_failures", "service_availability_percent", "tasks_lost");
    /** The fixed columns of a summary file, in order. */
    public static final List<String> SUMMARY_COLUMNS = List.of("policy", "executions", "samples", "mean_response_s",
            "ci95_response_s", "mean_energy_j", "ci95_energy_j", "battery_percent_left", "offload_attempts",
            "offload_failures", "service_availability_percent", "tasks_lost");
    private static final String TASKS = "tasks_";
    private static final String FAILURES = "failures_";

    /** Quotes only what needs quoting (by default Jackson quotes every string longer than 24 characters). */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private ResultsCsv() {
    }

    /** Run rows as CSV text, with a per-site column for every site of {@code siteIds}. */
    public static String rows(List<ResultRow> rows, List<String> siteIds) {
        List<String> columns = new ArrayList<>(ROW_COLUMNS);
        siteIds.forEach(id -> columns.add(TASKS + id));
        siteIds.forEach(id -> columns.add(FAILURES + id));
        List<Object[]> lines = new ArrayList<>();
        for (ResultRow r : rows) {
            List<Object> v = new ArrayList<>(List.of(r.policy(), r.configuration(), r.sample(), r.execution(),
                    r.executions(), r.tasks(), r.responseSeconds(), r.energyJoules(), r.batteryPercentLeft(),
                    r.offloadAttempts(), r.offloadFailures(), r.serviceAvailabilityPercent(), r.tasksLost()));
            siteIds.forEach(id -> v.add(r.tasksPerSite().getOrDefault(id, 0L)));
            siteIds.forEach(id -> v.add(r.failuresPerSite().getOrDefault(id, 0L)));
            lines.add(v.toArray());
        }
        return write(columns, lines);
    }

    /** Policy summaries as CSV text, with a {@code tasks_<site>} column for every site of the first summary. */
    public static String summaries(List<PolicySummary> summaries) {
        List<String> sites = summaries.isEmpty() ? List.of() : List.copyOf(summaries.get(0).tasksPerSite().keySet());
        List<String> columns = new ArrayList<>(SUMMARY_COLUMNS);
        sites.forEach(id -> columns.add(TASKS + id));
        List<Object[]> lines = new ArrayList<>();
        for (PolicySummary s : summaries) {
            List<Object> v = new ArrayList<>(List.of(s.policy(), s.executions(), s.samples(), s.meanResponseSeconds(),
                    undefinedAsEmpty(s.ci95ResponseSeconds()), s.meanEnergyJoules(),
                    undefinedAsEmpty(s.ci95EnergyJoules()), s.batteryPercentLeft(), s.offloadAttempts(),
                    s.offloadFailures(), s.serviceAvailabilityPercent(), s.tasksLost()));
            sites.forEach(id -> v.add(s.tasksPerSite().getOrDefault(id, 0L)));
            lines.add(v.toArray());
        }
        return write(columns, lines);
    }

    private static Object undefinedAsEmpty(double x) {
        return Double.isNaN(x) ? "" : x;
    }

    private static String write(List<String> columns, List<Object[]> lines) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        columns.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = CSV.writer(schema.build()).writeValues(out)) {
            for (Object[] line : lines) {
                writer.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes {@code text} (from {@link #rows} or {@link #summaries}) to {@code file}. */
    public static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a run file: a live {@code executions.csv} or a simulator's {@code samplings.csv}.
     *
     * @throws IllegalArgumentException naming the file, line and column when it is not one
     */
    public static List<ResultRow> readRows(Path file) {
        List<ResultRow> rows = new ArrayList<>();
        List<Map<String, String>> records = records(file);
        for (int i = 0; i < records.size(); i++) {
            Line l = new Line(file, i + 2, records.get(i));
            Map<String, Long> tasks = new LinkedHashMap<>();
            Map<String, Long> failures = new LinkedHashMap<>();
            records.get(i).keySet().forEach(column -> {
                if (column.startsWith(TASKS) && !column.equals("tasks_lost")) {
                    tasks.put(column.substring(TASKS.length()), l.integer(column));
                } else if (column.startsWith(FAILURES)) {
                    failures.put(column.substring(FAILURES.length()), l.integer(column));
                }
            });
            String policy = l.text("policy");
            int configuration = (int) l.integer("configuration");
            int sample = (int) l.integer("sample");
            int execution = (int) l.integer("execution");
            long executions = l.integer("executions");
            long taskCount = l.integer("tasks");
            double response = l.number("response_s");
            double energy = l.number("energy_j");
            double battery = l.number("battery_percent_left");
            long attempts = l.integer("offload_attempts");
            long failed = l.integer("offload_failures");
            double availability = l.number("service_availability_percent");
            long lost = l.integer("tasks_lost");
            try {
                rows.add(new ResultRow(policy, configuration, sample, execution, executions, taskCount, response, energy,
                        battery, attempts, failed, availability, lost, tasks, failures));
            } catch (IllegalArgumentException e) {
                throw l.error(e.getMessage());
            }
        }
        return rows;
    }

    /** Reads a summary file ({@code summary.csv} of a live run). */
    public static List<PolicySummary> readSummaries(Path file) {
        List<PolicySummary> out = new ArrayList<>();
        List<Map<String, String>> records = records(file);
        for (int i = 0; i < records.size(); i++) {
            Line l = new Line(file, i + 2, records.get(i));
            Map<String, Long> tasks = new LinkedHashMap<>();
            records.get(i).keySet().stream().filter(c -> c.startsWith(TASKS) && !c.equals("tasks_lost"))
                    .forEach(c -> tasks.put(c.substring(TASKS.length()), l.integer(c)));
            try {
                out.add(new PolicySummary(l.text("policy"), l.integer("executions"), l.integer("samples"),
                        l.number("mean_response_s"), l.number("ci95_response_s"), l.number("mean_energy_j"),
                        l.number("ci95_energy_j"), l.number("battery_percent_left"), l.integer("offload_attempts"),
                        l.integer("offload_failures"), l.number("service_availability_percent"),
                        l.integer("tasks_lost"), tasks));
            } catch (IllegalArgumentException e) {
                throw l.error(e.getMessage());
            }
        }
        return out;
    }

    private static List<Map<String, String>> records(Path file) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema)
                     .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(in)) {
            return it.readAll();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such results file");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a results CSV file: " + e.getMessage(), e);
        }
    }

    /** One record of a file, its cells found by column name. */
    private record Line(Path file, int number, Map<String, String> cells) {
        String text(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw error("no column '" + column + "' (columns: " + cells.keySet() + ")");
            }
            return v;
        }

        long integer(String column) {
            String v = text(column);
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw error(column + ": expected an integer, but was '" + v + "'");
            }
        }

        /** A number; an empty cell is undefined (NaN). */
        double number(String column) {
            String v = text(column).trim();
            if (v.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw error(column + ": expected a number, but was '" + v + "'");
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(file + " line " + number + ": " + message);
        }
    }
}
