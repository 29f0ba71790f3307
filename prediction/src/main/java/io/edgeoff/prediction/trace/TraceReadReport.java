package io.edgeoff.prediction.trace;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading a trace file did: rows read and rows skipped (with line numbers and reasons).
 *
 * @param source      file name or description
 * @param rowsRead    data rows turned into outages
 * @param skipped     rows skipped, in file order
 */
public record TraceReadReport(String source, long rowsRead, List<SkippedRow> skipped) {
    public TraceReadReport {
        skipped = List.copyOf(skipped);
    }

    public long rowsSkipped() {
        return skipped.size();
    }

    /** Skipped rows counted by the kind of problem (the reason up to its first ':'). */
    public Map<String, Long> skippedByKind() {
        Map<String, Long> counts = new TreeMap<>();
        for (SkippedRow row : skipped) {
            int colon = row.reason().indexOf(':');
            String kind = colon < 0 ? row.reason() : row.reason().substring(0, colon);
            counts.merge(kind, 1L, Long::sum);
        }
        return counts;
    }

    /** One-line summary, e.g. {@code "23739 rows read, 2 skipped (bad Down Time: 2)"}. */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(source).append(": ").append(rowsRead).append(" rows read, ")
                .append(rowsSkipped()).append(" skipped");
        if (!skipped.isEmpty()) {
            sb.append(" (");
            String sep = "";
            for (Map.Entry<String, Long> e : skippedByKind().entrySet()) {
                sb.append(sep).append(e.getKey()).append(": ").append(e.getValue());
                sep = ", ";
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
