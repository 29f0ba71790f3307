package io.edgeoff.cli.device;

import io.edgeoff.cli.console.ProgressBar;
import io.edgeoff.cli.console.SeedOption;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.decision.Policies;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.site.SiteConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code edgeoff demo}: the main job. Starts the seed scenario's four remote sites as child processes on
 * loopback, each replaying a failure trace, runs the same seeded mixed workload under each policy with the
 * links emulated on the device, prints the comparison and writes JSON, CSV and HTML reports.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job: start four sites (ED, EC, ER, CD of the seed scenario) as processes on this "
                + "machine, each replaying a failure trace, run the device under each policy and compare them.",
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

    @Option(names = "--trace", description = "LANL failure data CSV, or 'synthetic-lanl' for the prediction module's "
            + "LANL-fitted synthetic trace; each site replays its node of --configuration "
            + "(default: a failure-heavy synthetic trace generated from --seed).")
    Path trace;

    @Option(names = "--configuration", defaultValue = "1",
            description = "The seed's node-candidate configuration (1-5) used with --trace (default: ${DEFAULT-VALUE}).")
    int configuration;

    @Option(names = "--time-compression", defaultValue = "3600",
            description = "Trace seconds per wall-clock second (default: ${DEFAULT-VALUE}, one trace hour per second).")
    double timeCompression;

    @Option(names = "--out", defaultValue = "out", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--db-url", description = "Database to record runs, outcomes and detector data in "
            + "(default: the embedded H2 database <out>/db/edgeoff).")
    String dbUrl;

    @Option(names = "--web-port", description = "Serve a live status page of the device on "
            + "http://127.0.0.1:<port>/ while the demo runs (0: any free port; default: no page).")
    Integer webPort;

    @Option(names = "--no-link-emulation", description = "Do not delay transfers by the scenario's links.")
    boolean noLinkEmulation;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<String> names = Policies.parseList(policies);
        if (executions < 1) {
            throw new IllegalArgumentException("--executions must be >= 1, but was " + executions);
        }
        if (!(timeCompression > 0)) {
            throw new IllegalArgumentException("--time-compression must be > 0, but was " + timeCompression);
        }
        Scenario scenario = ScenarioYaml.load("seed");
        String token = SiteConfig.randomToken();
        Path traces = out.resolve("traces");
        Map<String, Path> traceFiles = trace == null ? syntheticTraces(scenario, traces, names.size())
                : TraceConversion.lanlTraces(scenario, trace, configuration, traces);
        stderr.println("edgeoff demo: starting sites " + scenario.remoteSites().stream().map(Site::id).toList()
                + " (logs in " + out.resolve("sites") + ")");
        stderr.flush();
        try (SiteProcesses sites = new SiteProcesses(msg -> {
            stderr.println(msg);
            stderr.flush();
        })) {
            List<SiteEndpoint> endpoints = startSites(sites, scenario, token, out.resolve("sites"), traceFiles,
                    timeCompression);
            sites.awaitHealthy(Duration.ofSeconds(120));
            stderr.println("edgeoff demo: sites up; running " + executions + " executions x " + names.size()
                    + " policies " + names);
            stderr.flush();
            PolicyComparison.Setup setup = new PolicyComparison.Setup(scenario, endpoints, names, executions, seedOption.value(),
                    !noLinkEmulation, DetectorConfig.ofDefaults(), RuntimeConfig.ofDefaults(), "demo-" + seedOption.value());
            PolicyComparison.Outcome outcome;
            DatabaseUrl url = dbUrl != null ? DatabaseUrl.of(dbUrl, "--db-url")
                    : DatabaseUrl.embedded(out.resolve("db").resolve("edgeoff"));
            try (Database db = Database.open(url, Database.DEFAULT_CONNECT_TIMEOUT, Clock.systemUTC())) {
                db.migrate();
                try (DatabaseOutcomeSink sink = new DatabaseOutcomeSink(db, scenario.name(), seedOption.value(),
                        trace == null ? OptionalInt.empty() : OptionalInt.of(configuration), "edgeoff demo")) {
                    StatusPage page = webPort == null ? null : new StatusPage(webPort);
                    if (page != null) {
                        stderr.println("edgeoff demo: live status page on http://127.0.0.1:" + page.port() + "/");
                        stderr.flush();
                    }
                    try {
                        outcome = PolicyComparison.run(setup, sink,
                                ProgressBar.on(stderr, "executions")::step, msg -> {
                                    stderr.println(msg);
                                    stderr.flush();
                                }, page);
                    } finally {
                        if (page != null) {
                            page.close();
                        }
                    }
                }
            }
            Map<String, Object> parameters = parameters(names, sites.restarts());
            stdout.println();
            stdout.print(Reports.table(outcome.summaries()));
            stdout.print(Reports.pairedText(outcome.summaries(), outcome.results()));
            stdout.println(Reports.detectionText(outcome.detection()));
            Reports.writeAll(out, "edgeoff demo", parameters, outcome);
            stdout.println("reports: " + out.resolve("report.html") + ", " + out.resolve("results.json") + ", "
                    + out.resolve("summary.csv") + ", " + out.resolve("executions.csv"));
            stdout.flush();
        }
        return 0;
    }

    /**
     * Starts every remote site of {@code scenario} under {@code sites} on a free loopback port, with its data
     * folder and log in {@code siteDir}, replaying {@code traceFiles} (by site id; none for a site without one).
     * The token reaches the sites in their environment, not on their command lines.
     *
     * @return the endpoints of the sites, in the scenario's order
     */
    static List<SiteEndpoint> startSites(SiteProcesses sites, Scenario scenario, String token, Path siteDir,
                                         Map<String, Path> traceFiles, double timeCompression) {
        List<SiteEndpoint> endpoints = new ArrayList<>();
        for (Site site : scenario.remoteSites()) {
            int port = SiteProcesses.freePort();
            sites.start(new SiteProcesses.SiteLaunch(site.id(), port,
                    SiteArguments.of(site.id(), port, siteDir.resolve(site.id()), traceFiles.get(site.id()),
                            timeCompression),
                    token, siteDir.resolve(site.id() + ".log")));
            endpoints.add(new SiteEndpoint(site.id(), java.net.URI.create("http://127.0.0.1:" + port), token));
        }
        return endpoints;
    }

    private Map<String, Object> parameters(List<String> names, int restarts) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scenario", "seed");
        p.put("policies", String.join(",", names));
        p.put("executions", executions);
        p.put("seed", seedOption.value());
        p.put("trace", trace == null ? "synthetic" : trace.toString() + " configuration " + configuration);
        p.put("timeCompression", timeCompression);
        p.put("linkEmulation", noLinkEmulation ? "off" : "device-side");
        p.put("siteRestarts", restarts);
        return p;
    }

    /** Synthetic traces long enough for the whole run (about 3 s per execution, generously). */
    private Map<String, Path> syntheticTraces(Scenario scenario, Path dir, int policyCount) {
        double wallSeconds = 60 + 3.0 * executions * policyCount;
        double spanHours = wallSeconds * timeCompression / 3600;
        SplittableRandom random = new SplittableRandom(seedOption.value());
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (Site site : scenario.remoteSites()) {
                double[] rates = SyntheticOutages.demoRates(site.id());
                List<String> lines = SyntheticOutages.csv(rates[0], rates[1], 0.5, spanHours, random.split());
                Path file = dir.resolve(site.id() + ".csv");
                Files.write(file, lines, StandardCharsets.UTF_8);
                files.put(site.id(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write traces to " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }
}
