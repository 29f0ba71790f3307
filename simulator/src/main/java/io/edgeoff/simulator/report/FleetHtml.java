package io.edgeoff.simulator.report;

import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.simulator.run.FleetResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sections of {@code report.html} per device and per cell, for a scenario with devices, cells or mobility: the
 * rows of {@code devices.csv} and {@code cells.csv} ({@link FleetReport}) as two tables, and two charts, response time
 * per execution of each device (mean over samplings with its 95 % interval) and time per task in each (device, cell),
 * one bar per policy.
 */
final class FleetHtml {
    /** The charts written by {@link #charts}, next to report.html. */
    static final List<String> CHARTS = List.of("devices-response-time.png", "cells-seconds-per-task.png");

    private FleetHtml() {
    }

    static void charts(Path dir, FleetResult result) {
        List<FleetReport.DeviceRow> devices = FleetReport.devices(result);
        List<String> deviceIds = distinct(devices, FleetReport.DeviceRow::device);
        Map<String, List<Double>> means = new LinkedHashMap<>();
        Map<String, List<Double>> halfWidths = new LinkedHashMap<>();
        for (FleetReport.DeviceRow row : devices) {
            int at = deviceIds.indexOf(row.device());
            slot(means, row.policy(), deviceIds.size()).set(at, drawable(row.responseSeconds().mean()));
            slot(halfWidths, row.policy(), deviceIds.size()).set(at,
                    row.responseSeconds().hasHalfWidth() ? drawable(row.responseSeconds().halfWidth95()) : 0.0);
        }
        Charts.save(Charts.grouped("Response time per execution, per device", "device", "s", deviceIds, means,
                halfWidths), dir.resolve(CHARTS.get(0)));

        List<FleetReport.CellRow> cells = FleetReport.cells(result);
        boolean oneDevice = deviceIds.size() == 1;
        Function<FleetReport.CellRow, String> label = r -> oneDevice ? r.cell() : r.device() + " " + r.cell();
        List<String> cellLabels = distinct(cells, label);
        Map<String, List<Double>> perTask = new LinkedHashMap<>();
        for (FleetReport.CellRow row : cells) {
            slot(perTask, row.policy(), cellLabels.size()).set(cellLabels.indexOf(label.apply(row)),
                    drawable(row.secondsPerTask()));
        }
        Charts.save(Charts.grouped("Time per task, per " + (oneDevice ? "cell" : "device and cell")
                + " (failed attempts included)", oneDevice ? "cell" : "device cell", "s", cellLabels, perTask, null),
                dir.resolve(CHARTS.get(1)));
    }

    static void section(StringBuilder b, FleetResult result) {
        b.append("<h2>Per device</h2>\n<p>Response time and energy per application execution of each device, mean over ")
                .append("the samplings with the 95 % interval; counts are totals over every configuration and sampling ")
                .append("(devices.csv).</p>\n");
        b.append("<table><tr><th>policy</th><th>device</th><th>executions</th><th>response s / execution</th>")
                .append("<th>energy J / execution</th><th>offload attempts</th><th>failed attempts</th>")
                .append("<th>handover interruptions</th><th>handovers</th></tr>\n");
        for (FleetReport.DeviceRow r : FleetReport.devices(result)) {
            b.append("<tr><td>").append(HtmlReport.esc(r.policy())).append("</td>");
            td(b, HtmlReport.esc(r.device()));
            td(b, Long.toString(r.executions()));
            td(b, fmt(r.responseSeconds()));
            td(b, fmt(r.energyJoules()));
            td(b, Long.toString(r.offloadAttempts()));
            td(b, Long.toString(r.failures()));
            td(b, Long.toString(r.handoverInterruptions()));
            td(b, Long.toString(r.handovers()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        b.append("<h2>Per cell</h2>\n<p>What each device did in each cell (<code>-</code>: in no cell); a task belongs to ")
                .append("the cell the device was in when it became ready; time and energy per task include failed ")
                .append("attempts (cells.csv).</p>\n");
        b.append("<table><tr><th>policy</th><th>device</th><th>cell</th><th>tasks</th><th>offloaded %</th>")
                .append("<th>offload attempts</th><th>failed attempts</th><th>handover interruptions</th>")
                .append("<th>finished over the old path</th><th>s / task</th><th>J / task</th></tr>\n");
        for (FleetReport.CellRow r : FleetReport.cells(result)) {
            b.append("<tr><td>").append(HtmlReport.esc(r.policy())).append("</td>");
            td(b, HtmlReport.esc(r.device()));
            td(b, HtmlReport.esc(r.cell()));
            td(b, Long.toString(r.tasks()));
            td(b, String.format(Locale.ROOT, "%.1f", r.offloadedPercent()));
            td(b, Long.toString(r.offloadAttempts()));
            td(b, Long.toString(r.failures()));
            td(b, Long.toString(r.handoverInterruptions()));
            td(b, Long.toString(r.finishedOverOldPath()));
            td(b, String.format(Locale.ROOT, "%.3f", r.secondsPerTask()));
            td(b, String.format(Locale.ROOT, "%.3f", r.joulesPerTask()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void td(StringBuilder b, String text) {
        b.append("<td>").append(text).append("</td>");
    }

    private static String fmt(MeanInterval m) {
        return String.format(Locale.ROOT, "%.3f &plusmn; %s", m.mean(), IntervalFormat.text("%.3f", m.halfWidth95()));
    }

    private static <T> List<String> distinct(List<T> rows, Function<T, String> key) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.add(key.apply(r)));
        return new ArrayList<>(keys);
    }

    /** The series of {@code policy}, one 0 per category until set (a policy that never was in a cell draws no bar). */
    private static List<Double> slot(Map<String, List<Double>> series, String policy, int categories) {
        return series.computeIfAbsent(policy, p -> new ArrayList<>(java.util.Collections.nCopies(categories, 0.0)));
    }

    /** XChart cannot draw NaN (a device without a finished execution): no bar. */
    private static double drawable(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }
}
