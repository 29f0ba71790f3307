package io.edgeoff.prediction.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the LANL failure data 1996-2005 (LA-UR-05-7318 CSV). Columns are found by header name
 * ({@code System}, {@code nodenum}, {@code Prob Started}, {@code Down Time}), so column order does not
 * matter; CRLF and quoted fields are handled; empty blame columns are ignored.
 *
 * <p>The outage length is {@code Down Time} (elapsed minutes), not {@code Prob Fixed - Prob Started},
 * which is off by 60 minutes for rows that cross a daylight-saving change. {@code Prob Started}
 * ({@code M/d/yyyy H:mm}, local wall-clock time) is read in the given zone; the default
 * {@link ZoneOffset#UTC} keeps local calendar days as slot days, which is what the seed's daily
 * availability uses.
 */
public final class LanlTraceReader implements TraceReader {
    /** Header columns the reader needs. */
    public static final List<String> REQUIRED_COLUMNS = List.of("System", "nodenum", "Prob Started", "Down Time");

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT);
    private final ZoneId zone;

    /** Reads wall-clock times as UTC (calendar days of the trace's local time). */
    public LanlTraceReader() {
        this(ZoneOffset.UTC);
    }

    public LanlTraceReader(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format() {
        return "lanl";
    }

    /** True if a header line looks like the LANL file's header. */
    public static boolean accepts(String headerLine) {
        List<String> h = CsvLine.split(headerLine);
        return h.contains("System") && h.contains("Prob Started") && h.contains("Down Time");
    }

    @Override
    public FailureTrace read(BufferedReader in, String source) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new IllegalArgumentException("trace file " + source + " is empty (expected the LANL header line)");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        Map<String, Integer> col = columns(CsvLine.split(header), source);
        List<Outage> outages = new ArrayList<>();
        List<SkippedRow> skipped = new ArrayList<>();
        String line;
        long lineNo = 1;
        long read = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                outages.add(parseRow(CsvLine.split(line), col));
                read++;
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedRow(lineNo, e.getMessage()));
            }
        }
        return new FailureTrace(outages, new TraceReadReport(source, read, skipped));
    }

    private static Map<String, Integer> columns(List<String> header, String source) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i), i);
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!col.containsKey(required)) {
                throw new IllegalArgumentException("trace file " + source + " has no column '" + required
                        + "' in its header (a LANL trace needs " + REQUIRED_COLUMNS + ")");
            }
        }
        return col;
    }

    private Outage parseRow(List<String> f, Map<String, Integer> col) {
        int system = intField(f, col, "System");
        if (field(f, col, "nodenum").isEmpty()) {
            throw new IllegalArgumentException("missing nodenum: the row names no node (a system-wide event of system "
                    + system + ")");
        }
        int node = intField(f, col, "nodenum");
        String startText = field(f, col, "Prob Started");
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(startText, STARTED);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad Prob Started: '" + startText + "' is not M/d/yyyy H:mm");
        }
        int minutes = intField(f, col, "Down Time");
        if (minutes < 0) {
            throw new IllegalArgumentException("bad Down Time: must be >= 0 minutes, but was " + minutes);
        }
        if (system < 0 || node < 0) {
            throw new IllegalArgumentException("bad node: (" + system + "," + node + ") has a negative id");
        }
        return new Outage(new NodeId(system, node), start.atZone(zone).toInstant(), Duration.ofMinutes(minutes));
    }

    private static String field(List<String> f, Map<String, Integer> col, String name) {
        int i = col.get(name);
        if (i >= f.size()) {
            throw new IllegalArgumentException("missing " + name + ": the row has only " + f.size() + " columns");
        }
        return f.get(i);
    }

    private static int intField(List<String> f, Map<String, Integer> col, String name) {
        String v = field(f, col, name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + name + ": '" + v + "' is not an integer");
        }
    }
}
