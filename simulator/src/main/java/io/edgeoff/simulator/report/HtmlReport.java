package io.edgeoff.simulator.report;

import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.simulator.metrics.MetricsSummary;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentSpec;
import io.edgeoff.simulator.run.FleetResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code report.html}: the experiment's parameters, summary tables and PNG charts (written next to it); for a scenario
 * with devices, cells or mobility also a table and a chart per device and per cell ({@link FleetHtml}).
 */
public final class HtmlReport {
    /** Chart files written by {@link #write}. */
    public static final String[] CHARTS = {"response-time.png", "energy.png", "battery.png", "failures.png",
        "service-availability.png", "tasks-per-site.png", "failures-per-site.png"};

    private HtmlReport() {
    }

    /** Writes the report of a scenario without devices, cells or mobility (or without its sections for them). */
    public static void write(Path dir, ExperimentResult result) {
        write(dir, result, Optional.empty());
    }

    /**
     * @param fleet the experiment's results per device and per cell, for a scenario with devices, cells or mobility:
     *              the report gets a section and a chart for each ({@link FleetHtml#CHARTS}); empty: none
     */
    public static void write(Path dir, ExperimentResult result, Optional<FleetResult> fleet) {
        Charts.metricByConfiguration(dir.resolve(CHARTS[0]), result, "Response time per sampling", "s",
                MetricsSummary::responseTimeSeconds);
        Charts.metricByConfiguration(dir.resolve(CHARTS[1]), result, "Device energy per sampling", "J",
                MetricsSummary::energyJoules);
        Charts.metricByConfiguration(dir.resolve(CHARTS[2]), result, "Battery left after a sampling", "%",
                MetricsSummary::batteryPercent);
        Charts.metricByConfiguration(dir.resolve(CHARTS[3]), result, "Offloading failures per sampling", "failures",
                MetricsSummary::failures);
        Charts.metricByConfiguration(dir.resolve(CHARTS[4]), result, "Service availability (successful / attempted offloads)",
                "%", MetricsSummary::serviceAvailability);
        Charts.perSite(dir.resolve(CHARTS[5]), result, "Offloading distribution: tasks per site per sampling",
                "tasks", false);
        Charts.perSite(dir.resolve(CHARTS[6]), result, "Failed attempts per site per sampling", "failures", true);
        fleet.ifPresent(f -> FleetHtml.charts(dir, f));
        try {
            Files.writeString(dir.resolve("report.html"), html(result, fleet), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report.html in " + dir + ": " + e.getMessage(), e);
        }
    }

    static String html(ExperimentResult result, Optional<FleetResult> fleet) {
        ExperimentSpec spec = result.spec();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>edgeoff simulation</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;")
                .append("margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}img{max-width:100%}</style></head><body>\n");
        b.append("<h1>edgeoff simulation report</h1>\n<p>Scenario <b>").append(esc(spec.scenario().name()))
                .append("</b>, configurations ").append(spec.configurations()).append(", ").append(spec.samplings())
                .append(" samplings x ").append(spec.executions()).append(" executions, seed ").append(spec.seed())
                .append(", failure mode <b>").append(spec.failureMode().cliName()).append("</b>");
        if (spec.failureMode() == io.edgeoff.simulator.failure.FailureMode.TIME) {
            b.append(" (compression ").append(spec.timeCompression()).append(")");
        }
        b.append(", predictor <b>").append(esc(spec.predictor())).append("</b> (down probability: <b>")
                .append(esc(spec.downPredictor())).append("</b>), weights time ")
                .append(spec.weights().time()).append(" / energy ").append(spec.weights().energy())
                .append(", trace ").append(esc(result.traceSource()));
        if (spec.deviceCount() > 1) {
            b.append(", ").append(spec.deviceCount()).append(" devices contending for site cores (time and energy per device)");
        }
        b.append(".</p>\n");
        b.append("<p>Means per sampling with 95 % confidence intervals over the samplings (Student's t with n - 1 degrees of "
                + "freedom: t(0.975, n - 1) sd / sqrt(n); n/a for a single sampling). Service availability is ")
                .append("successful / attempted offloads in %.</p>\n");
        b.append("<h2>All configurations</h2>\n");
        table(b, result, -1);
        for (int id : spec.configurations()) {
            b.append("<h2>Configuration ").append(id).append("</h2>\n");
            table(b, result, id);
        }
        fleet.ifPresent(f -> FleetHtml.section(b, f));
        b.append("<h2>Charts</h2>\n");
        List<String> charts = new ArrayList<>(List.of(CHARTS));
        fleet.ifPresent(f -> charts.addAll(FleetHtml.CHARTS));
        for (String chart : charts) {
            b.append("<p><img src=\"").append(chart).append("\" alt=\"").append(chart).append("\"></p>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, ExperimentResult result, int configuration) {
        b.append("<table><tr><th>policy</th><th>response time s</th><th>energy J</th><th>battery %</th>")
                .append("<th>failures</th><th>service availability %</th>");
        result.siteIds().forEach(id -> b.append("<th>tasks ").append(esc(id)).append("</th>"));
        result.siteIds().forEach(id -> b.append("<th>failures ").append(esc(id)).append("</th>"));
        b.append("</tr>\n");
        for (String policy : result.spec().policies()) {
            MetricsSummary s = configuration < 0 ? result.summary(policy) : result.summary(policy, configuration);
            b.append("<tr><td>").append(esc(policy)).append("</td>");
            cell(b, s, MetricsSummary::responseTimeSeconds);
            cell(b, s, MetricsSummary::energyJoules);
            cell(b, s, MetricsSummary::batteryPercent);
            cell(b, s, MetricsSummary::failures);
            cell(b, s, MetricsSummary::serviceAvailability);
            result.siteIds().forEach(id -> b.append("<td>").append(fmt(s.tasksPerSite().get(id))).append("</td>"));
            result.siteIds().forEach(id -> b.append("<td>").append(fmt(s.failuresPerSite().get(id))).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void cell(StringBuilder b, MetricsSummary s, Function<MetricsSummary, MeanInterval> metric) {
        b.append("<td>").append(fmt(metric.apply(s))).append("</td>");
    }

    private static String fmt(MeanInterval m) {
        return String.format(Locale.ROOT, "%.3f &plusmn; %s", m.mean(), IntervalFormat.text("%.3f", m.halfWidth95()));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
