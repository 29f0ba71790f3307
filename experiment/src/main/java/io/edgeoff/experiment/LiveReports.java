package io.edgeoff.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultsCsv;
import io.edgeoff.common.results.ResultsJson;
import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.detector.SuspicionEpisode;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.simulator.report.Charts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The comparison as a text table, JSON, CSV and an HTML page with charts (XChart, as the simulator's). */
public final class LiveReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LiveReports() {
    }

    /** The table printed at the end of a run. */
    public static String table(List<PolicySummary> summaries) {
        StringBuilder sb = new StringBuilder();
        List<String> sites = summaries.isEmpty() ? List.of() : List.copyOf(summaries.get(0).tasksPerSite().keySet());
        sb.append(String.format(Locale.ROOT, "%-14s %5s %18s %16s %9s %9s %8s ", "policy", "runs",
                "response s (±95%)", "energy J (±95%)", "battery%", "failures", "avail%"));
        sb.append(String.format(Locale.ROOT, "%-26s %5s%n", "tasks per site " + String.join("/", sites), "lost"));
        for (PolicySummary s : summaries) {
            String perSite = String.join("/", s.tasksPerSite().values().stream().map(String::valueOf).toList());
            sb.append(String.format(Locale.ROOT, "%-14s %5d %10.3f ± %5s %9.3f ± %5s %9.4f %9d %8.2f %-26s %5d%n",
                    s.policy(), s.executions(), s.meanResponseSeconds(),
                    IntervalFormat.text("%.3f", s.ci95ResponseSeconds()), s.meanEnergyJoules(),
                    IntervalFormat.text("%.3f", s.ci95EnergyJoules()), s.batteryPercentLeft(), s.offloadFailures(),
                    s.serviceAvailabilityPercent(), perSite, s.tasksLost()));
        }
        return sb.toString();
    }

    /**
     * Paired differences against the first policy: every policy ran the same executions, so the mean of
     * the per-execution differences (with its 95 % confidence interval) says more than two overlapping
     * intervals of the means.
     */
    public static String pairedText(List<PolicySummary> summaries, List<ExecutionResult> results) {
        if (summaries.size() < 2) {
            return "";
        }
        String base = summaries.get(0).policy();
        Map<Integer, ExecutionResult> baseRuns = new java.util.HashMap<>();
        results.stream().filter(r -> r.policy().equals(base)).forEach(r -> baseRuns.put(r.execution(), r));
        StringBuilder sb = new StringBuilder("paired difference to " + base
                + " over the same executions (mean ± 95 % CI; negative: " + base + " is worse):\n");
        for (PolicySummary s : summaries.subList(1, summaries.size())) {
            List<ExecutionResult> mine = results.stream().filter(r -> r.policy().equals(s.policy())
                    && baseRuns.containsKey(r.execution())).toList();
            double[] dt = mine.stream().mapToDouble(r -> r.responseSeconds()
                    - baseRuns.get(r.execution()).responseSeconds()).toArray();
            double[] de = mine.stream().mapToDouble(r -> r.energyJoules()
                    - baseRuns.get(r.execution()).energyJoules()).toArray();
            if (dt.length == 0) {
                sb.append(String.format(Locale.ROOT, "  %-14s no execution in common%n", s.policy()));
                continue;
            }
            MeanInterval time = MeanInterval.of(dt);
            MeanInterval energy = MeanInterval.of(de);
            sb.append(String.format(Locale.ROOT,
                    "  %-14s response %+.3f ± %s s (%+.1f %%), energy %+.3f ± %s J (%+.1f %%)%n",
                    s.policy(), time.mean(), IntervalFormat.text("%.3f", time.halfWidth95()),
                    100 * time.mean() / summaries.get(0).meanResponseSeconds(),
                    energy.mean(), IntervalFormat.text("%.3f", energy.halfWidth95()),
                    100 * energy.mean() / summaries.get(0).meanEnergyJoules()));
        }
        return sb.toString();
    }

    /** Detection data in one paragraph. */
    public static String detectionText(DetectionStats stats) {
        double[] latencies = stats.episodes().stream().mapToDouble(SuspicionEpisode::detectionLatencyMillis).sorted()
                .toArray();
        String latency = latencies.length == 0 ? "none"
                : String.format(Locale.ROOT, "median %.0f ms, max %.0f ms", percentile(latencies, 0.5),
                        latencies[latencies.length - 1]);
        return String.format(Locale.ROOT,
                "failure detector: %d suspicions (%d false), time since last sign of life at suspicion: %s; "
                        + "failures per site: %s",
                stats.episodes().size(), stats.falseSuspicions(), latency, stats.failuresPerSite());
    }

    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Writes results.json, summary.csv, executions.csv and report.html into {@code dir}.
     *
     * @return the files written, the HTML report first
     */
    public static List<Path> writeAll(Path dir, String title, Map<String, Object> parameters,
                                      LiveComparison.Outcome outcome) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("results.json"), json(parameters, outcome), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("summary.csv"), summaryCsv(outcome.summaries()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("executions.csv"), executionsCsv(outcome), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), html(title, parameters, outcome), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        return List.of(dir.resolve("report.html"), dir.resolve("results.json"), dir.resolve("summary.csv"),
                dir.resolve("executions.csv"));
    }

    static String json(Map<String, Object> parameters, LiveComparison.Outcome outcome) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("parameters", JSON.valueToTree(parameters));
        root.put("cloudLatencyMillis", outcome.cloudLatencyMillis());
        root.set("summaries", ResultsJson.summaries(outcome.summaries()));
        root.set("detection", detectionJson(outcome.detection()));
        ArrayNode executions = root.putArray("executions");
        for (ExecutionResult r : outcome.results()) {
            ObjectNode e = executions.addObject();
            e.put("policy", r.policy()).put("execution", r.execution()).put("application", r.application())
                    .put("response_s", r.responseSeconds()).put("energy_j", r.energyJoules())
                    .put("offload_failures", r.offloadFailures()).put("tasks_lost", r.tasksLost());
            ArrayNode tasks = e.putArray("tasks");
            r.tasks().forEach(t -> tasks.addObject().put("task", t.taskName()).put("site", t.siteId())
                    .put("attempts", t.attempts().size()).put("response_s", t.seconds())
                    .put("energy_j", t.energyJoules()).put("completed", t.completed()));
        }
        return JSON.writeValueAsString(root);
    }

    static ObjectNode detectionJson(DetectionStats stats) {
        ObjectNode node = JSON.createObjectNode();
        node.put("falseSuspicions", stats.falseSuspicions());
        node.set("failuresPerSite", JSON.valueToTree(stats.failuresPerSite()));
        ArrayNode episodes = node.putArray("episodes");
        for (SuspicionEpisode e : stats.episodes()) {
            episodes.addObject().put("siteId", e.siteId())
                    .put("suspectedAt", e.suspectedAt() == null ? null : e.suspectedAt().toString())
                    .put("cause", e.cause()).put("detectionLatencyMillis", e.detectionLatencyMillis())
                    .put("suspectedMillis", e.suspectedMillis()).put("ended", e.ended())
                    .put("falseSuspicion", e.falseSuspicion());
        }
        return node;
    }

    static String summaryCsv(List<PolicySummary> summaries) {
        return ResultsCsv.summaries(summaries);
    }

    static String executionsCsv(LiveComparison.Outcome outcome) {
        List<String> sites = outcome.summaries().isEmpty() ? List.of()
                : List.copyOf(outcome.summaries().get(0).tasksPerSite().keySet());
        return ResultsCsv.rows(outcome.rows(), sites);
    }

    static String html(String title, Map<String, Object> parameters, LiveComparison.Outcome outcome) {
        List<PolicySummary> s = outcome.summaries();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}"
                        + "th{background:#eee}td:first-child{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:2em}"
                        + "</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n<p>");
        parameters.forEach((k, v) -> sb.append("<b>").append(escape(k)).append("</b>: ").append(escape(String.valueOf(v)))
                .append(" &nbsp; "));
        sb.append(String.format(Locale.ROOT, "<b>device-cloud latency drawn</b>: %.1f ms</p>%n",
                outcome.cloudLatencyMillis()));
        sb.append("<table id=\"summary\"><tr><th>policy</th><th>executions</th><th>response s</th><th>± 95 %</th>"
                + "<th>energy J</th><th>± 95 %</th><th>battery % left</th><th>offload attempts</th>"
                + "<th>failures</th><th>service availability %</th><th>tasks per site</th><th>tasks lost</th></tr>\n");
        for (PolicySummary p : s) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.3f</td><td>%s</td><td>%.3f</td>"
                            + "<td>%s</td><td>%.4f</td><td>%d</td><td>%d</td><td>%.2f</td><td>%s</td><td>%d</td></tr>%n",
                    escape(p.policy()), p.executions(), p.meanResponseSeconds(),
                    IntervalFormat.text("%.3f", p.ci95ResponseSeconds()), p.meanEnergyJoules(),
                    IntervalFormat.text("%.3f", p.ci95EnergyJoules()), p.batteryPercentLeft(), p.offloadAttempts(),
                    p.offloadFailures(), p.serviceAvailabilityPercent(), escape(p.tasksPerSite().toString()),
                    p.tasksLost()));
        }
        sb.append("</table>\n<div class=\"charts\">\n");
        sb.append(barChart("Mean application response time (s), 95 % CI", "response time per execution, s", s,
                PolicySummary::meanResponseSeconds, PolicySummary::ci95ResponseSeconds));
        sb.append(barChart("Mean device energy per execution (J), 95 % CI", "energy per execution, J", s,
                PolicySummary::meanEnergyJoules, PolicySummary::ci95EnergyJoules));
        sb.append(barChart("Offloading failures", "failed attempts", s, p -> p.offloadFailures(), null));
        sb.append(stackedChart("Tasks per site", s));
        sb.append("</div>\n<pre>").append(escape(pairedText(s, outcome.results()))).append("</pre>\n<p>")
                .append(escape(detectionText(outcome.detection()))).append("</p>\n</body></html>\n");
        return sb.toString();
    }

    /** One bar per policy, with its 95 % error bar when {@code ci} is given; drawn with the simulator's charts. */
    private static String barChart(String title, String yAxis, List<PolicySummary> s, ToDoubleFunction<PolicySummary> value,
                                   ToDoubleFunction<PolicySummary> ci) {
        List<String> policies = s.stream().map(PolicySummary::policy).toList();
        List<Double> values = s.stream().map(p -> value.applyAsDouble(p)).toList();
        List<Double> halfWidths = ci == null ? null : s.stream().map(p -> ci.applyAsDouble(p)).toList();
        return figure(title, Charts.bars(title, "policy", yAxis, policies, values, halfWidths));
    }

    private static String stackedChart(String title, List<PolicySummary> s) {
        List<String> policies = s.stream().map(PolicySummary::policy).toList();
        List<String> sites = s.isEmpty() ? List.of() : List.copyOf(s.get(0).tasksPerSite().keySet());
        Map<String, List<Double>> parts = new java.util.LinkedHashMap<>();
        for (String site : sites) {
            parts.put(site, s.stream().map(p -> (double) p.tasksPerSite().getOrDefault(site, 0L)).toList());
        }
        return figure(title, Charts.stacked(title, "policy", "tasks", policies, parts));
    }

    /** The chart as a PNG inside the page (a data URI), so report.html stays one self-contained file. */
    private static String figure(String title, org.knowm.xchart.CategoryChart chart) {
        return "<figure><img width=\"600\" alt=\"" + escape(title) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(Charts.png(chart)) + "\"></figure>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
