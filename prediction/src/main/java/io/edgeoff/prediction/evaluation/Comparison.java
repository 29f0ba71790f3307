package io.edgeoff.prediction.evaluation;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Evaluates several models on several nodes under one protocol and summarises each model by the median of
 * each metric across nodes.
 *
 * @param protocol the protocol
 * @param results  one result per (model, node), models in the given order
 * @param models   model names in order
 * @param nodes    nodes in order
 */
public record Comparison(Protocol protocol, List<EvaluationResult> results, List<String> models, List<NodeId> nodes) {
    /** The seed's model, the reference of the "vs svr" column. */
    public static final String SEED_MODEL = "svr";

    public Comparison {
        results = List.copyOf(results);
        models = List.copyOf(models);
        nodes = List.copyOf(nodes);
    }

    /**
     * @throws IllegalArgumentException for an unknown model or a node not in the trace
     */
    public static Comparison run(FailureTrace trace, List<NodeId> nodes, List<String> models, Protocol protocol,
                                 Evaluator evaluator, Duration slot) {
        List<AvailabilitySeries> series = new ArrayList<>();
        for (NodeId n : nodes) {
            series.add(AvailabilitySeries.of(n, trace.outagesOf(n), slot));
        }
        models.forEach(Predictors::description);
        List<EvaluationResult> results = new ArrayList<>();
        for (String model : models) {
            for (AvailabilitySeries s : series) {
                results.add(evaluator.evaluate(Predictors.trainer(model, evaluator.seed()), s, protocol));
            }
        }
        return new Comparison(protocol, results, models, nodes);
    }

    /** Results of one model, in node order. */
    public List<EvaluationResult> of(String model) {
        return results.stream().filter(r -> r.model().equals(model)).toList();
    }

    /** Median across nodes of a metric of one model (NaN values are ignored). */
    public double median(String model, ToDoubleFunction<Metrics> metric) {
        return median(of(model).stream().mapToDouble(r -> metric.applyAsDouble(r.metrics())).toArray());
    }

    /** Median of the finite values, NaN if none. */
    public static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Median over nodes of each model's mean fit + forecast time per node, milliseconds. */
    public double medianMillisPerNode(String model) {
        return median(of(model).stream().mapToDouble(r -> r.elapsedNanos() / 1e6).toArray());
    }

    /** Markdown table: one row per model, medians across nodes, sorted as given. */
    public String summaryTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("protocol: ").append(protocol.cliName()).append(", ").append(nodes.size()).append(" nodes, medians across nodes\n\n");
        boolean withSvr = models.contains(SEED_MODEL);
        sb.append("| model | NRMSE |").append(withSvr ? " vs svr |" : "")
                .append(" RMSE | MAE | R^2 | eps-risk | Brier | ms per node |\n");
        sb.append("|---|---|").append(withSvr ? "---|" : "").append("---|---|---|---|---|---|\n");
        for (String m : models) {
            String vs = withSvr ? String.format(Locale.ROOT, " %+.1f %% |",
                    100 * (median(m, Metrics::nrmse) / median(SEED_MODEL, Metrics::nrmse) - 1)) : "";
            sb.append(String.format(Locale.ROOT, "| %s | %.4f |%s %.4f | %.4f | %.3f | %.4f | %.4f | %.1f |%n", m,
                    median(m, Metrics::nrmse), vs, median(m, Metrics::rmse), median(m, Metrics::mae), median(m, Metrics::r2),
                    median(m, Metrics::epsilonRisk), median(m, Metrics::brier), medianMillisPerNode(m)));
        }
        sb.append("\nranked by median Brier (the selection criterion): ").append(String.join(" < ", rankedByBrier())).append('\n');
        return sb.toString();
    }

    /**
     * The report of this comparison as {@code edgeoff predict compare} prints and writes it: the summary table, for
     * walk-forward the refit period, and with {@code perNode} the NRMSE and Brier tables per node, then a blank line.
     */
    public String report(int refitEverySlots, boolean perNode) {
        StringBuilder part = new StringBuilder(summaryTable());
        if (protocol == Protocol.WALK_FORWARD) {
            part.append("(walk-forward: retrained every ").append(refitEverySlots).append(" slots)\n");
        }
        if (perNode) {
            part.append('\n').append(perNodeTable("NRMSE per node", Metrics::nrmse));
            part.append('\n').append(perNodeTable("Brier per node", Metrics::brier));
        }
        return part.append('\n').toString();
    }

    /** Model names sorted by median Brier score, best first. */
    public List<String> rankedByBrier() {
        return models.stream().sorted(java.util.Comparator.comparingDouble((String m) -> median(m, Metrics::brier))).toList();
    }

    /** Markdown table of one metric per node (rows) and model (columns). */
    public String perNodeTable(String metricName, ToDoubleFunction<Metrics> metric) {
        StringBuilder sb = new StringBuilder("| node |");
        models.forEach(m -> sb.append(' ').append(m).append(" |"));
        sb.append('\n').append("|---|");
        models.forEach(m -> sb.append("---|"));
        sb.append('\n');
        for (int i = 0; i < nodes.size(); i++) {
            sb.append("| ").append(nodes.get(i)).append(" |");
            for (String m : models) {
                sb.append(String.format(Locale.ROOT, " %.4f |", metric.applyAsDouble(of(m).get(i).metrics())));
            }
            sb.append('\n');
        }
        sb.append("| median |");
        for (String m : models) {
            sb.append(String.format(Locale.ROOT, " %.4f |", median(m, metric)));
        }
        return sb.append("\n\n(").append(metricName).append(")\n").toString();
    }
}
