package io.edgeoff.cli.testbed;

import io.edgeoff.common.files.OwnerOnlyFiles;
import io.edgeoff.cli.site.SiteCommand;
import io.edgeoff.common.process.ManagedProcess;
import io.edgeoff.common.process.ProcessException;
import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.testbed.JavaCommand;
import io.edgeoff.testbed.Testbed;
import io.edgeoff.testbed.TestbedConfig;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.TraceReaders;
import io.edgeoff.testbed.compare.ComparisonTable;
import io.edgeoff.testbed.fault.FaultEvent;
import io.edgeoff.testbed.fault.FaultInjector;
import io.edgeoff.testbed.fault.FaultKind;
import io.edgeoff.testbed.fault.TraceFaults;
import io.edgeoff.testbed.fault.FaultPlan;
import io.edgeoff.testbed.fault.FaultSchedule;
import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.net.SiteEndpoint;
import io.edgeoff.testbed.net.TestbedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgeoff testbed run}: the seed's experiment on real processes: every remote site's
 * {@code edgeoff site} in its namespace, the device's {@code edgeoff device} in the device
 * namespace (no device-side link emulation: the links are real), faults injected for real.
 */
@Command(name = "run", sortOptions = false,
        description = {"Build the network, start 'edgeoff site' in every site namespace and 'edgeoff device' in the",
            "device namespace (links real, no device-side emulation), inject the fault plan for real (process",
            "kill, link down, degradation) with time compression, print the device's comparison, tear down."})
public final class RunCommand implements Runnable {
    static final String CLI_MAIN = "io.edgeoff.cli.EdgeoffCommand";

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

    @Override
    public void run() {
        if (compare && (faultsFile != null || noFaults)) {
            throw new IllegalArgumentException("--compare needs the faults to come from a trace (--trace or the default),"
                    + " not from --faults: the simulator replays traces");
        }
        if (executions < 1) {
            throw new IllegalArgumentException("--executions must be >= 1, but was " + executions);
        }
        TestbedConfig config = options.config();
        Scenario scenario = config.scenario();
        FaultPlan plan = faultPlan(scenario, config.seed());
        List<io.edgeoff.testbed.fault.FaultAction> schedule = FaultSchedule.of(plan, timeCompression, Long.MAX_VALUE);
        PrintWriter out = spec.commandLine().getOut();
        PrintStream log = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
        String token = token();
        try (Testbed testbed = Testbed.start(config, Shell.system(), log)) {
            Map<String, String> healthUrls = new java.util.LinkedHashMap<>();
            for (SiteEndpoint site : testbed.plan().sites()) {
                testbed.startSite(site.siteId(), siteCommand(site.siteId(), config), Map.of(SiteCommand.TOKEN_ENV, token));
                healthUrls.put(site.siteId(), url(site) + "/v1/health");
            }
            log.println("starting " + healthUrls.size() + " sites ...");
            testbed.awaitSitesReady(healthUrls, Duration.ofSeconds(120));
            log.println("sites ready; device runs " + policies + " x " + executions + " executions; "
                    + plan.events().size() + " faults at time compression " + timeCompression);
            Path deviceConfig = writeDeviceConfig(testbed, token, config);
            writeFile(config.workDir().resolve("faults.csv"), plan.toCsv());
            try (FaultInjector injector = new FaultInjector(schedule, testbed, Clock.systemUTC(),
                    FaultInjector.realSleeper())) {
                ManagedProcess device = testbed.startIn(scenario.device().id(), "device",
                        JavaCommand.of(CLI_MAIN, 384, List.of("device", "--config", deviceConfig.toString(),
                                "--db-url", "jdbc:h2:file:" + config.workDir().resolve("db").resolve("edgeoff"))));
                int exit = followUntilExit(device, out, Duration.ofMinutes(deviceTimeoutMinutes), injector);
                injector.close(); // ends the faults still in effect, so their end is in the log
                out.println();
                out.println("injected faults (wall time from the end of the device's first execution):");
                injector.log().forEach(l -> out.println("  " + l));
                if (injector.log().isEmpty()) {
                    out.println("  none");
                }
                if (exit != 0) {
                    throw new TestbedException("the device exited with code " + exit + "; see " + device.log());
                }
            }
            out.println("logs: " + config.workDir());
            out.flush();
        }
        if (compare) {
            compareWithSimulator(config, out);
        }
    }

    private void compareWithSimulator(TestbedConfig config, PrintWriter out) {
        Path simOut = config.workDir().resolve("simulator");
        List<String> args = new ArrayList<>(List.of("simulate", "--scenario", options.scenarioName(),
                "--configs", Integer.toString(configuration), "--policies", String.join(",", policies),
                "--samplings", Integer.toString(samplings), "--executions", Integer.toString(executions),
                "--seed", Long.toString(config.seed()), "--failure-mode", "time",
                "--time-compression", Double.toString(timeCompression), "--out", simOut.toString(), "--no-html", "--quiet"));
        if (traceFile != null) {
            args.addAll(List.of("--trace", traceFile.toAbsolutePath().toString()));
        }
        out.println();
        out.println("simulator: edgeoff " + String.join(" ", args));
        out.flush();
        Path log = config.workDir().resolve("simulator.log");
        try {
            Process p = new ProcessBuilder(JavaCommand.of(CLI_MAIN, 1024, args)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(deviceTimeoutMinutes, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new TestbedException("the simulator failed; see " + log);
            }
        } catch (IOException e) {
            throw new TestbedException("cannot run the simulator: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted while the simulator ran", e);
        }
        List<PolicySummary> testbed = ComparisonTable.read(config.workDir().resolve("device").resolve("executions.csv"));
        List<PolicySummary> simulator = ComparisonTable.read(simOut.resolve("samplings.csv"));
        out.println();
        out.println("test-bed (" + executions + " executions per policy) versus simulator (time mode, " + samplings
                + " samplings x " + executions + " executions), per application execution:");
        out.println();
        out.print(ComparisonTable.format(testbed, simulator));
        out.flush();
    }

    private FaultPlan faultPlan(Scenario scenario, long seed) {
        if ((faultsFile != null ? 1 : 0) + (traceFile != null ? 1 : 0) + (noFaults ? 1 : 0) > 1) {
            throw new IllegalArgumentException("give at most one of --faults, --trace and --no-faults");
        }
        if (faultsFile != null) {
            return FaultPlan.read(faultsFile, scenario.remoteSites().stream().map(Site::id).toList());
        }
        if (noFaults) {
            return new FaultPlan(List.of());
        }
        List<FaultKind> kinds = faultKinds.stream().map(FaultKind::parse).toList();
        double[] weights = new double[kinds.size()];
        java.util.Arrays.fill(weights, 1.0);
        FaultEvent degradation = new FaultEvent(0, "-", FaultKind.DEGRADE, 1, degradeDelayMillis, degradeLoss);
        FailureTrace trace = traceFile == null ? SyntheticTraces.defaultTrace() : TraceReaders.read(traceFile);
        return TraceFaults.plan(trace, scenario, configuration, kinds, weights, degradation, seed);
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The site's command; its token goes in the environment ({@link SiteCommand#TOKEN_ENV}), never here. */
    private List<String> siteCommand(String siteId, TestbedConfig config) {
        Path data = config.workDir().resolve("site-data").resolve(siteId);
        return JavaCommand.of(CLI_MAIN, 256, List.of("site", "--scenario", options.scenarioName(), "--site", siteId,
                "--bind", "127.0.0.1", "--port", Integer.toString(options.servicePort),
                "--data-dir", data.toString()));
    }

    private String url(SiteEndpoint site) {
        return "http://" + site.address() + ":" + options.servicePort;
    }

    private Path writeDeviceConfig(Testbed testbed, String token, TestbedConfig config) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("scenario: ").append(options.scenarioName().equals("seed") ? "seed"
                : Path.of(options.scenarioName()).toAbsolutePath()).append('\n');
        yaml.append("token: ").append(token).append('\n');
        yaml.append("sites:\n");
        for (SiteEndpoint site : testbed.plan().sites()) {
            yaml.append("  ").append(site.siteId()).append(": ").append(url(site)).append('\n');
        }
        yaml.append("policies: [").append(String.join(", ", policies)).append("]\n");
        yaml.append("executions: ").append(executions).append('\n');
        yaml.append("seed: ").append(config.seed()).append('\n');
        yaml.append("emulateLinks: false\n");
        yaml.append("out: ").append(config.workDir().resolve("device")).append('\n');
        return OwnerOnlyFiles.write(config.workDir().resolve("device.yaml"), yaml.toString()); // it holds the token
    }

    /**
     * Copies the device's output until it exits; starts the injector when the device reports its
     * first finished execution (its warm-up, JVM start and first heartbeats are not hit by faults).
     */
    private static int followUntilExit(ManagedProcess device, PrintWriter out, Duration timeout,
                                       FaultInjector injector) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean started = false;
        while (device.isAlive() && System.nanoTime() < deadline) {
            try {
                device.waitFor(Duration.ofMillis(200));
            } catch (ProcessException e) {
                // still running
            }
            for (String line : device.drainLines()) {
                if (!started && line.contains(" executions, ")) {
                    injector.start();
                    started = true;
                }
                out.println(line);
            }
            out.flush();
        }
        if (device.isAlive()) {
            device.kill();
            throw new TestbedException("the device did not finish within " + timeout + "; see " + device.log());
        }
        device.drainLines().forEach(out::println);
        return device.waitFor(Duration.ofSeconds(5));
    }

    /** A fresh bearer token for the run's sites ({@link SiteConfig#randomToken()}), not one derived from the seed. */
    static String token() {
        return "testbed-" + SiteConfig.randomToken();
    }
}
