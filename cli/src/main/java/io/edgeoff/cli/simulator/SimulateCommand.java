package io.edgeoff.cli.simulator;

import picocli.CommandLine.Mixin;
import io.edgeoff.cli.console.OutOption;
import io.edgeoff.cli.console.SeedOption;
import io.edgeoff.cli.console.ScenarioOption;
import io.edgeoff.cli.console.ProgressBar;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.decision.Policies;
import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.simulator.availability.AvailabilitySource;
import io.edgeoff.simulator.availability.TraceSources;
import io.edgeoff.simulator.metrics.MetricsSummary;
import io.edgeoff.simulator.report.FleetReport;
import io.edgeoff.simulator.report.ReportWriter;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import io.edgeoff.simulator.run.FleetResult;
import io.edgeoff.simulator.run.SimulationSettings;
import io.edgeoff.simulator.run.WeightSweep;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff simulate}: runs the seed's experiment protocol in virtual time and writes reports. */
@Command(name = "simulate", mixinStandardHelpOptions = true, subcommands = {SimulateBenchCommand.class},
        description = {"Simulate offloading experiments (configurations x policies x samplings x executions) in "
                + "virtual time with trace-driven site failures, and write samplings.csv, summary.json, "
                + "experiment.json and report.html into --out.",
            "Same --seed, same output, byte for byte (summary.json, samplings.csv)."})
public final class SimulateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOption scenarioOption;

    @Option(names = "--configs", description = "configuration ids, e.g. 1-5 or 1,3 (default: all of the scenario)")
    String configs;

    @Option(names = "--policies", defaultValue = "mdp,seed-mdp-svr,efpo,oracle",
            description = "comma-separated policies (default: ${DEFAULT-VALUE}); see 'edgeoff policies', plus 'oracle'")
    String policies;

    @Option(names = "--samplings", defaultValue = "100", description = "samplings per configuration and policy (default: ${DEFAULT-VALUE})")
    int samplings;

    @Option(names = "--executions", defaultValue = "40", description = "application executions per sampling (default: ${DEFAULT-VALUE})")
    int executions;

    @Mixin
    SeedOption seedOption;

    @Mixin
    OutOption outOption = new OutOption("simulation");

    @Option(names = "--failure-mode", defaultValue = "seed", description = "seed | time (default: ${DEFAULT-VALUE})")
    String failureMode;

    @Option(names = "--time-compression", defaultValue = "86400",
            description = "time mode: trace seconds per simulated second (default: ${DEFAULT-VALUE}, one trace day per second)")
    double timeCompression;

    @Option(names = "--trace", description = "failure trace file (LANL CSV or generic; default: the built-in synthetic trace)")
    Path trace;

    @Option(names = "--predictor", defaultValue = "svr",
            description = "predictor of the outlook's predicted availability (default: ${DEFAULT-VALUE})")
    String predictor;

    @Option(names = "--down-predictor", defaultValue = ExperimentSpec.DEFAULT_DOWN_PREDICTOR,
            description = "walk-forward predictor of the outlook's down probability (default: ${DEFAULT-VALUE})")
    String downPredictor;

    @Option(names = "--time-weight", description = "weight of time w_t in [0,1]; energy gets 1 - w_t (default: the scenario's)")
    Double timeWeight;

    @Option(names = "--weight-sweep", description = "also run w_t = 0, 0.1, ..., 1 and write sweep.csv and sweep charts")
    boolean weightSweep;

    @Option(names = "--devices", defaultValue = "1",
            description = "devices sharing the sites; more than 1 adds per-site cores and queues (needs --failure-mode time); "
                    + "a scenario with a devices: section declares its own (default: ${DEFAULT-VALUE})")
    int devices;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--no-html", description = "skip report.html and its charts")
    boolean noHtml;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public void run() {
        List<String> policyNames = Policies.registry().parseList("--policies", policies);
        ExperimentSpec experiment = spec(policyNames);
        AvailabilitySource availability = TraceSources.open(Optional.ofNullable(trace));
        ExperimentRunner runner = new ExperimentRunner(availability);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long total = (long) experiment.configurations().size() * experiment.policies().size() * experiment.samplings();
        long started = System.nanoTime();
        ProgressBar bar = ProgressBar.on(err, "samplings");
        FleetResult detailed = runner.runDetailed(experiment,
                quiet ? done -> { } : done -> bar.step(done, total, "simulate"));
        ExperimentResult result = detailed.result();
        double seconds = (System.nanoTime() - started) / 1e9;
        ReportWriter.write(out(), result, !noHtml);
        printSummary(out, result, seconds);
        if (!experiment.scenario().fleet().isNone()) {
            FleetReport.write(out(), detailed);
            out.print(FleetReport.table(detailed));
        }
        if (weightSweep) {
            WeightSweep.Result sweep = WeightSweep.run(runner, experiment, (w, done) -> {
                if (!quiet) {
                    err.printf(Locale.ROOT, "weight sweep: w_t = %.1f done (%d/%d)%n", w, done, WeightSweep.STEPS + 1);
                    err.flush();
                }
            });
            WeightSweep.write(out(), sweep, !noHtml);
            out.println("weight sweep: " + out().resolve("sweep.csv"));
        }
        out.println("reports: " + out().toAbsolutePath());
        out.flush();
    }

    private Path out() {
        return outOption.value();
    }

    ExperimentSpec spec(List<String> policyNames) {
        Scenario scenario = scenarioOption.load();
        List<Integer> ids = configs == null ? null : Ranges.parse("--configs", configs);
        return new SimulationSettings(ids, samplings, executions, seedOption.value(), failureMode, timeCompression,
                predictor, downPredictor, timeWeight, devices, threads).toSpec(scenario, policyNames);
    }

    private static void printSummary(PrintWriter out, ExperimentResult result, double seconds) {
        out.printf(Locale.ROOT, "%d samplings, %d executions, %d tasks in %.1f s%n", result.samplings().size(),
                result.executions(), result.tasks(), seconds);
        out.printf(Locale.ROOT, "%-17s %20s %18s %18s %20s%n", "policy", "response time s", "battery %",
                "failures", "service avail. %");
        for (String policy : result.spec().policies()) {
            MetricsSummary s = result.summary(policy);
            out.printf(Locale.ROOT, "%-17s %11.3f ± %6s %9.4f ± %6s %9.3f ± %6s %11.3f ± %6s%n", policy,
                    s.responseTimeSeconds().mean(), IntervalFormat.text("%.3f", s.responseTimeSeconds().halfWidth95()),
                    s.batteryPercent().mean(), IntervalFormat.text("%.4f", s.batteryPercent().halfWidth95()),
                    s.failures().mean(), IntervalFormat.text("%.3f", s.failures().halfWidth95()),
                    s.serviceAvailability().mean(), IntervalFormat.text("%.3f", s.serviceAvailability().halfWidth95()));
        }
    }
}
