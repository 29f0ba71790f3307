package io.edgeoff.cli.prediction;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.availability.SlotLength;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.SkippedRow;
import io.edgeoff.prediction.trace.TraceReaders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --trace FILE} and {@code --slot}: shared by the trace and predict commands. */
public final class TraceOptions {
    @Option(names = "--trace", paramLabel = "FILE",
            description = "failure trace: the LANL CSV or a generic CSV / JSON-lines file (default: the embedded "
                    + "synthetic trace fitted to LANL)")
    Path trace;

    @Option(names = "--slot", paramLabel = "LENGTH", defaultValue = "1d",
            description = "slot length: 1d, 6h, 30m, 90s or ISO-8601 (default: ${DEFAULT-VALUE})")
    String slot;

    /** Reads the trace (or makes the synthetic one); prints the read summary and skipped rows to {@code err}. */
    FailureTrace load(PrintWriter err) {
        if (trace == null) {
            err.println("edgeoff: no --trace given: using the " + SyntheticTraces.DEFAULT_SOURCE + " trace");
            err.flush();
            return SyntheticTraces.defaultTrace();
        }
        FailureTrace t = TraceReaders.read(trace);
        if (t.report().rowsSkipped() > 0) {
            err.println("edgeoff: " + t.report().summary());
            int shown = 0;
            for (SkippedRow row : t.report().skipped()) {
                if (shown++ == 5) {
                    err.println("  ... (" + (t.report().rowsSkipped() - 5) + " more)");
                    break;
                }
                err.println("  skipped " + row);
            }
            err.flush();
        }
        if (t.size() == 0) {
            throw new IllegalArgumentException("trace file " + trace + " has no readable outage");
        }
        return t;
    }

    Duration slotLength() {
        return SlotLength.parse(slot);
    }

    static AvailabilitySeries series(FailureTrace trace, NodeOptions node, Duration slot) {
        return AvailabilitySeries.of(node.nodeId(), trace.outagesOf(node.nodeId()), slot);
    }
}
