package io.edgeoff.cli.prediction;

import io.edgeoff.cli.console.JsonOption;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.availability.NodeReliability;
import io.edgeoff.prediction.availability.NodeSummary;
import io.edgeoff.prediction.availability.SlotLength;
import io.edgeoff.prediction.synthetic.CategoryModel;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeCatalogue;
import io.edgeoff.prediction.trace.SeedCategory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff trace nodes|availability|fit}. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Inspect failure traces: node catalogue, availability series, fitted synthetic parameters.",
        subcommands = {TraceCommand.Nodes.class, TraceCommand.Availability.class, TraceCommand.Fit.class})
public final class TraceCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code edgeoff trace nodes}. */
    @Command(name = "nodes", mixinStandardHelpOptions = true,
            description = "Catalogue of the trace's nodes: failures, first and last failure, MTBF, MTTR, seed category.")
    static final class Nodes implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        TraceOptions traceOptions;
        @Option(names = "--system", paramLabel = "S", description = "only this system")
        Integer system;
        @Mixin
        JsonOption jsonOption;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            FailureTrace trace = traceOptions.load(spec.commandLine().getErr());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (NodeSummary n : NodeSummary.of(trace, system == null ? OptionalInt.empty() : OptionalInt.of(system))) {
                NodeCatalogue.Entry e = n.entry();
                NodeReliability r = n.reliability();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("system", e.nodeId().system());
                row.put("node", e.nodeId().node());
                row.put("category", e.category().map(Enum::name).orElse("-"));
                row.put("failures", e.failures());
                row.put("firstFailure", e.firstFailure().toString());
                row.put("lastFailure", e.lastFailure().toString());
                row.put("mtbfHours", Json.num(r.mtbfHours()));
                row.put("seedMtbfHours", Json.num(r.seedMtbfHours()));
                row.put("mttrHours", Json.num(r.mttrHours()));
                rows.add(row);
            }
            if (jsonOption.enabled()) {
                out.println(Json.write(rows));
            } else {
                out.printf(Locale.ROOT, "%6s %6s %4s %8s %-20s %-20s %10s %10s%n", "system", "node", "cat", "failures",
                        "first failure", "last failure", "MTBF h", "MTTR h");
                for (Map<String, Object> r : rows) {
                    out.printf(Locale.ROOT, "%6d %6d %4s %8d %-20s %-20s %10.1f %10.2f%n", r.get("system"), r.get("node"),
                            r.get("category"), r.get("failures"), r.get("firstFailure"), r.get("lastFailure"),
                            r.get("mtbfHours") == null ? Double.NaN : (Double) r.get("mtbfHours"), (Double) r.get("mttrHours"));
                }
                long systems = rows.stream().map(r -> r.get("system")).distinct().count();
                long outages = rows.stream().mapToLong(r -> (Integer) r.get("failures")).sum();
                out.printf(Locale.ROOT, "%d nodes, %d systems, %d outages%n", rows.size(), systems, outages);
            }
            out.flush();
        }
    }

    /** {@code edgeoff trace availability}. */
    @Command(name = "availability", mixinStandardHelpOptions = true,
            description = {"Availability of one node per slot: 1 - outage time in the slot / slot length.",
                "With --json: start, slot, availability (one number per slot)."})
    static final class Availability implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        TraceOptions traceOptions;
        @Mixin
        NodeOptions nodeOptions;
        @Mixin
        JsonOption jsonOption;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            FailureTrace trace = traceOptions.load(spec.commandLine().getErr());
            AvailabilitySeries s = TraceOptions.series(trace, nodeOptions, traceOptions.slotLength());
            if (jsonOption.enabled()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("system", s.nodeId().system());
                doc.put("node", s.nodeId().node());
                doc.put("start", s.start().toString());
                doc.put("slot", SlotLength.format(s.slot()));
                doc.put("availability", s.values());
                out.println(Json.write(doc));
            } else {
                out.println("# node " + s.nodeId() + ", slot " + SlotLength.format(s.slot()) + ", " + s.size()
                        + " slots, mean availability " + String.format(Locale.ROOT, "%.6f", s.mean()));
                for (int i = 0; i < s.size(); i++) {
                    out.printf(Locale.ROOT, "%s %.6f%n", s.slotStart(i), s.value(i));
                }
            }
            out.flush();
        }
    }

    /** {@code edgeoff trace fit}. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = "Fit the synthetic trace's per-category parameters (Weibull gaps, lognormal repairs) to a trace.")
    static final class Fit implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        TraceOptions traceOptions;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            FailureTrace trace = traceOptions.load(spec.commandLine().getErr());
            Map<SeedCategory, CategoryModel> fit = SyntheticTraces.fit(trace);
            out.println("| category | Weibull shape | Weibull scale h | repair ln-mean (min) | repair ln-sd | nodes | gaps |");
            out.println("|---|---|---|---|---|---|---|");
            fit.values().forEach(m -> out.printf(Locale.ROOT, "| %s | %.5f | %.6g | %.5f | %.5f | %d | %d |%n",
                    m.category(), m.weibullShape(), m.weibullScaleHours(), m.repairLogMeanMinutes(),
                    m.repairLogSdMinutes(), m.nodes(), m.gaps()));
            out.flush();
        }
    }
}
