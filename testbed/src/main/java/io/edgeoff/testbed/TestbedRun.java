package io.edgeoff.testbed;

import io.edgeoff.common.files.OwnerOnlyFiles;
import io.edgeoff.common.process.ManagedProcess;
import io.edgeoff.common.process.ProcessException;
import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.TraceReaders;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.testbed.compare.ComparisonTable;
import io.edgeoff.testbed.compare.FleetResults;
import io.edgeoff.testbed.mobility.CellSwitcher;
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
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.io.PrintStream;

/**
 * The seed's experiment on real processes ({@code edgeoff testbed run}): every remote site's {@code edgeoff site} in
 * its namespace under the test-bed's process supervisor, with its failure monitor ({@code edgeoff site monitor})
 * beside it, the device's {@code edgeoff device} in the device namespace
 * (no device-side link emulation: the links are real), faults injected for real; with {@code compare}, the simulator
 * on the same scenario, seed and trace, side by side. A scenario with {@code devices:} runs one {@code edgeoff device}
 * per device ({@code fleetDevice: <id>} in its device file), each in its own namespace against the shared sites, a
 * {@link CellSwitcher} switching the moving devices' links at their schedules' times from one schedule time 0 that
 * the device processes are given too ({@code mobilityStartAt}), and the devices' reports collected per device and per
 * cell ({@link FleetResults}).
 */
public final class TestbedRun {
    /** The main class of the {@code edgeoff} command line, which the sites, the device and the simulator run. */
    public static final String CLI_MAIN = "io.edgeoff.cli.EdgeoffCommand";

    /**
     * What to run.
     *
     * @param scenarioName            "seed" or a scenario file, as given
     * @param servicePort             port of the site service in each site namespace
     * @param policies                policies the device compares
     * @param executions              executions per policy
     * @param faultsFile              fault plan CSV, or null
     * @param traceFile               failure trace, or null for the built-in synthetic one
     * @param noFaults                inject nothing
     * @param configuration           scenario configuration naming the trace nodes
     * @param faultKinds              kinds a trace outage becomes
     * @param degradeDelayMillis      extra one-way delay of a drawn degradation, ms
     * @param degradeLoss             loss of a drawn degradation
     * @param timeCompression         trace seconds per wall second
     * @param compare                 run the simulator afterwards and print both side by side
     * @param samplings               simulator samplings for {@code compare}
     * @param deviceTimeoutMinutes    give up on the device after this long
     * @param token                   the sites' bearer token (passed in their environment, never on a command line)
     * @param tokenEnvironmentVariable the variable a site reads its token from
     * @param syntheticTasks          the device runs the seed's synthetic MI tasks instead of the built-in handlers
     * @param plugins                 the device's policy plug-ins: options passed through, external policies started
     *                                on the device ({@link PolicyPlugins#NONE}: none)
     */
    public record Spec(String scenarioName, int servicePort, List<String> policies, int executions, Path faultsFile,
                       Path traceFile, boolean noFaults, int configuration, List<String> faultKinds,
                       double degradeDelayMillis, double degradeLoss, double timeCompression, boolean compare,
                       int samplings, long deviceTimeoutMinutes, String token, String tokenEnvironmentVariable,
                       boolean syntheticTasks, PolicyPlugins plugins) {
        /** A run without policy plug-ins. */
        public Spec(String scenarioName, int servicePort, List<String> policies, int executions, Path faultsFile,
                    Path traceFile, boolean noFaults, int configuration, List<String> faultKinds,
                    double degradeDelayMillis, double degradeLoss, double timeCompression, boolean compare,
                    int samplings, long deviceTimeoutMinutes, String token, String tokenEnvironmentVariable,
                    boolean syntheticTasks) {
            this(scenarioName, servicePort, policies, executions, faultsFile, traceFile, noFaults, configuration,
                    faultKinds, degradeDelayMillis, degradeLoss, timeCompression, compare, samplings,
                    deviceTimeoutMinutes, token, tokenEnvironmentVariable, syntheticTasks, PolicyPlugins.NONE);
        }

        /** A run of the built-in handlers. */
        public Spec(String scenarioName, int servicePort, List<String> policies, int executions, Path faultsFile,
                    Path traceFile, boolean noFaults, int configuration, List<String> faultKinds,
                    double degradeDelayMillis, double degradeLoss, double timeCompression, boolean compare,
                    int samplings, long deviceTimeoutMinutes, String token, String tokenEnvironmentVariable) {
            this(scenarioName, servicePort, policies, executions, faultsFile, traceFile, noFaults, configuration,
                    faultKinds, degradeDelayMillis, degradeLoss, timeCompression, compare, samplings,
                    deviceTimeoutMinutes, token, tokenEnvironmentVariable, false);
        }

        public Spec {
            policies = List.copyOf(policies);
            faultKinds = List.copyOf(faultKinds);
            plugins = plugins == null ? PolicyPlugins.NONE : plugins;
        }
    }

    private final TestbedConfig config;
    private final Spec spec;

    private TestbedRun(TestbedConfig config, Spec spec) {
        this.config = config;
        this.spec = spec;
    }

    /** Runs the experiment on {@code config}'s test-bed, printing progress, the device's output and the comparison. */
    public static void run(TestbedConfig config, Spec spec, PrintWriter out, PrintStream log) {
        new TestbedRun(config, spec).run(out, log);
    }

    private void run(PrintWriter out, PrintStream log) {
        if (spec.compare() && (spec.faultsFile() != null || spec.noFaults())) {
            throw new IllegalArgumentException("--compare needs the faults to come from a trace (--trace or the default),"
                    + " not from --faults: the simulator replays traces");
        }
        if (spec.compare() && !spec.plugins().externalUrls().isEmpty()) {
            throw new IllegalArgumentException("--compare cannot run an external:URL policy: the simulator runs on the"
                    + " host after the test-bed (and the policy on its device) is gone; leave out --compare");
        }
        if (spec.compare() && !config.scenario().fleet().devices().isEmpty()) {
            throw new IllegalArgumentException("--compare compares one device with the simulator, but scenario "
                    + config.scenario().name() + " has " + config.scenario().fleet().devices().size()
                    + " devices; run edgeoff simulate --scenario " + spec.scenarioName() + " beside it");
        }
        if (spec.executions() < 1) {
            throw new IllegalArgumentException("--executions must be >= 1, but was " + spec.executions());
        }
        Scenario scenario = config.scenario();
        FaultPlan plan = faultPlan(scenario, config.seed());
        List<io.edgeoff.testbed.fault.FaultAction> schedule = FaultSchedule.of(plan, spec.timeCompression(), Long.MAX_VALUE);
        String token = spec.token();
        try (Testbed testbed = Testbed.start(config, Shell.system(), log)) {
            // first: a wrong command fails in seconds; each device namespace runs its own copy of the policy
            List<DeviceRun> runs = deviceRuns(testbed);
            for (DeviceRun run : runs) {
                spec.plugins().start(testbed, run.deviceId(),
                        runs.size() == 1 ? "policy-" : "policy-" + run.deviceId() + "-", log);
            }
            Map<String, String> healthUrls = new java.util.LinkedHashMap<>();
            for (SiteEndpoint site : testbed.plan().sites()) {
                testbed.startSite(site.siteId(), siteCommand(site.siteId()), Map.of(spec.tokenEnvironmentVariable(), token));
                testbed.startMonitor(site.siteId(), monitorCommand(site.siteId()));
                healthUrls.put(site.siteId(), url(site) + "/v1/health");
            }
            log.println("starting " + healthUrls.size() + " sites and their failure monitors ...");
            testbed.awaitSitesReady(healthUrls, Duration.ofSeconds(120));
            log.println("sites ready; device runs " + spec.policies() + " x " + spec.executions() + " executions; "
                    + plan.events().size() + " faults at time compression " + spec.timeCompression());
            List<DeviceRun> devices = new ArrayList<>();
            writeFile(config.workDir().resolve("faults.csv"), plan.toCsv());
            List<DeviceSpec> moving = config.scenario().fleet().devices().stream().filter(d -> !d.cells().isEmpty())
                    .toList();
            // schedule time 0 of every device, agreed with the device processes (their mobilityStartAt)
            Instant mobilityStart = moving.isEmpty() ? null : Clock.systemUTC().instant().plus(MOBILITY_START_LEAD);
            try (FaultInjector injector = new FaultInjector(schedule, testbed, Clock.systemUTC(),
                    FaultInjector.realSleeper());
                 CellSwitcher switcher = new CellSwitcher(moving, testbed, Clock.systemUTC(),
                         FaultInjector.realSleeper())) {
                for (DeviceRun device : runs) {
                    devices.add(device.start(testbed, writeDeviceConfig(testbed, token, device, mobilityStart),
                            spec.plugins().deviceOptions()));
                }
                if (mobilityStart != null) {
                    switcher.start(mobilityStart);
                }
                Map<String, Integer> exits = followUntilExit(devices, out, Duration.ofMinutes(spec.deviceTimeoutMinutes()),
                        injector);
                switcher.close();
                injector.close(); // ends the faults still in effect, so their end is in the log
                out.println();
                out.println("injected faults (wall time from the end of the device's first execution):");
                injector.log().forEach(l -> out.println("  " + l));
                if (injector.log().isEmpty()) {
                    out.println("  none");
                }
                if (mobilityStart != null) {
                    printSwitches(switcher, mobilityStart, out);
                }
                for (DeviceRun device : devices) {
                    int exit = exits.get(device.deviceId());
                    if (exit != 0) {
                        throw new TestbedException("device " + device.deviceId() + " exited with code " + exit + "; see "
                                + device.process().log());
                    }
                }
            }
            if (testbed.plan().isFleet()) {
                Map<String, Path> dirs = new java.util.LinkedHashMap<>();
                devices.forEach(d -> dirs.put(d.deviceId(), d.outDir()));
                out.println();
                out.print(FleetResults.collect(config.workDir(), dirs));
            }
            out.println("logs: " + config.workDir());
            out.flush();
        }
        if (spec.compare()) {
            compareWithSimulator(out);
        }
    }

    private void compareWithSimulator(PrintWriter out) {
        Path simOut = config.workDir().resolve("simulator");
        List<String> args = new ArrayList<>(List.of("simulate", "--scenario", spec.scenarioName(),
                "--configs", Integer.toString(spec.configuration()), "--policies", String.join(",", spec.policies()),
                "--samplings", Integer.toString(spec.samplings()), "--executions", Integer.toString(spec.executions()),
                "--seed", Long.toString(config.seed()), "--failure-mode", "time",
                "--time-compression", Double.toString(spec.timeCompression()), "--out", simOut.toString(), "--no-html", "--quiet"));
        if (spec.traceFile() != null) {
            args.addAll(List.of("--trace", spec.traceFile().toAbsolutePath().toString()));
        }
        args.addAll(spec.plugins().deviceOptions());
        out.println();
        out.println("simulator: edgeoff " + String.join(" ", args));
        out.flush();
        Path log = config.workDir().resolve("simulator.log");
        try {
            Process p = new ProcessBuilder(JavaCommand.of(CLI_MAIN, 1024, args)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(spec.deviceTimeoutMinutes(), java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
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
        out.println("test-bed (" + spec.executions() + " executions per policy) versus simulator (time mode, " + spec.samplings()
                + " samplings x " + spec.executions() + " executions), per application execution:");
        out.println();
        out.print(ComparisonTable.format(testbed, simulator));
        out.flush();
    }

    private FaultPlan faultPlan(Scenario scenario, long seed) {
        if ((spec.faultsFile() != null ? 1 : 0) + (spec.traceFile() != null ? 1 : 0) + (spec.noFaults() ? 1 : 0) > 1) {
            throw new IllegalArgumentException("give at most one of --faults, --trace and --no-faults");
        }
        if (spec.faultsFile() != null) {
            return FaultPlan.read(spec.faultsFile(), scenario.remoteSites().stream().map(Site::id).toList());
        }
        if (spec.noFaults()) {
            return new FaultPlan(List.of());
        }
        List<FaultKind> kinds = spec.faultKinds().stream().map(FaultKind::parse).toList();
        double[] weights = new double[kinds.size()];
        java.util.Arrays.fill(weights, 1.0);
        FaultEvent degradation = new FaultEvent(0, "-", FaultKind.DEGRADE, 1, spec.degradeDelayMillis(), spec.degradeLoss());
        FailureTrace trace = spec.traceFile() == null ? SyntheticTraces.defaultTrace() : TraceReaders.read(spec.traceFile());
        return TraceFaults.plan(trace, scenario, spec.configuration(), kinds, weights, degradation, seed);
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
    private List<String> siteCommand(String siteId) {
        return JavaCommand.of(CLI_MAIN, 256, List.of("site", "--scenario", spec.scenarioName(), "--site", siteId,
                "--bind", "127.0.0.1", "--port", Integer.toString(spec.servicePort()),
                "--data-dir", siteData(siteId).toString()));
    }

    /** Probe period of the sites' failure monitors: a crash is measured to within this plus one probe. */
    static final int MONITOR_POLL_MILLIS = 250;

    /**
     * The site's sidecar failure monitor, run in the site's namespace: it probes the service at 127.0.0.1 (beside it,
     * not through the shaped link, so a partition or a degradation is not taken for a crash) and writes
     * {@code <site data>/monitor/}.
     */
    private List<String> monitorCommand(String siteId) {
        return JavaCommand.of(CLI_MAIN, 32, List.of("site", "monitor", "--data-dir", siteData(siteId).toString(),
                "--url", "http://127.0.0.1:" + spec.servicePort() + "/v1/health/live",
                "--poll-millis", Integer.toString(MONITOR_POLL_MILLIS)));
    }

    /** @return the data folder of a site's service (its failure file; the monitor's in {@code monitor/}) */
    private Path siteData(String siteId) {
        return config.workDir().resolve("site-data").resolve(siteId);
    }

    private String url(SiteEndpoint site) {
        return "http://" + site.address() + ":" + spec.servicePort();
    }

    /** The device processes to start: the seed's single device, or one per device of the scenario's fleet. */
    private List<DeviceRun> deviceRuns(Testbed testbed) {
        if (!testbed.plan().isFleet()) {
            return List.of(new DeviceRun(config.scenario().device().id(), null, "device", "device.yaml",
                    config.workDir().resolve("device"), config.workDir().resolve("db")));
        }
        List<DeviceRun> runs = new ArrayList<>();
        for (DeviceSpec d : config.scenario().fleet().devices()) {
            runs.add(new DeviceRun(d.id(), d.id(), "device-" + d.id(), "device-" + d.id() + ".yaml",
                    config.workDir().resolve("device-" + d.id()), config.workDir().resolve("db-" + d.id())));
        }
        return runs;
    }

    /**
     * How far after the devices are launched their cell schedules start ({@code mobilityStartAt}): time for a device
     * JVM to start, open its database and warm its handlers up on a loaded machine. A device ready earlier waits for
     * it; one ready later starts its schedule that far in, in the cell the test-bed has switched it to by then.
     */
    static final Duration MOBILITY_START_LEAD = Duration.ofSeconds(15);

    private Path writeDeviceConfig(Testbed testbed, String token, DeviceRun device, Instant mobilityStart) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("scenario: ").append(spec.scenarioName().equals("seed") ? "seed"
                : isFile(spec.scenarioName()) ? Path.of(spec.scenarioName()).toAbsolutePath() : spec.scenarioName())
                .append('\n');
        if (device.fleetDevice() != null) {
            yaml.append("fleetDevice: ").append(device.fleetDevice()).append('\n');
        }
        if (mobilityStart != null) {
            yaml.append("mobilityStartAt: ").append(mobilityStart).append('\n');
        }
        yaml.append("token: ").append(token).append('\n');
        yaml.append("sites:\n");
        for (SiteEndpoint site : testbed.plan().sites()) {
            yaml.append("  ").append(site.siteId()).append(": ").append(url(site)).append('\n');
        }
        yaml.append("policies: [").append(String.join(", ", spec.policies().stream() // quoted: external:URL has colons
                .map(p -> '"' + p.replace("\\", "\\\\").replace("\"", "\\\"") + '"').toList())).append("]\n");
        yaml.append("executions: ").append(spec.executions()).append('\n');
        yaml.append("seed: ").append(config.seed()).append('\n');
        yaml.append("emulateLinks: false\n");
        if (spec.syntheticTasks()) {
            yaml.append("syntheticTasks: true\n");
        }
        yaml.append("out: ").append(device.outDir()).append('\n');
        return OwnerOnlyFiles.write(config.workDir().resolve(device.configFile()), yaml.toString()); // it holds the token
    }

    /** A built-in scenario name (e.g. {@code campus-3-devices}) is passed on as is; a file as its absolute path. */
    private static boolean isFile(String scenarioName) {
        return Files.isRegularFile(Path.of(scenarioName));
    }

    private static void printSwitches(CellSwitcher switcher, Instant mobilityStart, PrintWriter out) {
        out.println();
        out.println("cell switches (wall time from schedule time 0, mobilityStartAt " + mobilityStart
                + "; schedule seconds are not compressed):");
        switcher.log().forEach(l -> out.println("  " + l));
        if (switcher.log().isEmpty()) {
            out.println("  none");
        }
    }

    /**
     * Copies the devices' output (each line prefixed with the device's id when there are several) until every device
     * has exited; starts the injector when a device reports that its executions begin (its JVM start and first
     * heartbeats are not hit by faults).
     *
     * @return each device's exit code, by device id
     */
    private static Map<String, Integer> followUntilExit(List<DeviceRun> devices, PrintWriter out, Duration timeout,
                                                        FaultInjector injector) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean started = false;
        boolean prefix = devices.size() > 1;
        while (devices.stream().anyMatch(d -> d.process().isAlive()) && System.nanoTime() < deadline) {
            try {
                devices.stream().filter(d -> d.process().isAlive()).findFirst()
                        .ifPresent(d -> d.process().waitFor(Duration.ofMillis(200)));
            } catch (ProcessException e) {
                // still running
            }
            for (DeviceRun device : devices) {
                for (String line : device.process().drainLines()) {
                    if (!started && (line.contains(" executions, ") || line.contains(", starts in cell "))) {
                        injector.start();
                        started = true;
                    }
                    out.println(prefix ? "[" + device.deviceId() + "] " + line : line);
                }
            }
            out.flush();
        }
        Map<String, Integer> exits = new java.util.LinkedHashMap<>();
        for (DeviceRun device : devices) {
            if (device.process().isAlive()) {
                devices.forEach(d -> d.process().kill());
                throw new TestbedException("device " + device.deviceId() + " did not finish within " + timeout + "; see "
                        + device.process().log());
            }
            device.process().drainLines().forEach(l -> out.println(prefix ? "[" + device.deviceId() + "] " + l : l));
            exits.put(device.deviceId(), device.process().waitFor(Duration.ofSeconds(5)));
        }
        return exits;
    }
}
