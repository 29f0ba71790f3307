package io.edgeoff.cli.decision;

import picocli.CommandLine.Mixin;
import io.edgeoff.cli.console.ScenarioOption;
import io.edgeoff.cli.console.LatencySeedOption;
import io.edgeoff.cli.console.JsonOption;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.Range;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.app.TaskKind;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.explain.DecisionExplainer;
import io.edgeoff.common.cost.InputSource;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff decide}: what a policy decides, and why. */
@Command(name = "decide", sortOptions = false,
        description = {"Explain a decision: the chosen site(s), the policy for every state, the state values,",
            "and the expected time and energy. Task sizes of an app are the means of their ranges.",
            "With --json: decision|decisions, policy, values, expected time and energy."})
public final class DecideCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOption scenarioOption;

    @Option(names = "--policy", defaultValue = Policies.DEFAULT, description = "Decision engine (see 'edgeoff policies'; default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--from", description = "Site the input comes from (default: the device).")
    String from;

    @Option(names = "--availability", description = "Predicted availability per remote site, e.g. ED=0.97,EC=0.85 (default 1).")
    String availability;

    @Option(names = "--mtbf-hours", description = "MTBF per remote site in hours, e.g. ED=120 (EFPO's input; default: never failed).")
    String mtbfHours;

    @Option(names = "--latency-ms", description = "Measured one-way latency of the device's link to each remote site, ms, "
            + "e.g. ED=40 (default: the scenario's; planned with as the device plans with its resource monitor's).")
    String latencyMillis;

    @Option(names = "--bandwidth-kbps", description = "Measured bandwidth of the device's link to each remote site, KB/s, "
            + "e.g. EC=300 (default: the scenario's).")
    String bandwidthKBps;

    @Option(names = "--queue-ms", description = "Measured queueing delay at each remote site, ms, e.g. EC=120 (default 0).")
    String queueMillis;

    @Option(names = "--hours-since-failure", description = "Hours since each remote site's last failure, e.g. ED=30 (default 0).")
    String hoursSinceFailure;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--app", description = "Application of the scenario, e.g. ANTIVIRUS.")
        String app;

        @ArgGroup(exclusive = false)
        SingleTask task;
    }

    static final class SingleTask {
        @Option(names = "--task-mi", required = true, description = "Work of a single task, million instructions.")
        double mi;
        @Option(names = "--task-in-kb", required = true, description = "Its input size, KB.")
        double inKb;
        @Option(names = "--task-out-kb", required = true, description = "Its output size, KB.")
        double outKb;
        @Option(names = "--sink", description = "Its output returns to the device (adds the downlink).")
        boolean sink;
    }

    @Mixin
    LatencySeedOption seedOption;

    @Mixin
    JsonOption jsonOption;

    @Mixin
    io.edgeoff.cli.console.PolicyPluginOptions plugins = new io.edgeoff.cli.console.PolicyPluginOptions();

    @Override
    public void run() {
        var registry = plugins.install();
        Scenario scenario = scenarioOption.load();
        CostModel costModel = scenario.costModel(seedOption.network(scenario));
        AppInstance app = target.app != null ? AppInstance.means(scenario.application(target.app)) : singleTask();
        int start = from == null ? costModel.deviceIndex() : scenario.siteIndex(from);
        List<SiteOutlook> outlook = outlook(scenario);
        if (Policies.spec(policy).needsGroundTruth()) {
            throw new IllegalArgumentException("policy " + policy + " needs the simulator's ground truth (which sites"
                    + " are really up); 'decide' cannot explain it: run it with 'edgeoff simulate'");
        }
        var engine = Policies.create(policy, new PolicyContext(costModel, io.edgeoff.common.cost.CostWeights.seed(),
                seedOption.orElse(0)));
        DecisionExplainer.Report report = new DecisionExplainer(costModel).explain(engine, app, start, outlook,
                measured(scenario, costModel));
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOption.enabled()) {
            printJson(out, report);
        } else {
            printText(out, report);
        }
        if (!jsonOption.enabled()) {
            io.edgeoff.cli.console.PolicyPluginOptions.report(out, registry);
        }
        out.flush();
    }

    private AppInstance singleTask() {
        SingleTask t = target.task;
        if (!(t.mi >= 0) || !(t.inKb >= 0) || !(t.outKb >= 0)) {
            throw new IllegalArgumentException("--task-mi, --task-in-kb and --task-out-kb must be >= 0, but were "
                    + t.mi + ", " + t.inKb + ", " + t.outKb);
        }
        TaskKind kind = new TaskKind("GIVEN", Range.fixed(t.mi), Range.fixed(t.inKb), Range.fixed(t.outKb));
        Application application = new Application("TASK", List.of(new TaskSpec("TASK", kind, 0, true)), List.of());
        return new AppInstance(application, List.of(new TaskInstance("TASK", t.mi, t.inKb, t.outKb, 0, true, t.sink)));
    }

    /** The measured inputs given on the command line; a site's other values stay the scenario's (prior). */
    private PlanningInputs measured(Scenario scenario, CostModel costModel) {
        Map<String, Double> latency = SiteValues.parse("--latency-ms", latencyMillis, scenario, 0, 1e9);
        Map<String, Double> bandwidth = SiteValues.parse("--bandwidth-kbps", bandwidthKBps, scenario, Double.MIN_VALUE,
                Double.POSITIVE_INFINITY);
        Map<String, Double> queue = SiteValues.parse("--queue-ms", queueMillis, scenario, 0, 1e9);
        List<SiteInputs> sites = new ArrayList<>();
        for (var site : scenario.remoteSites()) {
            String id = site.id();
            if (!latency.containsKey(id) && !bandwidth.containsKey(id) && !queue.containsKey(id)) {
                continue;
            }
            SiteInputs prior = SiteInputs.priorOf(costModel, scenario.siteIndex(id));
            sites.add(new SiteInputs(id, latency.getOrDefault(id, prior.latencyMillis()), source(latency, id),
                    bandwidth.getOrDefault(id, prior.bandwidthKBps()), source(bandwidth, id),
                    queue.getOrDefault(id, prior.queueDelayMillis()), source(queue, id)));
        }
        return new PlanningInputs(sites);
    }

    private static InputSource source(Map<String, Double> given, String siteId) {
        return given.containsKey(siteId) ? InputSource.MEASURED : InputSource.PRIOR;
    }

    private List<SiteOutlook> outlook(Scenario scenario) {
        Map<String, Double> avail = SiteValues.parse("--availability", availability, scenario, 0, 1);
        Map<String, Double> mtbf = SiteValues.parse("--mtbf-hours", mtbfHours, scenario, Double.MIN_VALUE, Double.POSITIVE_INFINITY);
        Map<String, Double> since = SiteValues.parse("--hours-since-failure", hoursSinceFailure, scenario, 0, Double.POSITIVE_INFINITY);
        List<SiteOutlook> outlook = new ArrayList<>();
        for (var site : scenario.sites()) {
            if (!site.isRemote()) {
                outlook.add(SiteOutlook.certain());
                continue;
            }
            double a = avail.getOrDefault(site.id(), 1.0);
            outlook.add(new SiteOutlook(a, 1 - a, 0, mtbf.getOrDefault(site.id(), Double.POSITIVE_INFINITY),
                    since.getOrDefault(site.id(), 0.0), false));
        }
        return outlook;
    }

    private void printText(PrintWriter out, DecisionExplainer.Report report) {
        out.printf("policy %s%n%n", report.policy());
        out.printf("%-18s %-5s %-5s %12s %12s%n", "task", "from", "site", "time s", "energy J");
        for (var d : report.decisions()) {
            out.printf("%-18s %-5s %-5s %12.6f %12.6f%n", d.task(), d.from(), d.site(), d.expectedTimeSeconds(),
                    d.expectedEnergyJoules());
        }
        out.printf("%-30s %12.6f %12.6f%n%n", "total (sum over tasks)", report.totalTimeSeconds(), report.totalEnergyJoules());
        out.printf("planned with (per remote site: device link latency, bandwidth, queueing delay)%n");
        report.inputs().forEach(i -> out.printf("  %s%n", i.describe()));
        out.printf("%n");
        out.printf("policy and values per state (%s)%n", report.valueKind());
        report.policyTable().forEach((task, states) -> {
            out.printf("  %s%n", task);
            states.forEach((state, site) -> out.printf("    %-40s -> %-4s %14.6f%n", state, site,
                    report.values().get(task).get(state)));
        });
    }

    private void printJson(PrintWriter out, DecisionExplainer.Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("policyName", report.policy());
        boolean single = report.decisions().size() == 1 && target.app == null;
        if (single) {
            root.put("decision", report.decisions().get(0).site());
            root.put("policy", report.policyTable().values().iterator().next());
            root.put("values", report.values().values().iterator().next());
        } else {
            Map<String, String> decisions = new LinkedHashMap<>();
            report.decisions().forEach(d -> decisions.put(d.task(), d.site()));
            root.put("decisions", decisions);
            root.put("policy", report.policyTable());
            root.put("values", report.values());
        }
        root.put("valueKind", report.valueKind());
        root.put("tasks", report.decisions());
        root.put("expectedTimeSeconds", report.totalTimeSeconds());
        root.put("expectedEnergyJoules", report.totalEnergyJoules());
        root.put("inputs", report.inputs());
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
