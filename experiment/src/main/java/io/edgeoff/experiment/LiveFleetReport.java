package io.edgeoff.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.simulator.metrics.CellMetrics;
import io.edgeoff.simulator.metrics.DeviceMetrics;
import io.edgeoff.simulator.metrics.FleetBreakdown;
import io.edgeoff.simulator.report.FleetReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A live fleet run per device and per (device, cell), in the simulator's tables ({@link FleetReport}: the same
 * {@code devices.csv} and {@code cells.csv} columns, the same console table). The live run's executions become the
 * simulator's breakdowns: one per policy and execution round, so a device's response time and energy are means over
 * its executions with their 95 % intervals; each device's cells (over all its executions of a policy, in the
 * scenario's cell order) ride with the policy's first round. A task belongs to the cell its first attempt started in;
 * an attempt abandoned at a handover ({@code fail-and-redecide}) is a failed attempt and a handover interruption, one
 * that completed over its old path ({@code finish-old-path}) counts as such.
 */
final class LiveFleetReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveFleetReport() {
    }

    /** @return one breakdown per policy and execution round, in policy order */
    static List<FleetBreakdown> breakdowns(LiveComparison.Outcome outcome) {
        FleetComparison.FleetRuns fleet = outcome.fleet();
        int deviceIndex = fleet.deviceIndex();
        Map<List<Object>, List<DeviceMetrics>> devices = new LinkedHashMap<>();
        Map<List<Object>, List<CellMetrics>> cells = new LinkedHashMap<>();
        List<String> policies = outcome.summaries().stream().map(s -> s.policy()).toList();
        for (String policy : policies) {
            for (FleetComparison.DeviceRun run : fleet.devices()) {
                // a device's cells over all its executions of the policy, in cell order, with its first round
                cells.computeIfAbsent(List.of(policy, 0), k -> new ArrayList<>()).addAll(cells(run,
                        run.results().stream().filter(r -> r.policy().equals(policy)).toList(), deviceIndex));
                int round = 0;
                for (int i = 0; i < run.results().size(); i++) {
                    ExecutionResult r = run.results().get(i);
                    if (!r.policy().equals(policy)) {
                        continue;
                    }
                    List<Object> key = List.of(policy, round++);
                    devices.computeIfAbsent(key, k -> new ArrayList<>()).add(device(run.device(), r,
                            run.handovers().get(i), deviceIndex));
                }
            }
        }
        List<FleetBreakdown> out = new ArrayList<>();
        devices.forEach((key, list) -> out.add(new FleetBreakdown(0, (String) key.get(0), (Integer) key.get(1), list,
                cells.getOrDefault(key, List.of()))));
        return out;
    }

    private static DeviceMetrics device(String id, ExecutionResult r, int handovers, int deviceIndex) {
        long tasks = r.tasks().stream().filter(TaskOutcome::completed).count();
        long interrupted = r.tasks().stream().flatMap(t -> t.attempts().stream())
                .filter(Attempt::handoverInterrupted).count();
        return new DeviceMetrics(id, 1, r.responseSeconds(), r.energyJoules(), tasks, r.offloadAttempts(deviceIndex),
                r.offloadFailures(), interrupted, handovers);
    }

    private static List<CellMetrics> cells(FleetComparison.DeviceRun run, List<ExecutionResult> results,
                                           int deviceIndex) {
        List<CellMetrics> out = new ArrayList<>();
        for (String cell : run.cellNames()) {
            String label = cell;
            List<TaskOutcome> in = results.stream().flatMap(r -> r.tasks().stream())
                    .filter(t -> t.completed() && cellOf(t).equals(label)).toList();
            if (in.isEmpty()) {
                continue;
            }
            List<Attempt> remote = in.stream().flatMap(t -> t.attempts().stream())
                    .filter(a -> a.siteIndex() != deviceIndex).toList();
            out.add(new CellMetrics(run.device(), cell, in.size(),
                    in.stream().filter(t -> t.siteIndex() != deviceIndex).count(), remote.size(),
                    remote.stream().filter(a -> !a.succeeded()).count(),
                    remote.stream().filter(Attempt::handoverInterrupted).count(),
                    remote.stream().filter(Attempt::finishedOverOldPath).count(),
                    in.stream().mapToDouble(TaskOutcome::seconds).sum(),
                    in.stream().mapToDouble(TaskOutcome::energyJoules).sum()));
        }
        return out;
    }

    /** The cell a task belongs to: where its first attempt started ({@code -}: in no cell). */
    static String cellOf(TaskOutcome t) {
        String cell = t.attempts().isEmpty() ? "" : t.attempts().get(0).cell();
        return cell.isEmpty() ? io.edgeoff.common.mobility.DeviceLinks.NO_CELL : cell;
    }

    static String table(LiveComparison.Outcome outcome) {
        return "per device and per cell:\n" + FleetReport.table(breakdowns(outcome));
    }

    static void write(Path dir, LiveComparison.Outcome outcome) {
        FleetReport.write(dir, breakdowns(outcome));
    }

    /** {@code devices} and {@code cells} arrays for results.json. */
    static void json(ObjectNode root, LiveComparison.Outcome outcome) {
        List<FleetBreakdown> b = breakdowns(outcome);
        ArrayNode devices = root.putArray("devices");
        for (FleetReport.DeviceRow r : FleetReport.devices(b)) {
            ObjectNode n = devices.addObject().put("policy", r.policy()).put("device", r.device())
                    .put("executions", r.executions()).put("response_s_per_execution", r.responseSeconds().mean())
                    .put("energy_j_per_execution", r.energyJoules().mean())
                    .put("offload_attempts", r.offloadAttempts()).put("failed_attempts", r.failures())
                    .put("handover_interruptions", r.handoverInterruptions()).put("handovers", r.handovers());
            if (r.responseSeconds().hasHalfWidth()) {
                n.put("response_ci95", r.responseSeconds().halfWidth95());
            }
        }
        ArrayNode cells = root.putArray("cells");
        for (FleetReport.CellRow r : FleetReport.cells(b)) {
            cells.addObject().put("policy", r.policy()).put("device", r.device()).put("cell", r.cell())
                    .put("tasks", r.tasks()).put("offloaded_tasks", r.offloadedTasks())
                    .put("offload_attempts", r.offloadAttempts()).put("failed_attempts", r.failures())
                    .put("handover_interruptions", r.handoverInterruptions())
                    .put("finished_over_old_path", r.finishedOverOldPath())
                    .put("seconds_per_task", r.secondsPerTask()).put("joules_per_task", r.joulesPerTask());
        }
    }

    /** Two HTML tables: per device, per (device, cell). */
    static String html(LiveComparison.Outcome outcome) {
        List<FleetBreakdown> b = breakdowns(outcome);
        StringBuilder sb = new StringBuilder("<h2>Per device</h2>\n<table id=\"devices\"><tr><th>policy</th>"
                + "<th>device</th><th>executions</th><th>response s</th><th>± 95 %</th><th>energy J</th><th>± 95 %</th>"
                + "<th>offload attempts</th><th>failed attempts</th><th>handover-interrupted attempts</th>"
                + "<th>handovers</th></tr>\n");
        for (FleetReport.DeviceRow r : FleetReport.devices(b)) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%.3f</td><td>%s</td>"
                            + "<td>%.3f</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>%n",
                    LiveReports.escape(r.policy()), LiveReports.escape(r.device()), r.executions(),
                    r.responseSeconds().mean(), IntervalFormat.text("%.3f", r.responseSeconds().halfWidth95()),
                    r.energyJoules().mean(), IntervalFormat.text("%.3f", r.energyJoules().halfWidth95()),
                    r.offloadAttempts(), r.failures(), r.handoverInterruptions(), r.handovers()));
        }
        sb.append("</table>\n<h2>Per device and cell</h2>\n<table id=\"cells\"><tr><th>policy</th><th>device</th>"
                + "<th>cell</th><th>tasks</th><th>offloaded %</th><th>offload attempts</th><th>failed attempts</th>"
                + "<th>handover-interrupted attempts</th><th>finished over old path</th><th>s per task</th>"
                + "<th>J per task</th></tr>\n");
        for (FleetReport.CellRow r : FleetReport.cells(b)) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%.1f</td>"
                            + "<td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%.3f</td><td>%.3f</td></tr>%n",
                    LiveReports.escape(r.policy()), LiveReports.escape(r.device()), LiveReports.escape(r.cell()),
                    r.tasks(), r.offloadedPercent(), r.offloadAttempts(), r.failures(), r.handoverInterruptions(),
                    r.finishedOverOldPath(), r.secondsPerTask(), r.joulesPerTask()));
        }
        return sb.append("</table>\n").toString();
    }
}
