package io.edgeoff.cli.simulator;

import picocli.CommandLine.Mixin;
import io.edgeoff.cli.console.SeedOption;
import io.edgeoff.cli.console.ScenarioOption;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.simulator.availability.TraceSources;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.run.Bench;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff simulate bench}: simulated tasks and executions per second on one thread. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure simulator throughput on one thread (one core): simulated tasks and application "
                + "executions per second for the seed workload, per policy.")
public final class SimulateBenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOption scenarioOption;

    @Option(names = "--config", defaultValue = "1", description = "configuration id (default: ${DEFAULT-VALUE})")
    int config;

    @Option(names = "--policies", defaultValue = "seed-mdp-svr,mdp", description = "policies (default: ${DEFAULT-VALUE})")
    String policies;

    @Option(names = "--samplings", defaultValue = "300", description = "samplings per measured round (default: ${DEFAULT-VALUE})")
    int samplings;

    @Option(names = "--warmup", defaultValue = "300", description = "warm-up samplings (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds; the median is reported (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--executions", defaultValue = "40", description = "executions per sampling (default: ${DEFAULT-VALUE})")
    int executions;

    @Option(names = "--failure-mode", defaultValue = "seed", description = "seed | time (default: ${DEFAULT-VALUE})")
    String failureMode;

    @Option(names = "--trace", description = "failure trace file (default: the built-in synthetic trace)")
    Path trace;

    @Mixin
    SeedOption seedOption;

    @Mixin
    io.edgeoff.cli.console.PolicyPluginOptions plugins = new io.edgeoff.cli.console.PolicyPluginOptions();

    @Override
    public void run() {
        if (samplings < 1 || warmup < 0 || executions < 1 || rounds < 1) {
            throw new IllegalArgumentException("--samplings, --executions and --rounds must be >= 1 and --warmup >= 0");
        }
        PolicyRegistry registry = plugins.install();
        List<String> names = registry.parseList("--policies", policies);
        Scenario scenario = scenarioOption.load();
        ExperimentSpec experiment = ExperimentSpec.of(scenario, List.of(config), names, samplings, executions, seedOption.value())
                .toBuilder().failureMode(FailureMode.parse(failureMode)).threads(1).build();
        List<Bench.Measurement> results = Bench.run(registry, TraceSources.open(Optional.ofNullable(trace)), experiment,
                warmup, samplings, rounds);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-17s %10s %14s %16s %16s %10s%n", "policy", "tasks", "tasks/s", "executions/s",
                "best tasks/s", "seconds");
        for (Bench.Measurement m : results) {
            out.printf(Locale.ROOT, "%-17s %10d %14.0f %16.0f %16.0f %10.3f%n", m.policy(), m.tasks(), m.tasksPerSecond(),
                    m.executionsPerSecond(), m.bestTasksPerSecond(), m.seconds());
        }
        out.println("one thread; median of " + rounds + " rounds of " + samplings + " samplings x " + executions
                + " executions after " + warmup + " warm-up samplings; " + experiment.failureMode().cliName()
                + " failure mode, configuration " + config);
        io.edgeoff.cli.console.PolicyPluginOptions.report(out, registry);
        out.flush();
    }
}
