package io.edgeoff.cli.device;

import io.edgeoff.cli.console.OutOption;
import io.edgeoff.cli.console.SeedOption;
import io.edgeoff.experiment.Demo;
import io.edgeoff.experiment.DemoTimeScale;
import io.edgeoff.experiment.LiveResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff demo}: the main job, {@link Demo} with its flags; prints the comparison and where the reports are. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job: start the scenario's sites (ED, EC, ER, CD of the seed scenario) as processes on "
                + "this machine, each replaying a failure trace, run the device (one per device of a --scenario with "
                + "devices:) under each policy and compare them.",
            "Prints a table and writes results.json, summary.csv, executions.csv and report.html to --out."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policies", defaultValue = "mdp,seed-mdp-svr,efpo,reactive,local",
            description = "Comma-separated policies to compare (default: ${DEFAULT-VALUE}).")
    String policies;

    @Option(names = "--executions", defaultValue = "20", description = "Executions per policy (default: ${DEFAULT-VALUE}).")
    int executions;

    @Mixin
    SeedOption seedOption;

    @Mixin
    io.edgeoff.cli.console.PolicyPluginOptions plugins = new io.edgeoff.cli.console.PolicyPluginOptions();

    @Option(names = "--trace", description = "LANL failure data CSV, or 'synthetic-lanl' for the prediction module's "
            + "LANL-fitted synthetic trace from its start; each site replays its node of --configuration "
            + "(default: the busiest window of that synthetic trace for the run's length, outage modes from --seed).")
    Path trace;

    @Option(names = "--configuration", defaultValue = "1",
            description = "The seed's node-candidate configuration (1-5) whose trace nodes the sites replay "
                    + "(default: ${DEFAULT-VALUE}).")
    int configuration;

    @Option(names = "--time-compression", defaultValue = DemoTimeScale.DEFAULT_TEXT,
            description = "Trace seconds per wall-clock second (default: ${DEFAULT-VALUE}, one trace hour in 10 s, so "
                    + "that an outage spans several executions).")
    double timeCompression;

    @Mixin
    OutOption out = new OutOption("out");

    @Option(names = "--db-url", description = "Database to record runs, outcomes and detector data in "
            + "(default: the embedded H2 database <out>/db/edgeoff).")
    String dbUrl;

    @Option(names = "--web-port", description = "Serve a live status page of the device on "
            + "http://127.0.0.1:<port>/ while the demo runs (0: any free port; default: no page).")
    Integer webPort;

    @Option(names = "--no-link-emulation", description = "Do not delay transfers by the scenario's links.")
    boolean noLinkEmulation;

    @Option(names = "--synthetic-tasks", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = {"Run the seed's synthetic MI tasks (the compute kernel paced to each rating) instead of the",
                "built-in task handlers, which by default run every task's real work (sized to its drawn MI) on real",
                "data flowing between tasks."})
    boolean syntheticTasks;

    @Mixin
    io.edgeoff.cli.console.ScenarioOption scenario = new io.edgeoff.cli.console.ScenarioOption();

    @Option(names = "--mobility-speedup", defaultValue = "1",
            description = {"With a scenario whose devices move between cells: schedule seconds per wall-clock second",
                "(default: ${DEFAULT-VALUE}, the scenario's times; e.g. 4 walks the commuter's 8 s per hotspot in 2 s)."})
    double mobilitySpeedup;

    @Option(names = "--compare", description = "Afterwards, simulate every live execution (same policy, application, "
            + "links, detector and outage schedule) and print live and simulated side by side, with the gap per metric "
            + "(also in <out>/compare.txt).")
    boolean compare;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        var registry = plugins.install();
        Demo.Spec demo = new Demo.Spec(registry.parseList("--policies", policies), executions, seedOption.value(), trace,
                configuration, timeCompression, out.value(), dbUrl, webPort, !noLinkEmulation, syntheticTasks,
                scenario.name(), mobilitySpeedup);
        if (compare && !"seed".equals(demo.scenario())) {
            throw new IllegalArgumentException("--compare replays the seed's single device; run it without "
                    + "--scenario " + demo.scenario());
        }
        if (!io.edgeoff.common.scenario.ScenarioYaml.BUILT_IN.contains(demo.scenario())
                && !java.nio.file.Files.isRegularFile(Path.of(demo.scenario()))) {
            throw new IllegalArgumentException("--scenario " + demo.scenario() + ": neither a built-in scenario "
                    + io.edgeoff.common.scenario.ScenarioYaml.BUILT_IN + " nor a scenario file");
        }
        io.edgeoff.common.scenario.ScenarioYaml.load(demo.scenario()); // a bad --scenario fails before any site starts
        LiveResult result = Demo.run(demo, ConsoleListener.on(spec.commandLine().getErr()));
        stdout.println();
        stdout.print(result.text());
        io.edgeoff.cli.console.PolicyPluginOptions.report(stdout, registry);
        stdout.println("reports: " + String.join(", ", result.reports().stream().map(Path::toString).toList()));
        if (compare) {
            stdout.println();
            stdout.print(Demo.compare(demo, result));
        }
        stdout.flush();
        return 0;
    }
}
