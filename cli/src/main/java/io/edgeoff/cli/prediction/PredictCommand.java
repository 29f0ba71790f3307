package io.edgeoff.cli.prediction;

import io.edgeoff.cli.console.JsonOption;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.availability.SlotLength;
import io.edgeoff.prediction.evaluation.Comparison;
import io.edgeoff.prediction.evaluation.EvaluationResult;
import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.evaluation.Metrics;
import io.edgeoff.prediction.evaluation.NodeEvaluation;
import io.edgeoff.prediction.evaluation.PredictorTiming;
import io.edgeoff.prediction.evaluation.Protocol;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.SeedCategory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff predict}: evaluate one model on one node and forecast; {@code compare}, {@code models}, {@code timing}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Evaluate an availability predictor on one node (metrics under a protocol) and forecast the "
                + "next slots.",
        subcommands = {PredictCommand.Compare.class, PredictCommand.Models.class, PredictCommand.Timing.class})
public final class PredictCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    TraceOptions traceOptions;
    @Mixin
    EvalOptions evalOptions;
    @Option(names = "--system", paramLabel = "S", description = "system (cluster) id (required)")
    Integer system;
    @Option(names = "--node", paramLabel = "N", description = "node number (required)")
    Integer node;
    @Option(names = "--model", paramLabel = "M", defaultValue = "weibull",
            description = "model (see 'edgeoff predict models'; default: ${DEFAULT-VALUE})")
    String model;
    @Option(names = "--protocol", paramLabel = "P", defaultValue = "walk-forward",
            description = "random, chronological or walk-forward (default: ${DEFAULT-VALUE})")
    String protocol;
    @Option(names = "--horizon", paramLabel = "K", defaultValue = "7",
            description = "slots to forecast after the end of the series (default: ${DEFAULT-VALUE})")
    int horizon;
    @Mixin
    JsonOption jsonOption;

    @Override
    public void run() {
        if (system == null || node == null) {
            throw new IllegalArgumentException("predict needs --system and --node (or a subcommand: compare, models, timing)");
        }
        Protocol p = Protocol.parse(protocol);
        Predictor.Trainer trainer = Predictors.trainer(model, evalOptions.seed);
        Predictor.requireHorizon(horizon);
        FailureTrace trace = traceOptions.load(spec.commandLine().getErr());
        NodeId id = new NodeId(system, node);
        NodeEvaluation e = NodeEvaluation.run(trace, id, traceOptions.slotLength(), trainer, p, evalOptions.evaluator(),
                horizon);
        AvailabilitySeries s = e.series();
        EvaluationResult r = e.evaluation();
        double[] forecast = e.forecast();
        double[] outage = e.outageProbability();
        PrintWriter out = spec.commandLine().getOut();
        Metrics m = r.metrics();
        if (jsonOption.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("system", system);
            doc.put("node", node);
            doc.put("model", model);
            doc.put("protocol", p.cliName());
            doc.put("slot", SlotLength.format(s.slot()));
            doc.put("slots", s.size());
            doc.put("trainSlots", r.trainSlots());
            doc.put("testSlots", r.testIndices().length);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("nrmse", Json.num(m.nrmse()));
            metrics.put("rmse", Json.num(m.rmse()));
            metrics.put("mae", Json.num(m.mae()));
            metrics.put("r2", Json.num(m.r2()));
            metrics.put("epsilonRisk", Json.num(m.epsilonRisk()));
            metrics.put("brier", Json.num(m.brier()));
            doc.put("metrics", metrics);
            doc.put("forecastStart", s.end().toString());
            doc.put("forecast", forecast);
            doc.put("outageProbability", outage);
            out.println(Json.write(doc));
        } else {
            out.printf(Locale.ROOT, "node %s, model %s, protocol %s: %d slots of %s (%d train, %d test)%n", id, model,
                    p.cliName(), s.size(), SlotLength.format(s.slot()), r.trainSlots(), r.testIndices().length);
            out.printf(Locale.ROOT, "NRMSE %.4f  RMSE %.4f  MAE %.4f  R^2 %.3f  eps-risk %.4f  Brier %.4f%n", m.nrmse(),
                    m.rmse(), m.mae(), m.r2(), m.epsilonRisk(), m.brier());
            out.println("forecast from " + s.end() + " (availability, outage probability):");
            for (int j = 0; j < horizon; j++) {
                out.printf(Locale.ROOT, "  %s %.4f %.4f%n", s.slotStart(s.size() + j), forecast[j], outage[j]);
            }
        }
        out.flush();
    }

    /** Evaluation options shared by predict and compare. */
    static final class EvalOptions {
        @Option(names = "--refit-every", paramLabel = "SLOTS", defaultValue = "30",
                description = "walk-forward: retrain every this many slots (default: ${DEFAULT-VALUE})")
        int refitEvery;
        @Option(names = "--seed", defaultValue = "5725", description = "seed of the random split (default: ${DEFAULT-VALUE})")
        long seed;

        Evaluator evaluator() {
            return Evaluator.ofDefaults().withRefitEvery(refitEvery).withSeed(seed);
        }
    }

    /** {@code edgeoff predict compare}. */
    @Command(name = "compare", aliases = "evaluate", mixinStandardHelpOptions = true,
            description = "Compare models (median metrics across nodes; default: the 16 seed node candidates).")
    static final class Compare implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        TraceOptions traceOptions;
        @Mixin
        EvalOptions evalOptions;
        @Option(names = "--protocol", paramLabel = "P", defaultValue = "all",
                description = "random, chronological, walk-forward or all (default: ${DEFAULT-VALUE})")
        String protocol;
        @Option(names = "--models", paramLabel = "M", split = ",", description = "models (default: all)")
        List<String> models;
        @Option(names = "--nodes", paramLabel = "S/N", split = ",",
                description = "nodes as system/node (default: the 16 seed candidates)")
        List<String> nodes;
        @Option(names = "--per-node", description = "also print NRMSE and Brier per node")
        boolean perNode;
        @Option(names = "--out", paramLabel = "FILE", description = "also write the tables (Markdown) to FILE")
        Path outFile;

        @Override
        public void run() {
            List<String> ms = models == null ? Predictors.names() : models;
            ms.forEach(Predictors::description);
            List<Protocol> protocols = "all".equalsIgnoreCase(protocol) ? Arrays.asList(Protocol.values())
                    : List.of(Protocol.parse(protocol));
            List<NodeId> ids = new ArrayList<>();
            if (nodes == null) {
                ids.addAll(SeedCategory.seedCandidates());
            } else {
                nodes.forEach(n -> ids.add(NodeId.parse(n)));
            }
            FailureTrace trace = traceOptions.load(spec.commandLine().getErr());
            Evaluator evaluator = evalOptions.evaluator();
            StringBuilder doc = new StringBuilder();
            PrintWriter out = spec.commandLine().getOut();
            for (Protocol p : protocols) {
                String part = Comparison.run(trace, ids, ms, p, evaluator, traceOptions.slotLength())
                        .report(evaluator.refitEvery(), perNode);
                out.print(part);
                out.flush();
                doc.append(part);
            }
            if (outFile != null) {
                try {
                    Files.writeString(outFile, doc.toString(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot write " + outFile + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** {@code edgeoff predict models}. */
    @Command(name = "models", mixinStandardHelpOptions = true, description = "List the predictors.")
    static final class Models implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Predictors.names().forEach(n -> out.printf(Locale.ROOT, "%-10s %s%n", n, Predictors.description(n)));
            out.flush();
        }
    }

    /** {@code edgeoff predict timing}. */
    @Command(name = "timing", mixinStandardHelpOptions = true,
            description = "Fit + predict time per seed candidate on the chronological split (after two warm-up passes over all "
                    + "nodes; the minimum of --repeat passes).")
    static final class Timing implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        TraceOptions traceOptions;
        @Option(names = "--model", defaultValue = "svr", description = "model (default: ${DEFAULT-VALUE})")
        String model;
        @Option(names = "--repeat", defaultValue = "3", description = "timed passes; the minimum is reported (default: ${DEFAULT-VALUE})")
        int repeat;
        @Mixin
        JsonOption jsonOption;

        @Override
        public void run() {
            PredictorTiming.requireRepeat(repeat);
            Predictor.Trainer trainer = Predictors.trainer(model);
            FailureTrace trace = traceOptions.load(spec.commandLine().getErr());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PredictorTiming.Row t : PredictorTiming.run(trace, trainer, repeat, traceOptions.slotLength())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("system", t.node().system());
                row.put("node", t.node().node());
                row.put("slots", t.slots());
                row.put("testNrmse", Json.num(t.testNrmse()));
                row.put("fitPredictSeconds", t.fitPredictNanos() / 1e9);
                rows.add(row);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (jsonOption.enabled()) {
                out.println(Json.write(Map.of("model", model, "nodes", rows)));
            } else {
                rows.forEach(r -> out.printf(Locale.ROOT, "%s/%s %5d slots  NRMSE %.5f  %.2f ms%n", r.get("system"),
                        r.get("node"), r.get("slots"), r.get("testNrmse"), (Double) r.get("fitPredictSeconds") * 1000));
            }
            out.flush();
        }
    }
}
