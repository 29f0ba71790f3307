package io.edgeoff.site.injection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;

/**
 * A failure trace to replay: outages in trace time, sorted by start, overlapping ones merged.
 *
 * <p>The generic CSV format, one outage per line: {@code startOffsetSeconds,durationSeconds[,mode]}
 * where {@code mode} is {@code crash}, {@code refuse}, {@code hang} or {@code error} (the replay's
 * default mode when absent). Blank lines and lines starting with {@code #} are ignored, and so is a
 * first line that starts with a letter (a header).
 *
 * @param name     where the trace came from (file name or trace node), for logs and fingerprints
 * @param outages  outages sorted by start, not overlapping
 */
public record OutageTrace(String name, List<TraceOutage> outages) {
    public OutageTrace {
        outages = merge(outages);
    }

    /**
     * The outages of one node of a failure trace read by the prediction module (LANL or its generic
     * format), with trace time starting at midnight (UTC) of the node's first failure.
     *
     * @throws IllegalArgumentException naming the node when the trace has no outage of it
     */
    public static OutageTrace fromNode(FailureTrace trace, NodeId node) {
        List<Outage> outages = trace.outagesOf(node);
        Instant origin = AvailabilitySeries.alignDown(outages.get(0).start(), AvailabilitySeries.DAY);
        List<TraceOutage> converted = new ArrayList<>();
        for (Outage o : outages) {
            if (o.length().isZero()) {
                continue;
            }
            converted.add(new TraceOutage(Duration.between(origin, o.start()).toMillis() / 1000.0,
                    o.length().toMillis() / 1000.0, Optional.empty()));
        }
        return new OutageTrace(trace.report().source() + "#" + node, converted);
    }

    /** Reads the generic CSV format; errors name the file, the line and the value. */
    public static OutageTrace readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("failure trace " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("failure trace " + file + ": " + e.getMessage(), e);
        }
        return parseCsv(lines, file.toString());
    }

    /** Parses the generic CSV format from lines; {@code source} names the input in error messages. */
    public static OutageTrace parseCsv(List<String> lines, String source) {
        List<TraceOutage> outages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && Character.isLetter(line.charAt(0)))) {
                continue;
            }
            String where = source + ":" + (i + 1);
            String[] cells = line.split(",", -1);
            if (cells.length < 2 || cells.length > 3) {
                throw new IllegalArgumentException(where + ": expected startOffsetSeconds,durationSeconds[,mode], but was '"
                        + line + "'");
            }
            double start = number(cells[0], "startOffsetSeconds", where);
            double duration = number(cells[1], "durationSeconds", where);
            Optional<OutageMode> mode = Optional.empty();
            if (cells.length == 3 && !cells[2].isBlank()) {
                try {
                    mode = Optional.of(OutageMode.parse(cells[2]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": mode: " + e.getMessage());
                }
            }
            try {
                outages.add(new TraceOutage(start, duration, mode));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return new OutageTrace(source, outages);
    }

    private static double number(String cell, String field, String where) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + field + " must be a number, but was '" + cell.strip() + "'");
        }
    }

    private static List<TraceOutage> merge(List<TraceOutage> input) {
        List<TraceOutage> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingDouble(TraceOutage::startOffsetSeconds));
        List<TraceOutage> merged = new ArrayList<>();
        for (TraceOutage o : sorted) {
            if (!merged.isEmpty() && o.startOffsetSeconds() <= merged.get(merged.size() - 1).endOffsetSeconds()) {
                TraceOutage last = merged.remove(merged.size() - 1);
                double end = Math.max(last.endOffsetSeconds(), o.endOffsetSeconds());
                merged.add(new TraceOutage(last.startOffsetSeconds(), end - last.startOffsetSeconds(), last.mode()));
            } else {
                merged.add(o);
            }
        }
        return List.copyOf(merged);
    }

    /** @return a checksum of the outages, to recognise the same trace after a restart */
    public String fingerprint() {
        CRC32C crc = new CRC32C();
        for (TraceOutage o : outages) {
            crc.update((o.startOffsetSeconds() + "," + o.durationSeconds() + "," + o.mode().map(OutageMode::label)
                    .orElse("") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return String.format("%08x", crc.getValue());
    }
}
