package io.edgeoff.cli.simulator;

import picocli.CommandLine.Mixin;
import io.edgeoff.cli.console.OutOption;
import io.edgeoff.cli.console.PolicyPluginOptions;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.cli.console.SeedOption;
import io.edgeoff.cli.console.ScenarioOption;
import io.edgeoff.cli.console.ProgressBar;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.simulator.availability.AvailabilitySource;
import io.edgeoff.simulator.availability.TraceSources;
import io.edgeoff.decision.policy.ClairvoyantPolicy;
import io.edgeoff.simulator.bound.BoundDistance;
import io.edgeoff.simulator.metrics.MetricsSummary;
import io.edgeoff.simulator.report.FleetReport;
import io.edgeoff.simulator.report.ReportWriter;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import io.edgeoff.simulator.run.FleetResult;
import io.edgeoff.simulator.run.SimulationSettings;
import io.edgeoff.simulator.run.WeightSweep;
import io.edgeoff.simulator.shard.ExperimentUnits;
import io.edgeoff.simulator.shard.Shard;
import io.edgeoff.simulator.shard.ShardFolder;
import io.edgeoff.simulator.shard.ShardRun;
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
            "Same --seed, same output, byte for byte (summary.json, samplings.csv).",
            "With --shard I/N only every N-th sampling runs and --out gets a shard folder; 'edgeoff results merge' "
                + "combines the N shard folders into exactly the files of the unsharded run."})
public final class SimulateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOption scenarioOption;

    @Option(names = "--configs", description = "configuration ids, e.g. 1-5 or 1,3 (default: all of the scenario)")
    String configs;

    @Option(names = "--policies", defaultValue = "mdp,seed-mdp-svr,efpo,myopic-oracle,clairvoyant",
            description = "comma-separated policies (default: ${DEFAULT-VALUE}); see 'edgeoff policies' ('myopic-oracle'"
                    + " and the bound 'clairvoyant' run only here)")
    String policies;

    @Option(names = "--samplings", defaultValue = "100", description = "samplings per configuration and policy (default: ${DEFAULT-VALUE})")
    int samplings;

    @Option(names = "--executions", defaultValue = "40", description = "application executions per sampling (default: ${DEFAULT-VALUE})")
    int executions;

    @Mixin
    SeedOption seedOption;

    @Mixin
    PolicyPluginOptions plugins = new PolicyPluginOptions();

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

    @Option(names = "--shard", paramLabel = "I/N",
            description = "run only shard I of N (I from 0: every N-th sampling, the weight sweep's too) and write a shard "
                    + "folder into --out; 'edgeoff results merge' combines the N folders into the unsharded run's files")
    String shard;

    @Override
    public void run() {
        PolicyRegistry registry = plugins.install();
        List<String> policyNames = registry.parseList("--policies", policies);
        ExperimentSpec experiment = spec(policyNames);
        if (experiment.deviceCount() > 1 && policyNames.contains(ClairvoyantPolicy.NAME)
                && !spec.commandLine().getParseResult().hasMatchedOption("--policies")) {
            // the default list's bound is single-device: leave it out rather than refuse the default run
            experiment = experiment.toBuilder().policies(policyNames.stream()
                    .filter(p -> !p.equals(ClairvoyantPolicy.NAME)).toList()).build();
            spec.commandLine().getErr().println("edgeoff simulate: " + experiment.deviceCount() + " devices: the default "
                    + "policies without " + ClairvoyantPolicy.NAME + " (a bound for one device only)");
        }
        Optional<Shard> slice = shard == null ? Optional.empty() : Optional.of(Shard.parse(shard));
        AvailabilitySource availability = TraceSources.open(Optional.ofNullable(trace));
        ExperimentRunner runner = new ExperimentRunner(registry, availability,
                io.edgeoff.decision.placement.PlacementRules.ofDefaults());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (slice.isPresent()) {
            runShard(runner, experiment, slice.get(), out, err);
            return;
        }
        long total = (long) experiment.configurations().size() * experiment.policies().size() * experiment.samplings();
        long started = System.nanoTime();
        ProgressBar bar = ProgressBar.on(err, "samplings");
        FleetResult detailed = runner.runDetailed(experiment,
                quiet ? done -> { } : done -> bar.step(done, total, "simulate"));
        ExperimentResult result = detailed.result();
        double seconds = (System.nanoTime() - started) / 1e9;
        ReportWriter.write(out(), detailed, !noHtml);
        printSummary(out, result, String.format(Locale.ROOT, " in %.1f s", seconds));
        PolicyPluginOptions.report(out, registry);
        if (!experiment.scenario().fleet().isNone()) {
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

    private void runShard(ExperimentRunner runner, ExperimentSpec experiment, Shard slice, PrintWriter out,
                          PrintWriter err) {
        long total = slice.unitsOf(ExperimentUnits.of(experiment, weightSweep).total());
        ProgressBar bar = ProgressBar.on(err, "samplings");
        long started = System.nanoTime();
        ShardFolder folder = ShardRun.run(runner, experiment, weightSweep, TraceSources.digest(Optional.ofNullable(trace)),
                slice, out(), quiet ? done -> { } : done -> bar.step(done, total, "shard " + slice));
        double seconds = (System.nanoTime() - started) / 1e9;
        folder.write();
        out.printf(Locale.ROOT, "shard %s: %d of %d samplings in %.1f s, experiment %s%n", slice, total,
                ExperimentUnits.of(experiment, weightSweep).total(), seconds, folder.manifest().fingerprint());
        out.println("shard folder: " + out().toAbsolutePath() + " (merge the " + slice.count()
                + " folders with: edgeoff results merge DIR... --out DIR)");
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

    /** Prints the run's size ({@code took}: how long it took, or empty) and each policy's summary. */
    static void printSummary(PrintWriter out, ExperimentResult result, String took) {
        out.printf(Locale.ROOT, "%d samplings, %d executions, %d tasks%s%n", result.samplings().size(),
                result.executions(), result.tasks(), took);
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
        List<BoundDistance> distances = BoundDistance.of(result);
        if (!distances.isEmpty()) {
            out.println("distance to the clairvoyant bound, response time per sampling (paired over the same samplings,"
                    + " mean ± 95 % CI; smallest gap):");
            for (BoundDistance d : distances) {
                out.printf(Locale.ROOT, "  %-17s %+.3f ± %s s (%+.1f %%), smallest %+.3f s%n", d.policy(),
                        d.gapSeconds().mean(), IntervalFormat.text("%.3f", d.gapSeconds().halfWidth95()),
                        d.gapPercent(), d.smallestSeconds());
            }
        }
    }
}
