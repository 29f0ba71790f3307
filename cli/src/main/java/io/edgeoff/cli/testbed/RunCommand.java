package io.edgeoff.cli.testbed;

import io.edgeoff.cli.console.PolicyPluginOptions;
import io.edgeoff.cli.site.SiteCommand;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.external.ExternalPolicy;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.testbed.PolicyPlugins;
import io.edgeoff.testbed.TestbedRun;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgeoff testbed run} ({@link TestbedRun} with its flags): the seed's experiment on real processes: every remote site's
 * {@code edgeoff site} in its namespace, the device's {@code edgeoff device} in the device
 * namespace (no device-side link emulation: the links are real), faults injected for real.
 */
@Command(name = "run", sortOptions = false,
        description = {"Build the network, start 'edgeoff site' in every site namespace and 'edgeoff device' in the",
            "device namespace (links real, no device-side emulation), inject the fault plan for real (process",
            "kill, link down, degradation) with time compression, print the device's comparison, tear down."})
public final class RunCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    TestbedOptions options;

    @Option(names = "--policies", defaultValue = "mdp,seed-mdp-svr,efpo,reactive,local", split = ",",
            description = "Policies the device compares (default: ${DEFAULT-VALUE}).")
    List<String> policies;

    @Option(names = "--executions", defaultValue = "10", description = "Executions per policy (default: ${DEFAULT-VALUE}).")
    int executions;

    @Option(names = "--faults", description = "Fault plan CSV (start_s,site,kind,duration_s,extra_delay_ms,loss; trace seconds).")
    Path faultsFile;

    @Option(names = "--trace", description = {"Failure trace (LANL CSV or generic CSV/JSONL; default: the built-in synthetic",
        "trace): each remote site replays the outages of the node --configuration assigns to it, as faults of the",
        "kinds in --fault-kinds."})
    Path traceFile;

    @Option(names = "--no-faults", description = "Inject nothing.")
    boolean noFaults;

    @Option(names = "--configuration", defaultValue = "1", description = "Scenario configuration naming the trace nodes (default: ${DEFAULT-VALUE}).")
    int configuration;

    @Option(names = "--fault-kinds", defaultValue = "crash,link-down,degrade", split = ",",
            description = "Kinds a trace outage becomes, drawn with equal weight (default: ${DEFAULT-VALUE}).")
    List<String> faultKinds;

    @Option(names = "--degrade-delay-ms", defaultValue = "200", description = "Extra one-way delay of a drawn degradation, ms (default: ${DEFAULT-VALUE}).")
    double degradeDelayMillis;

    @Option(names = "--degrade-loss", defaultValue = "0.3", description = "Loss of a drawn degradation (default: ${DEFAULT-VALUE}).")
    double degradeLoss;

    @Option(names = "--time-compression", defaultValue = "3600", description = "Trace seconds per wall second (default: ${DEFAULT-VALUE}).")
    double timeCompression;

    @Option(names = "--compare", description = {"Afterwards run the simulator ('edgeoff simulate --failure-mode time') on the",
        "same scenario, seed, policies, executions, trace, configuration and compression, and print both side by side."})
    boolean compare;

    @Option(names = "--samplings", defaultValue = "30", description = "Simulator samplings for --compare (default: ${DEFAULT-VALUE}).")
    int samplings;

    @Option(names = "--device-timeout-minutes", defaultValue = "30", description = "Give up on the device after this long (default: ${DEFAULT-VALUE}).")
    long deviceTimeoutMinutes;

    @Option(names = "--synthetic-tasks", description = "The device runs the seed's synthetic MI tasks instead of the "
            + "built-in task handlers.")
    boolean syntheticTasks;

    @Mixin
    PolicyPluginOptions plugins = new PolicyPluginOptions();

    @Option(names = "--policy-command", paramLabel = "COMMAND", description = "Start this external policy (a program "
            + "and its arguments, split at spaces, no shell) in the device's namespace before the sites and the device, "
            + "and wait until every external:URL policy of --policies accepts connections there: the policy runs on the "
            + "device, so its URL is http://127.0.0.1:PORT/PATH (docs/POLICY-PLUGINS.md). Repeatable.")
    List<String> policyCommands = new ArrayList<>();

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintStream log = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
        TestbedRun.run(options.config(), new TestbedRun.Spec(options.scenarioName(), options.servicePort, policies,
                executions, faultsFile, traceFile, noFaults, configuration, faultKinds, degradeDelayMillis, degradeLoss,
                timeCompression, compare, samplings, deviceTimeoutMinutes, token(), SiteCommand.TOKEN_ENV, syntheticTasks,
                policyPlugins()), out, log);
    }

    /**
     * The plug-in options checked here, before the network is built (the jars load, the fallback and every policy
     * exist), for the device to get them again.
     */
    private PolicyPlugins policyPlugins() {
        PolicyRegistry registry = plugins.install();
        List<URI> external = registry.parseList("--policies", String.join(",", policies)).stream()
                .filter(name -> name.startsWith(ExternalPolicy.PREFIX))
                .map(name -> ExternalPolicy.Endpoint.parse(name.substring(ExternalPolicy.PREFIX.length()))).toList();
        List<List<String>> commands = policyCommands.stream()
                .map(c -> c.isBlank() ? List.<String>of() : Arrays.asList(c.strip().split("\\s+"))).toList();
        return new PolicyPlugins(plugins.arguments(), commands, external);
    }

    /** A fresh bearer token for the run's sites ({@link SiteConfig#randomToken()}), not one derived from the seed. */
    static String token() {
        return "testbed-" + SiteConfig.randomToken();
    }
}
