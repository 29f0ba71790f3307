package io.edgeoff.experiment;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import io.edgeoff.decision.Policies;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.site.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import io.edgeoff.prediction.synthetic.SyntheticTraces;

/**
 * The one-machine demonstration: starts the seed scenario's remote sites as child processes on loopback, each
 * replaying a failure trace, runs the same seeded mixed workload under each policy with the links emulated on the
 * device, records the run in a database and writes JSON, CSV and HTML reports.
 */
public final class Demo {
    private Demo() {
    }

    /**
     * What to run.
     *
     * @param policies        policy names
     * @param executions      executions per policy
     * @param seed            run seed (workload, synthetic traces, drawn latencies)
     * @param trace           LANL failure data, {@value TraceConversion#SYNTHETIC_LANL}, or null for the busiest
     *                        window of the LANL-fitted synthetic trace ({@link DemoOutages})
     * @param configuration   the seed's node-candidate configuration used with {@code trace}
     * @param timeCompression trace seconds per wall-clock second ({@link DemoTimeScale}; default
     *                        {@link DemoTimeScale#DEFAULT})
     * @param out             report directory
     * @param dbUrl           database to record in, or null for the embedded H2 database under {@code out}
     * @param webPort         port of the live status page (0: any), or null for none
     * @param linkEmulation   delay transfers by the scenario's links on the device
     * @param syntheticTasks  run the seed's synthetic MI tasks instead of the built-in handlers
     * @param scenario        {@code seed}, a built-in fleet scenario ({@code campus-3-devices},
     *                        {@code commuter-3-hotspots}) or a scenario file; a scenario with {@code devices:} runs one
     *                        device runtime per device ({@link FleetComparison})
     * @param mobilitySpeedup schedule seconds of the devices' cell schedules per wall second, &gt; 0 (1: as written)
     */
    public record Spec(List<String> policies, int executions, long seed, Path trace, int configuration,
                       double timeCompression, Path out, String dbUrl, Integer webPort, boolean linkEmulation,
                       boolean syntheticTasks, String scenario, double mobilitySpeedup) {
        /** A demo of the seed scenario. */
        public Spec(List<String> policies, int executions, long seed, Path trace, int configuration,
                    double timeCompression, Path out, String dbUrl, Integer webPort, boolean linkEmulation,
                    boolean syntheticTasks) {
            this(policies, executions, seed, trace, configuration, timeCompression, out, dbUrl, webPort, linkEmulation,
                    syntheticTasks, "seed", 1);
        }

        /** A demo of the built-in handlers. */
        public Spec(List<String> policies, int executions, long seed, Path trace, int configuration,
                    double timeCompression, Path out, String dbUrl, Integer webPort, boolean linkEmulation) {
            this(policies, executions, seed, trace, configuration, timeCompression, out, dbUrl, webPort, linkEmulation,
                    false);
        }

        public Spec {
            policies = Policies.parseList(String.join(",", policies));
            if (executions < 1) {
                throw new IllegalArgumentException("--executions must be >= 1, but was " + executions);
            }
            if (!(timeCompression > 0)) {
                throw new IllegalArgumentException("--time-compression must be > 0, but was " + timeCompression);
            }
            if (scenario == null || scenario.isBlank()) {
                throw new IllegalArgumentException("--scenario must name a scenario, but was '" + scenario + "'");
            }
            if (!(mobilitySpeedup > 0) || !Double.isFinite(mobilitySpeedup)) {
                throw new IllegalArgumentException("--mobility-speedup must be finite and > 0, but was "
                        + mobilitySpeedup);
            }
        }
    }

    /** Runs the demo; the sites are stopped when it returns or fails. */
    public static LiveResult run(Spec spec, LiveListener listener) {
        Scenario scenario = ScenarioYaml.load(spec.scenario());
        String token = SiteConfig.randomToken();
        Path out = spec.out();
        Path traces = out.resolve("traces");
        DemoTimeScale scale = new DemoTimeScale(spec.timeCompression());
        DemoOutages.Window window = spec.trace() == null ? defaultWindow(spec, scenario, scale) : null;
        Map<String, Path> traceFiles = window != null ? DemoOutages.write(window, traces)
                : TraceConversion.lanlTraces(scenario, spec.trace(), spec.configuration(), traces);
        if (window != null) {
            listener.log(String.format(java.util.Locale.ROOT, "edgeoff demo: outages of %s, configuration %d, from %s"
                            + " (the busiest window: %d outages), one trace hour in %.1f s", window.source(),
                    window.configuration(), window.traceStart(), window.countedOutages(), scale.wallSeconds(3600)));
        }
        listener.log("edgeoff demo: starting sites " + scenario.remoteSites().stream().map(Site::id).toList()
                + " (logs in " + out.resolve("sites") + ")");
        try (SiteProcesses sites = new SiteProcesses(listener::log)) {
            // what each site's predictors learn from (DemoTimeScale): its node's outages before the replayed window
            // one stated host speed for every site and the device, measured once before any site starts (four site
            // JVMs measuring while they all start disagree by a factor of several on a busy machine)
            double hostMips = io.edgeoff.common.compute.ComputeKernel.hostMips(
                    io.edgeoff.common.compute.ComputeKernel.measureNanosPerRound(200_000_000L));
            listener.log(String.format(java.util.Locale.ROOT, "edgeoff demo: host speed %.0f MIPS (compute kernel), "
                    + "given to every site (--host-mips) and the device for their speed emulation", hostMips));
            Map<String, List<String>> histories = withHostMips(SiteHistories.arguments(scenario, spec.trace(),
                    spec.configuration(), traces, window == null ? null : window.traceStart()), scenario, hostMips);
            List<SiteEndpoint> endpoints = startSites(sites, scenario, spec.scenario(), token, out.resolve("sites"),
                    traceFiles, spec.timeCompression(), histories);
            sites.awaitHealthy(Duration.ofSeconds(120));
            Timeline timeline = new Timeline(scenario.device().id());
            ReplayOrigins.addOutages(timeline, endpoints, DemoOutages.read(traceFiles), scale, listener::log);
            listener.log("edgeoff demo: sites up; running " + spec.executions() + " executions x "
                    + spec.policies().size() + " policies " + spec.policies());
            LiveComparison.Setup setup = new LiveComparison.Setup(scenario, endpoints, spec.policies(),
                    spec.executions(), spec.seed(), spec.linkEmulation(), DetectorConfig.ofDefaults(),
                    RuntimeConfig.ofDefaults(), "demo-" + spec.seed(),
                    spec.configuration(), spec.syntheticTasks(), hostMips);
            DatabaseUrl url = spec.dbUrl() != null ? DatabaseUrl.of(spec.dbUrl(), "--db-url")
                    : DatabaseUrl.embedded(out.resolve("db").resolve("edgeoff"));
            LiveComparison.Outcome outcome;
            try (Database db = Database.open(url, Database.DEFAULT_CONNECT_TIMEOUT, Clock.systemUTC())) {
                db.migrate();
                db.scenarios().saveIfAbsent(scenario); // the run's parameters are in its database too
                try (DatabaseOutcomeSink sink = new DatabaseOutcomeSink(db, scenario.name(), spec.seed(),
                        OptionalInt.of(spec.configuration()),
                        "edgeoff demo")) {
                    outcome = LiveRun.withStatusPage(spec.webPort(), "edgeoff demo", listener,
                            page -> scenario.fleet().isNone()
                                    ? LiveComparison.run(setup, sink, listener, listener::log, page, null, timeline)
                                    : FleetComparison.run(setup, new FleetComparison.FleetSetup(spec.mobilitySpeedup(),
                                            List.of()), sink, listener, listener::log, page, timeline));
                }
            }
            Map<String, Object> parameters = parameters(spec, window, sites.restarts());
            parameters.put("hostMips", Math.round(hostMips));
            return new LiveResult(outcome, parameters, LiveReports.writeAll(out, "edgeoff demo", parameters, outcome));
        }
    }

    /** @return {@code arguments} with {@code --host-mips} added for every remote site of {@code scenario} */
    static Map<String, List<String>> withHostMips(Map<String, List<String>> arguments, Scenario scenario,
                                                  double hostMips) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (Site site : scenario.remoteSites()) {
            List<String> args = new ArrayList<>(arguments.getOrDefault(site.id(), List.of()));
            args.addAll(List.of("--host-mips", String.format(java.util.Locale.ROOT, "%.1f", hostMips)));
            out.put(site.id(), args);
        }
        return out;
    }

    /** Probe period of the sites' failure monitors: a crash is measured to within this plus one probe. */
    public static final Duration MONITOR_POLL = Duration.ofMillis(250);

    /**
     * Starts every remote site of {@code scenario} under {@code sites} on a free loopback port, with its data
     * folder and log in {@code siteDir}, replaying {@code traceFiles} (by site id; none for a site without one),
     * and beside each its sidecar failure monitor (a process of its own, log {@code <id>-monitor.log}), which
     * records crashes with their measured length in {@code <data folder>/monitor/}.
     * The token reaches the sites in their environment, not on their command lines.
     *
     * @return the endpoints of the sites, in the scenario's order
     */
    public static List<SiteEndpoint> startSites(SiteProcesses sites, Scenario scenario, String token, Path siteDir,
                                                Map<String, Path> traceFiles, double timeCompression) {
        return startSites(sites, scenario, token, siteDir, traceFiles, timeCompression, Map.of());
    }

    /**
     * As {@link #startSites(SiteProcesses, Scenario, String, Path, Map, double)}, each site also given its
     * {@code extraArguments} (by site id; e.g. its history, {@link SiteHistories}).
     */
    public static List<SiteEndpoint> startSites(SiteProcesses sites, Scenario scenario, String token, Path siteDir,
                                                Map<String, Path> traceFiles, double timeCompression,
                                                Map<String, List<String>> extraArguments) {
        return startSites(sites, scenario, "seed", token, siteDir, traceFiles, timeCompression, extraArguments);
    }

    /**
     * As {@link #startSites(SiteProcesses, Scenario, String, Path, Map, double, Map)}, each site started with
     * {@code --scenario scenarioArgument} (the built-in name or file {@code scenario} was read from), so that it
     * serves with that scenario's cores and speed.
     */
    public static List<SiteEndpoint> startSites(SiteProcesses sites, Scenario scenario, String scenarioArgument,
                                                String token, Path siteDir, Map<String, Path> traceFiles,
                                                double timeCompression, Map<String, List<String>> extraArguments) {
        List<SiteEndpoint> endpoints = new ArrayList<>();
        for (Site site : scenario.remoteSites()) {
            int port = SiteProcesses.freePort();
            Path data = siteDir.resolve(site.id());
            List<String> arguments = new ArrayList<>(SiteArguments.of(scenarioArgument, site.id(), port, data,
                    traceFiles.get(site.id()), timeCompression));
            arguments.addAll(extraArguments.getOrDefault(site.id(), List.of()));
            sites.start(new SiteProcesses.SiteLaunch(site.id(), port, arguments,
                    token, siteDir.resolve(site.id() + ".log")));
            sites.startMonitor(new SiteProcesses.MonitorLaunch(site.id(), data, port, MONITOR_POLL,
                    siteDir.resolve(site.id() + "-monitor.log")));
            endpoints.add(new SiteEndpoint(site.id(), URI.create("http://127.0.0.1:" + port), token));
        }
        return endpoints;
    }

    private static Map<String, Object> parameters(Spec spec, DemoOutages.Window window, int restarts) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scenario", spec.scenario());
        if (spec.mobilitySpeedup() != 1) {
            p.put("mobilitySpeedup", spec.mobilitySpeedup());
        }
        p.put("policies", String.join(",", spec.policies()));
        p.put("executions", spec.executions());
        p.put("seed", spec.seed());
        p.put("trace", window != null ? window.source() + " configuration " + window.configuration() + " from "
                + window.traceStart() + " (busiest window)" : spec.trace() + " configuration " + spec.configuration());
        p.put("timeCompression", spec.timeCompression());
        p.put("siteForecastSlotSeconds", new DemoTimeScale(spec.timeCompression()).wall(DemoTimeScale.TRACE_SLOT).toNanos() / 1e9);
        p.put("siteHistory", (spec.trace() == null ? "synthetic LANL-fitted trace" : spec.trace().toString())
                + ", last " + DemoTimeScale.HISTORY_WINDOW.toDays() + " days in hourly slots");
        p.put("linkEmulation", spec.linkEmulation() ? "device-side" : "off");
        p.put("tasks", spec.syntheticTasks() ? "synthetic MI (--synthetic-tasks)" : "built-in handlers, data flowing");
        p.put("siteRestarts", restarts);
        return p;
    }

    /**
     * {@code edgeoff demo --compare}: simulates every execution of {@code result} ({@link DemoComparison}), writes
     * {@code simulated-executions.csv} and {@code compare.txt} next to the reports and returns the side-by-side text.
     */
    public static String compare(Spec spec, LiveResult result) {
        if (result.outcome().fleet() != null) {
            throw new IllegalArgumentException("--compare replays the seed's single device; scenario "
                    + spec.scenario() + " has several devices (simulate it with edgeoff simulate --scenario "
                    + spec.scenario() + ")");
        }
        Scenario scenario = ScenarioYaml.load("seed");
        io.edgeoff.common.network.Network network = scenario.network(new java.util.SplittableRandom(spec.seed()));
        DetectorConfig detector = DetectorConfig.ofDefaults();
        io.edgeoff.common.cost.CostModel planning = new io.edgeoff.common.cost.CostModel(scenario.sites(), network,
                scenario.devicePower(), detector.detectionBound().toMillis() / 1000.0);
        List<io.edgeoff.common.results.ResultRow> simulated = DemoComparison.simulate(scenario, planning,
                spec.configuration(), result.outcome(), spec.seed(), new DemoTimeScale(spec.timeCompression()),
                detector, LIVE_FORECAST);
        String text = DemoComparison.text(result.outcome().rows(), simulated);
        try {
            List<String> sites = scenario.sites().stream().map(Site::id).toList();
            Files.writeString(spec.out().resolve("simulated-executions.csv"),
                    io.edgeoff.common.results.ResultsCsv.rows(simulated, sites), StandardCharsets.UTF_8);
            Files.writeString(spec.out().resolve("compare.txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison to " + spec.out() + ": " + e.getMessage(), e);
        }
        return text;
    }

    /**
     * The availability the demo's sites forecast, which the simulated replay shows its policies: the sites predict
     * with {@code weibull} on their own failure file, about 1.0 during a run.
     */
    static final double LIVE_FORECAST = 1.0;

    /** About how long one execution of one policy takes, wall seconds (the default window's length). */
    static final double EXECUTION_WALL_SECONDS = 1.0;
    /** The sites' start and warm-up before the first execution, wall seconds: the window's quiet lead. */
    static final double LEAD_WALL_SECONDS = 25;

    /** The busiest window of the LANL-fitted synthetic trace for the run's length (see {@link DemoOutages}). */
    static DemoOutages.Window defaultWindow(Spec spec, Scenario scenario, DemoTimeScale scale) {
        double runWallSeconds = 10 + EXECUTION_WALL_SECONDS * spec.executions() * spec.policies().size();
        return DemoOutages.busiest(scenario, SyntheticTraces.defaultTrace(), SyntheticTraces.DEFAULT_SOURCE,
                spec.configuration(), scale.traceSeconds(LEAD_WALL_SECONDS), scale.traceSeconds(runWallSeconds),
                spec.seed());
    }
}
