package io.edgeoff.simulator.report;

import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.simulator.metrics.CellMetrics;
import io.edgeoff.simulator.metrics.DeviceMetrics;
import io.edgeoff.simulator.metrics.FleetBreakdown;
import io.edgeoff.simulator.run.FleetResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Results per device and per (device, cell) over every configuration and sampling of an experiment, one row per
 * policy: {@code devices.csv}, {@code cells.csv} and the same as a text table. A device's response time and energy
 * are per execution, mean over samplings with the 95 % interval ({@link MeanInterval}); counts are totals; a cell's
 * task time and energy are per task, over all its tasks.
 */
public final class FleetReport {
    private FleetReport() {
    }

    /** One device under one policy. */
    public record DeviceRow(String policy, String device, long executions, MeanInterval responseSeconds,
                            MeanInterval energyJoules, long offloadAttempts, long failures, long handoverInterruptions,
                            long handovers) {
    }

    /** One device in one cell under one policy. */
    public record CellRow(String policy, String device, String cell, long tasks, long offloadedTasks,
                          long offloadAttempts, long failures, long handoverInterruptions, long finishedOverOldPath,
                          double secondsPerTask, double joulesPerTask) {
        /** @return offloaded tasks in % of tasks */
        public double offloadedPercent() {
            return tasks == 0 ? 0 : 100.0 * offloadedTasks / tasks;
        }
    }

    /** @return one row per policy and device, in policy then device order */
    public static List<DeviceRow> devices(FleetResult result) {
        return devices(result.breakdowns());
    }

    /** @return one row per policy and device of {@code breakdowns} (the live demo's, too), in order of appearance */
    public static List<DeviceRow> devices(List<FleetBreakdown> breakdowns) {
        Map<List<String>, List<DeviceMetrics>> groups = new LinkedHashMap<>();
        for (FleetBreakdown b : breakdowns) {
            for (DeviceMetrics d : b.devices()) {
                groups.computeIfAbsent(List.of(b.policy(), d.device()), k -> new ArrayList<>()).add(d);
            }
        }
        List<DeviceRow> rows = new ArrayList<>();
        groups.forEach((key, list) -> {
            double[] response = list.stream().filter(d -> d.executions() > 0)
                    .mapToDouble(d -> d.responseTimeSeconds() / d.executions()).toArray();
            double[] energy = list.stream().filter(d -> d.executions() > 0)
                    .mapToDouble(d -> d.energyJoules() / d.executions()).toArray();
            rows.add(new DeviceRow(key.get(0), key.get(1), list.stream().mapToLong(DeviceMetrics::executions).sum(),
                    MeanInterval.of(response), MeanInterval.of(energy),
                    list.stream().mapToLong(DeviceMetrics::offloadAttempts).sum(),
                    list.stream().mapToLong(DeviceMetrics::failures).sum(),
                    list.stream().mapToLong(DeviceMetrics::handoverInterruptions).sum(),
                    list.stream().mapToLong(DeviceMetrics::handovers).sum()));
        });
        return rows;
    }

    /** @return one row per policy, device and cell the device was in, in policy, device and cell order */
    public static List<CellRow> cells(FleetResult result) {
        return cells(result.breakdowns());
    }

    /** @return one row per policy, device and cell of {@code breakdowns}, in order of appearance */
    public static List<CellRow> cells(List<FleetBreakdown> breakdowns) {
        Map<List<String>, List<CellMetrics>> groups = new LinkedHashMap<>();
        for (FleetBreakdown b : breakdowns) {
            for (CellMetrics c : b.cells()) {
                groups.computeIfAbsent(List.of(b.policy(), c.device(), c.cell()), k -> new ArrayList<>()).add(c);
            }
        }
        List<CellRow> rows = new ArrayList<>();
        groups.forEach((key, list) -> {
            long tasks = list.stream().mapToLong(CellMetrics::tasks).sum();
            rows.add(new CellRow(key.get(0), key.get(1), key.get(2), tasks,
                    list.stream().mapToLong(CellMetrics::offloadedTasks).sum(),
                    list.stream().mapToLong(CellMetrics::offloadAttempts).sum(),
                    list.stream().mapToLong(CellMetrics::failures).sum(),
                    list.stream().mapToLong(CellMetrics::handoverInterruptions).sum(),
                    list.stream().mapToLong(CellMetrics::finishedOverOldPath).sum(),
                    list.stream().mapToDouble(CellMetrics::taskSeconds).sum() / tasks,
                    list.stream().mapToDouble(CellMetrics::energyJoules).sum() / tasks));
        });
        return rows;
    }

    /**
     * Writes {@code devices.csv} and {@code cells.csv} into {@code dir}.
     *
     * @throws IllegalArgumentException when a file cannot be written
     */
    public static void write(Path dir, FleetResult result) {
        write(dir, result.breakdowns());
    }

    /** As {@link #write(Path, FleetResult)}, from the breakdowns alone (the live demo's). */
    public static void write(Path dir, List<FleetBreakdown> result) {
        StringBuilder devices = new StringBuilder("policy,device,executions,response_s_per_execution,response_ci95,"
                + "energy_j_per_execution,energy_ci95,offload_attempts,failed_attempts,handover_interruptions,"
                + "handovers\n");
        for (DeviceRow r : devices(result)) {
            devices.append(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%s,%.6f,%s,%d,%d,%d,%d%n", csv(r.policy()),
                    csv(r.device()), r.executions(), r.responseSeconds().mean(),
                    IntervalFormat.csv(r.responseSeconds().halfWidth95()), r.energyJoules().mean(),
                    IntervalFormat.csv(r.energyJoules().halfWidth95()), r.offloadAttempts(), r.failures(),
                    r.handoverInterruptions(), r.handovers()));
        }
        StringBuilder cells = new StringBuilder("policy,device,cell,tasks,offloaded_tasks,offload_attempts,"
                + "failed_attempts,handover_interruptions,finished_over_old_path,seconds_per_task,joules_per_task\n");
        for (CellRow r : cells(result)) {
            cells.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d,%d,%d,%.6f,%.6f%n", csv(r.policy()),
                    csv(r.device()), csv(r.cell()), r.tasks(), r.offloadedTasks(), r.offloadAttempts(), r.failures(),
                    r.handoverInterruptions(), r.finishedOverOldPath(), r.secondsPerTask(), r.joulesPerTask()));
        }
        write(dir.resolve("devices.csv"), devices.toString());
        write(dir.resolve("cells.csv"), cells.toString());
    }

    /** The two tables as text, for the console. */
    public static String table(FleetResult result) {
        return table(result.breakdowns());
    }

    /** As {@link #table(FleetResult)}, from the breakdowns alone (the live demo's). */
    public static String table(List<FleetBreakdown> result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-15s %-12s %6s %20s %20s %8s %7s %9s %9s%n", "policy", "device",
                "execs", "response s/exec", "energy J/exec", "attempts", "failed", "handover", "handovers"));
        for (DeviceRow r : devices(result)) {
            out.append(String.format(Locale.ROOT, "%-15s %-12s %6d %10.3f ± %7s %10.3f ± %7s %8d %7d %9d %9d%n",
                    r.policy(), r.device(), r.executions(), r.responseSeconds().mean(),
                    IntervalFormat.text("%.3f", r.responseSeconds().halfWidth95()), r.energyJoules().mean(),
                    IntervalFormat.text("%.3f", r.energyJoules().halfWidth95()), r.offloadAttempts(), r.failures(),
                    r.handoverInterruptions(), r.handovers()));
        }
        out.append(String.format(Locale.ROOT, "%-15s %-12s %-10s %7s %10s %8s %7s %9s %8s %8s %8s%n", "policy",
                "device", "cell", "tasks", "offloaded%", "attempts", "failed", "handover", "old-path", "s/task",
                "J/task"));
        for (CellRow r : cells(result)) {
            out.append(String.format(Locale.ROOT, "%-15s %-12s %-10s %7d %10.1f %8d %7d %9d %8d %8.3f %8.3f%n",
                    r.policy(), r.device(), r.cell(), r.tasks(), r.offloadedPercent(), r.offloadAttempts(),
                    r.failures(), r.handoverInterruptions(), r.finishedOverOldPath(), r.secondsPerTask(),
                    r.joulesPerTask()));
        }
        return out.toString();
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
