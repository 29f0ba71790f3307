package io.edgeoff.experiment;

import io.edgeoff.decision.Policies;
import io.edgeoff.decision.external.ExternalPolicyStats;
import io.edgeoff.decision.external.FallbackCause;
import io.edgeoff.decision.placement.PlacementReason;

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

    /** The policy the paired differences are taken against, when it ran (else the first policy). */
    static final String PAIRED_BASE = "mdp";

    private LiveReports() {
    }

    /**
     * What a policy met of failures: its failed offloading attempts (in total and per execution, with the 95 %
     * interval), and the failure detector's suspicions raised while its executions ran, false ones apart.
     *
     * @param policy                  policy name
     * @param reactsTo                what it reacts to ({@code PolicySpec.reactsTo})
     * @param failedAttempts          failed offloading attempts, all executions
     * @param failedPerExecution      failed attempts per execution, mean and 95 % interval
     * @param suspicions              suspicions raised during its executions (-1: not recorded)
     * @param falseSuspicions         of which false (-1: not recorded)
     */
    public record PolicyFailures(String policy, String reactsTo, long failedAttempts, MeanInterval failedPerExecution,
                                 int suspicions, int falseSuspicions, Map<PlacementReason, Long> deviceFallbacks) {
        public PolicyFailures {
            deviceFallbacks = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(deviceFallbacks.isEmpty()
                    ? new java.util.EnumMap<>(PlacementReason.class) : deviceFallbacks));
        }

        /** @return tasks the placement loop, not the policy, put on the device (all reasons) */
        public long totalDeviceFallbacks() {
            return deviceFallbacks.values().stream().mapToLong(Long::longValue).sum();
        }

        /** @return the fallbacks as {@code REASON=n;...}, in the reasons' order, or empty when there were none */
        public String fallbackText() {
            return deviceFallbacks.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(";"));
        }
    }

    /** Per policy of the outcome, in its order: failed attempts, suspicions and false suspicions. */
    public static List<PolicyFailures> failures(LiveComparison.Outcome outcome) {
        List<String> policies = outcome.summaries().stream().map(PolicySummary::policy).toList();
        Map<String, int[]> suspicions = outcome.timeline() == null ? Map.of()
                : outcome.timeline().suspicionsPerPolicy(policies, outcome.detection().episodes());
        return outcome.summaries().stream().map(s -> {
            double[] failed = outcome.results().stream().filter(r -> r.policy().equals(s.policy()))
                    .mapToDouble(ExecutionResult::offloadFailures).toArray();
            int[] c = suspicions.getOrDefault(s.policy(), new int[] {-1, -1});
            Map<PlacementReason, Long> fallbacks = new java.util.EnumMap<>(PlacementReason.class);
            outcome.results().stream().filter(r -> r.policy().equals(s.policy()))
                    .flatMap(r -> r.tasks().stream()).map(t -> t.reason())
                    .filter(reason -> reason.isFallback() && reason != PlacementReason.NOT_OFFLOADABLE)
                    .forEach(reason -> fallbacks.merge(reason, 1L, Long::sum));
            return new PolicyFailures(s.policy(), reactsTo(s.policy()), s.offloadFailures(),
                    failed.length == 0 ? MeanInterval.of(new double[] {s.offloadFailures()}) : MeanInterval.of(failed),
                    c[0], c[1], fallbacks);
        }).toList();
    }

    private static String reactsTo(String policy) {
        try {
            return io.edgeoff.decision.Policies.spec(policy).reactsTo();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /** The table printed at the end of a run, without the detector's per-policy counts. */
    public static String table(List<PolicySummary> summaries) {
        return table(new LiveComparison.Outcome(summaries, List.of(), List.of(),
                new io.edgeoff.device.detector.DetectionStats(List.of(), Map.of(), 0), 0));
    }

    /**
     * The table printed at the end of a run: per policy, response time and energy per execution (95 % intervals),
     * failed offloading attempts (total, and per execution with its interval), the detector's suspicions and false
     * suspicions during its executions, service availability, tasks per site, tasks lost and what it reacts to.
     */
    public static String table(LiveComparison.Outcome outcome) {
        List<PolicySummary> summaries = outcome.summaries();
        Map<String, PolicyFailures> failures = new java.util.HashMap<>();
        failures(outcome).forEach(f -> failures.put(f.policy(), f));
        StringBuilder sb = new StringBuilder();
        List<String> sites = summaries.isEmpty() ? List.of() : List.copyOf(summaries.get(0).tasksPerSite().keySet());
        sb.append(String.format(Locale.ROOT, "%-13s %4s %18s %17s %6s %15s %10s %6s %7s ", "policy", "runs",
                "response s (±95%)", "energy J (±95%)", "failed", "failed/exec ±95", "suspicions", "false",
                "avail%"));
        sb.append(String.format(Locale.ROOT, "%-20s %4s  %s%n", "tasks " + String.join("/", sites), "lost", "reacts to"));
        for (PolicySummary s : summaries) {
            String perSite = String.join("/", s.tasksPerSite().values().stream().map(String::valueOf).toList());
            PolicyFailures f = failures.get(s.policy());
            MeanInterval fpe = f.failedPerExecution();
            sb.append(String.format(Locale.ROOT, "%-13s %4d %10.3f ± %5s %9.3f ± %5s %6d %7.2f ± %5s %10s %6s %7.2f "
                            + "%-20s %4d  %s%n",
                    s.policy(), s.executions(), s.meanResponseSeconds(),
                    IntervalFormat.text("%.3f", s.ci95ResponseSeconds()), s.meanEnergyJoules(),
                    IntervalFormat.text("%.3f", s.ci95EnergyJoules()), s.offloadFailures(), fpe.mean(),
                    IntervalFormat.text("%.2f", fpe.halfWidth95()), count(f.suspicions()), count(f.falseSuspicions()),
                    s.serviceAvailabilityPercent(), perSite, s.tasksLost(), f.reactsTo()));
        }
        sb.append("failed = failed offloading attempts; suspicions (false) = the failure detector's suspicions raised "
                + "while the policy's executions ran\n");
        return sb.toString();
    }

    private static String count(int n) {
        return n < 0 ? "-" : Integer.toString(n);
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
        PolicySummary baseSummary = summaries.stream().filter(p -> p.policy().equals(PAIRED_BASE)).findFirst()
                .orElse(summaries.get(0));
        String base = baseSummary.policy();
        Map<Integer, ExecutionResult> baseRuns = new java.util.HashMap<>();
        results.stream().filter(r -> r.policy().equals(base)).forEach(r -> baseRuns.put(r.execution(), r));
        StringBuilder sb = new StringBuilder("paired difference to " + base
                + " over the same executions (mean ± 95 % CI; negative: " + base + " is worse):\n");
        for (PolicySummary s : summaries) {
            if (s == baseSummary) {
                continue;
            }
            List<ExecutionResult> mine = results.stream().filter(r -> r.policy().equals(s.policy())
                    && baseRuns.containsKey(r.execution())).toList();
            double[] dt = mine.stream().mapToDouble(r -> r.responseSeconds()
                    - baseRuns.get(r.execution()).responseSeconds()).toArray();
            double[] de = mine.stream().mapToDouble(r -> r.energyJoules()
                    - baseRuns.get(r.execution()).energyJoules()).toArray();
            double[] df = mine.stream().mapToDouble(r -> r.offloadFailures()
                    - baseRuns.get(r.execution()).offloadFailures()).toArray();
            if (dt.length == 0) {
                sb.append(String.format(Locale.ROOT, "  %-14s no execution in common%n", s.policy()));
                continue;
            }
            MeanInterval time = MeanInterval.of(dt);
            MeanInterval energy = MeanInterval.of(de);
            MeanInterval failed = MeanInterval.of(df);
            sb.append(String.format(Locale.ROOT,
                    "  %-14s response %+.3f ± %s s (%+.1f %%), energy %+.3f ± %s J (%+.1f %%), "
                            + "failed attempts %+.2f ± %s per execution%n",
                    s.policy(), time.mean(), IntervalFormat.text("%.3f", time.halfWidth95()),
                    100 * time.mean() / baseSummary.meanResponseSeconds(),
                    energy.mean(), IntervalFormat.text("%.3f", energy.halfWidth95()),
                    100 * energy.mean() / baseSummary.meanEnergyJoules(), failed.mean(),
                    IntervalFormat.text("%.2f", failed.halfWidth95())));
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
                        + "suspicions + failed attempts per site: %s",
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
     * Writes results.json, summary.csv, executions.csv, failures.csv, timeline.csv, handlers.csv (predicted against
     * measured handler times, {@link HandlerCosts}) and report.html into {@code dir}.
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
            Files.writeString(dir.resolve("failures.csv"), failuresCsv(outcome), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("timeline.csv"), timelineCsv(outcome), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("handlers.csv"), HandlerCosts.csv(HandlerCosts.rows(outcome.results())),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), html(title, parameters, outcome), StandardCharsets.UTF_8);
            if (outcome.fleet() != null) {
                LiveFleetReport.write(dir, outcome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        List<Path> files = new java.util.ArrayList<>(List.of(dir.resolve("report.html"), dir.resolve("results.json"),
                dir.resolve("summary.csv"), dir.resolve("executions.csv"), dir.resolve("failures.csv"),
                dir.resolve("timeline.csv"), dir.resolve("handlers.csv")));
        if (outcome.fleet() != null) {
            files.add(dir.resolve("devices.csv"));
            files.add(dir.resolve("cells.csv"));
        }
        return List.copyOf(files);
    }

    /** Columns of {@code failures.csv}: one row per policy. */
    static final String FAILURES_HEADER = "policy,reacts_to,executions,failed_attempts,failed_attempts_per_execution,"
            + "ci95_failed_attempts_per_execution,suspicions,false_suspicions,device_fallbacks,device_fallback_reasons";

    static String failuresCsv(LiveComparison.Outcome outcome) {
        StringBuilder sb = new StringBuilder(FAILURES_HEADER).append('\n');
        Map<String, Long> executions = new java.util.HashMap<>();
        outcome.summaries().forEach(s -> executions.put(s.policy(), s.executions()));
        for (PolicyFailures f : failures(outcome)) {
            sb.append(String.format(Locale.ROOT, "%s,\"%s\",%d,%d,%.4f,%s,%s,%s,%d,%s%n", f.policy(), f.reactsTo(),
                    executions.get(f.policy()), f.failedAttempts(), f.failedPerExecution().mean(),
                    f.failedPerExecution().hasHalfWidth() ? String.format(Locale.ROOT, "%.4f",
                            f.failedPerExecution().halfWidth95()) : "",
                    f.suspicions() < 0 ? "" : f.suspicions(), f.falseSuspicions() < 0 ? "" : f.falseSuspicions(),
                    f.totalDeviceFallbacks(), f.fallbackText()));
        }
        return sb.toString();
    }

    /** Columns of {@code timeline.csv}: one row per outage, execution and offloading attempt. */
    static final String TIMELINE_HEADER = "kind,site,policy,start_s,end_s,result";

    /**
     * The run's timeline: {@code outage} rows (site, start, end, mode), {@code execution} rows (policy, start, end)
     * and {@code attempt} rows (site, policy, start, {@code ok} or {@code failed}), seconds since the run started.
     */
    static String timelineCsv(LiveComparison.Outcome outcome) {
        StringBuilder sb = new StringBuilder(TIMELINE_HEADER).append('\n');
        if (outcome.timeline() == null) {
            return sb.toString();
        }
        Timeline.Snapshot t = outcome.timeline().snapshot();
        t.outages().forEach(o -> sb.append(String.format(Locale.ROOT, "outage,%s,,%.3f,%.3f,%s%n", o.site(),
                o.startSeconds(), o.endSeconds(), o.mode())));
        t.executions().forEach(e -> sb.append(String.format(Locale.ROOT, "execution,,%s,%.3f,%.3f,%d%n", e.policy(),
                e.startSeconds(), e.endSeconds(), e.execution())));
        t.attempts().forEach(a -> sb.append(String.format(Locale.ROOT, "attempt,%s,%s,%.3f,,%s%n", a.site(),
                a.policy(), a.atSeconds(), a.failed() ? "failed" : "ok")));
        return sb.toString();
    }

    static String json(Map<String, Object> parameters, LiveComparison.Outcome outcome) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("parameters", JSON.valueToTree(parameters));
        root.put("cloudLatencyMillis", outcome.cloudLatencyMillis());
        root.set("summaries", ResultsJson.summaries(outcome.summaries()));
        root.set("detection", detectionJson(outcome.detection()));
        ArrayNode perPolicy = ((ObjectNode) root.get("detection")).putArray("perPolicy");
        for (PolicyFailures f : failures(outcome)) {
            ObjectNode n = perPolicy.addObject().put("policy", f.policy()).put("reacts_to", f.reactsTo())
                    .put("failed_attempts", f.failedAttempts())
                    .put("failed_attempts_per_execution", f.failedPerExecution().mean())
                    .put("device_fallbacks", f.totalDeviceFallbacks());
            ObjectNode reasons = n.putObject("device_fallback_reasons");
            f.deviceFallbacks().forEach((reason, count) -> reasons.put(reason.name(), count));
            if (f.failedPerExecution().hasHalfWidth()) {
                n.put("ci95_failed_attempts_per_execution", f.failedPerExecution().halfWidth95());
            } else {
                n.putNull("ci95_failed_attempts_per_execution");
            }
            if (f.suspicions() >= 0) {
                n.put("suspicions", f.suspicions()).put("false_suspicions", f.falseSuspicions());
            }
        }
        root.set("externalPolicies", externalPoliciesJson(Policies.registry().externalReports()));
        root.set("handlers", JSON.valueToTree(HandlerCosts.json(HandlerCosts.rows(outcome.results()))));
        if (outcome.fleet() != null) {
            LiveFleetReport.json(root, outcome);
        }
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

    /**
     * The external policies ({@code external:URL}, docs/POLICY-PLUGINS.md) of the run (the process's registry) and
     * what they did: decisions asked, answered, and taken by the fallback, by cause, with the first reason of each.
     */
    static ArrayNode externalPoliciesJson(List<ExternalPolicyStats.Report> reports) {
        ArrayNode list = JSON.createArrayNode();
        for (ExternalPolicyStats.Report r : reports) {
            ObjectNode n = list.addObject().put("policy", r.policy()).put("decisions", r.decisions())
                    .put("answered", r.answered()).put("fallback", r.fallback()).put("fallbacks", r.fallbackTotal());
            ObjectNode causes = n.putObject("fallbacksByCause");
            ObjectNode reasons = n.putObject("firstReasons");
            for (FallbackCause cause : FallbackCause.values()) {
                causes.put(cause.label(), r.fallbacks().get(cause));
                if (r.firstReasons().containsKey(cause)) {
                    reasons.put(cause.label(), r.firstReasons().get(cause));
                }
            }
        }
        return list;
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
                + "<th>failed attempts</th><th>failed attempts per execution</th><th>± 95 %</th>"
                + "<th>suspicions</th><th>false suspicions</th>"
                + "<th>service availability %</th><th>tasks per site</th><th>tasks lost</th><th>reacts to</th></tr>\n");
        Map<String, PolicyFailures> failures = new java.util.HashMap<>();
        failures(outcome).forEach(f -> failures.put(f.policy(), f));
        for (PolicySummary p : s) {
            PolicyFailures f = failures.get(p.policy());
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.3f</td><td>%s</td><td>%.3f</td>"
                            + "<td>%s</td><td>%.4f</td><td>%d</td><td>%d</td><td>%.2f</td><td>%s</td><td>%s</td>"
                            + "<td>%s</td><td>%.2f</td><td>%s</td><td>%d</td><td>%s</td></tr>%n",
                    escape(p.policy()), p.executions(), p.meanResponseSeconds(),
                    IntervalFormat.text("%.3f", p.ci95ResponseSeconds()), p.meanEnergyJoules(),
                    IntervalFormat.text("%.3f", p.ci95EnergyJoules()), p.batteryPercentLeft(), p.offloadAttempts(),
                    p.offloadFailures(), f.failedPerExecution().mean(),
                    IntervalFormat.text("%.2f", f.failedPerExecution().halfWidth95()), count(f.suspicions()),
                    count(f.falseSuspicions()), p.serviceAvailabilityPercent(), escape(p.tasksPerSite().toString()),
                    p.tasksLost(), escape(f.reactsTo())));
        }
        sb.append("</table>\n<div class=\"charts\">\n");
        sb.append(barChart("Mean application response time (s), 95 % CI", "response time per execution, s", s,
                PolicySummary::meanResponseSeconds, PolicySummary::ci95ResponseSeconds));
        sb.append(barChart("Mean device energy per execution (J), 95 % CI", "energy per execution, J", s,
                PolicySummary::meanEnergyJoules, PolicySummary::ci95EnergyJoules));
        sb.append(barChart("Failed offloading attempts per execution, 95 % CI", "failed attempts per execution", s,
                p -> failures.get(p.policy()).failedPerExecution().mean(),
                p -> failures.get(p.policy()).failedPerExecution().halfWidth95()));
        sb.append(stackedChart("Tasks per site", s));
        sb.append("</div>\n");
        if (outcome.timeline() != null) {
            sb.append("<h2>Timeline per site</h2>\n<div class=\"timelines\">\n");
            Timeline.Snapshot snapshot = outcome.timeline().snapshot();
            List<String> policies = s.stream().map(PolicySummary::policy).toList();
            for (String site : timelineSites(outcome)) {
                sb.append("<figure><img class=\"timeline\" width=\"900\" alt=\"timeline of ").append(escape(site))
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(
                                TimelineChart.png(snapshot, site, policies))).append("\"></figure>\n");
            }
            sb.append("</div>\n");
        }
        if (outcome.fleet() != null) {
            sb.append(LiveFleetReport.html(outcome));
        }
        sb.append(HandlerCosts.html(HandlerCosts.rows(outcome.results())));
        sb.append("<pre>").append(escape(pairedText(s, outcome.results()))).append("</pre>\n<p>")
                .append(escape(detectionText(outcome.detection()))).append("</p>\n</body></html>\n");
        return sb.toString();
    }

    /** The remote sites of the run (those the summaries count tasks on, the first one, the device, left out). */
    private static List<String> timelineSites(LiveComparison.Outcome outcome) {
        List<String> sites = outcome.summaries().isEmpty() ? List.of()
                : List.copyOf(outcome.summaries().get(0).tasksPerSite().keySet());
        return sites.size() <= 1 ? List.of() : sites.subList(1, sites.size());
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
