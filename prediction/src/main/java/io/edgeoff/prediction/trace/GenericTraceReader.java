package io.edgeoff.prediction.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the generic failure format, one outage per line, either CSV with a header or JSON lines:
 * <pre>
 * system,node,start,end
 * 0,3,2024-05-01T10:00:00Z,2024-05-01T10:30:00Z
 * </pre>
 * <pre>
 * {"node":"0/3","start":"2024-05-01T10:00:00Z","duration":"PT30M"}
 * </pre>
 * Fields: {@code node} (an integer, or {@code "system/node"}); optional {@code system} (default 0 unless
 * {@code node} names it); {@code start} (ISO-8601 instant, or local date-time read as UTC); and exactly one
 * of {@code end} (same format), {@code duration} (ISO-8601, e.g. {@code PT30M}), {@code durationSeconds}
 * or {@code durationMinutes}. Lines starting with {@code #} are comments. The offloading site's failure
 * file uses this format.
 */
public final class GenericTraceReader implements TraceReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format() {
        return "generic";
    }

    /** True if a first line looks like the generic format (CSV header with node and start, or a JSON object). */
    public static boolean accepts(String firstLine) {
        String t = firstLine.strip();
        if (t.startsWith("{")) {
            return true;
        }
        List<String> h = CsvLine.split(t);
        return h.contains("node") && h.contains("start");
    }

    @Override
    public FailureTrace read(BufferedReader in, String source) throws IOException {
        List<Outage> outages = new ArrayList<>();
        List<SkippedRow> skipped = new ArrayList<>();
        Map<String, Integer> header = null;
        boolean json = false;
        boolean first = true;
        long lineNo = 0;
        long read = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (lineNo == 1 && t.startsWith("\uFEFF")) {
                t = t.substring(1);
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (first) {
                first = false;
                json = t.startsWith("{");
                if (!json) {
                    header = header(CsvLine.split(t), source);
                    continue;
                }
            }
            try {
                Map<String, String> row = json ? jsonRow(t) : csvRow(CsvLine.split(t), header);
                outages.add(toOutage(row));
                read++;
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedRow(lineNo, e.getMessage()));
            }
        }
        return new FailureTrace(outages, new TraceReadReport(source, read, skipped));
    }

    private static Map<String, Integer> header(List<String> names, String source) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            col.putIfAbsent(names.get(i), i);
        }
        if (!col.containsKey("node") || !col.containsKey("start")) {
            throw new IllegalArgumentException("trace file " + source + " has header " + names
                    + " but a generic trace needs columns 'node' and 'start' and one of 'end', 'duration', "
                    + "'durationSeconds', 'durationMinutes' (or use a LANL file)");
        }
        if (!(col.containsKey("end") || col.containsKey("duration") || col.containsKey("durationSeconds")
                || col.containsKey("durationMinutes"))) {
            throw new IllegalArgumentException("trace file " + source + " has no column 'end', 'duration', "
                    + "'durationSeconds' or 'durationMinutes' in header " + names);
        }
        return col;
    }

    private static Map<String, String> csvRow(List<String> fields, Map<String, Integer> header) {
        Map<String, String> row = new HashMap<>();
        header.forEach((name, i) -> {
            if (i < fields.size() && !fields.get(i).isEmpty()) {
                row.put(name, fields.get(i));
            }
        });
        return row;
    }

    private static Map<String, String> jsonRow(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("bad JSON: a line must be an object");
        }
        Map<String, String> row = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isNull()) {
                row.put(e.getKey(), e.getValue().asText());
            }
        }
        return row;
    }

    private static Outage toOutage(Map<String, String> row) {
        String nodeText = row.get("node");
        if (nodeText == null) {
            throw new IllegalArgumentException("missing node");
        }
        NodeId parsed;
        try {
            parsed = NodeId.parse(nodeText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad node: " + e.getMessage());
        }
        NodeId nodeId = parsed;
        if (row.containsKey("system")) {
            try {
                nodeId = new NodeId(Integer.parseInt(row.get("system")), parsed.node());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad system: '" + row.get("system") + "' is not an integer >= 0");
            }
        }
        String startText = row.get("start");
        if (startText == null) {
            throw new IllegalArgumentException("missing start");
        }
        Instant start = instant("start", startText);
        Duration length = length(row, start);
        if (length.isNegative()) {
            throw new IllegalArgumentException("bad end: the outage ends before it starts (" + length + ")");
        }
        return new Outage(nodeId, start, length);
    }

    private static Duration length(Map<String, String> row, Instant start) {
        try {
            if (row.containsKey("end")) {
                return Duration.between(start, instant("end", row.get("end")));
            }
            if (row.containsKey("duration")) {
                return Duration.parse(row.get("duration"));
            }
            if (row.containsKey("durationSeconds")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(row.get("durationSeconds")) * 1000));
            }
            if (row.containsKey("durationMinutes")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(row.get("durationMinutes")) * 60_000));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("bad duration: " + e.getMessage());
        }
        throw new IllegalArgumentException("missing end: give end, duration, durationSeconds or durationMinutes");
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("bad " + field + ": '" + text + "' is not an ISO-8601 date-time");
            }
        }
    }
}
