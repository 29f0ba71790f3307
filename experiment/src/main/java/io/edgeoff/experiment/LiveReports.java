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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The comparison as a text table, JSON, CSV and an HTML page with SVG charts. */
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

    /** An undefined half-width (one execution) draws no error bar. */
    private static double nz(double x) {
        return Double.isNaN(x) ? 0 : x;
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
        sb.append(barChart("Mean application response time (s), 95 % CI", s, PolicySummary::meanResponseSeconds,
                PolicySummary::ci95ResponseSeconds));
        sb.append(barChart("Mean device energy per execution (J), 95 % CI", s, PolicySummary::meanEnergyJoules,
                PolicySummary::ci95EnergyJoules));
        sb.append(barChart("Offloading failures", s, p -> p.offloadFailures(), p -> Double.NaN));
        sb.append(stackedChart("Tasks per site", s));
        sb.append("</div>\n<pre>").append(escape(pairedText(s, outcome.results()))).append("</pre>\n<p>")
                .append(escape(detectionText(outcome.detection()))).append("</p>\n</body></html>\n");
        return sb.toString();
    }

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f"};

    private static String barChart(String title, List<PolicySummary> s, ToDoubleFunction<PolicySummary> value,
                                   ToDoubleFunction<PolicySummary> ci) {
        int width = 420;
        int height = 240;
        int bar = Math.max(10, (width - 60) / Math.max(1, s.size()) - 10);
        double max = 0;
        for (PolicySummary p : s) {
            max = Math.max(max, value.applyAsDouble(p) + nz(ci.applyAsDouble(p)));
        }
        max = max <= 0 ? 1 : max * 1.1;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<figure><figcaption>%s</figcaption><svg width=\"%d\" height=\"%d\" role=\"img\">%n",
                escape(title), width, height + 40));
        for (int i = 0; i < s.size(); i++) {
            PolicySummary p = s.get(i);
            double v = value.applyAsDouble(p);
            double h = v / max * height;
            int x = 40 + i * (bar + 10);
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s: %.3f</title></rect>%n",
                    x, height - h, bar, h, COLOURS[i % COLOURS.length], escape(p.policy()), v));
            double c = ci.applyAsDouble(p);
            if (!Double.isNaN(c) && c > 0) {
                double top = height - (v + c) / max * height;
                double bottom = height - Math.max(0, v - c) / max * height;
                double mid = x + bar / 2.0;
                sb.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", mid, mid, top, bottom));
            }
            sb.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                    x + bar / 2.0, height + 15, escape(p.policy())));
            sb.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%.3g</text>%n",
                    x + bar / 2.0, height + 30, v));
        }
        return sb.append("</svg></figure>\n").toString();
    }

    private static String stackedChart(String title, List<PolicySummary> s) {
        int width = 420;
        int height = 240;
        int bar = Math.max(10, (width - 60) / Math.max(1, s.size()) - 10);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<figure><figcaption>%s</figcaption><svg width=\"%d\" height=\"%d\" role=\"img\">%n",
                escape(title), width, height + 60));
        List<String> sites = s.isEmpty() ? List.of() : List.copyOf(s.get(0).tasksPerSite().keySet());
        for (int i = 0; i < s.size(); i++) {
            PolicySummary p = s.get(i);
            long total = Math.max(1, p.tasksPerSite().values().stream().mapToLong(Long::longValue).sum());
            double y = height;
            int x = 40 + i * (bar + 10);
            for (int k = 0; k < sites.size(); k++) {
                long n = p.tasksPerSite().getOrDefault(sites.get(k), 0L);
                double h = (double) n / total * height;
                y -= h;
                sb.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>%n",
                        x, y, bar, h, COLOURS[k % COLOURS.length], escape(p.policy()), escape(sites.get(k)), n));
            }
            sb.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                    x + bar / 2.0, height + 15, escape(p.policy())));
        }
        for (int k = 0; k < sites.size(); k++) {
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
                    40 + k * 60, height + 35, COLOURS[k % COLOURS.length], 54 + k * 60, height + 44,
                    escape(sites.get(k))));
        }
        return sb.append("</svg></figure>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
