package io.edgeoff.cli.device;

import io.edgeoff.cli.console.ProgressBar;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.device.runtime.OutcomeSink;
import io.edgeoff.device.runtime.RuntimeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff device --config FILE}: the device runtime against sites that are already running. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = {"Run the mobile device against running sites: the seeded mixed workload under each "
                + "configured policy, with failure detection, re-decision and local fallback.",
            "Prints the comparison table and writes results.json, summary.csv, executions.csv and report.html."})
public final class DeviceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, description = "Device configuration file (YAML, see docs/DEVICE.md).")
    Path config;

    @Option(names = "--db-url", description = "Record runs, outcomes and detector data in this database "
            + "(jdbc:h2:file:... or jdbc:postgresql://...); nothing is recorded without it.")
    String dbUrl;

    @Option(names = "--web-port", description = "Serve a live status page on http://127.0.0.1:<port>/ while "
            + "the device runs (0: any free port; default: no page).")
    Integer webPort;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = {"Serve Prometheus metrics at",
        "http://<--metrics-bind>:<port>/metrics while the device runs (0: any free port; default: none).",
        "Names: edgeoff_device_*, jvm_*, process_* (docs/DEVICE.md)."})
    Integer metricsPort;

    @Option(names = "--metrics-bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Interface of --metrics-port (default: ${DEFAULT-VALUE}).")
    String metricsBind;

    @Option(names = "--metrics-linger-seconds", paramLabel = "S", defaultValue = "0", description = {"Keep serving",
        "--metrics-port for S seconds after the run, so a scrape (every 15 s in Prometheus' default) sees the",
        "final values, in [0, 3600] (default: ${DEFAULT-VALUE})."})
    double metricsLingerSeconds;

    @picocli.CommandLine.Mixin
    io.edgeoff.cli.console.LogFormat logFormat = new io.edgeoff.cli.console.LogFormat();

    @Override
    public Integer call() throws InterruptedException {
        logFormat.apply();
        if (!(metricsLingerSeconds >= 0 && metricsLingerSeconds <= 3600)) {
            throw new IllegalArgumentException("--metrics-linger-seconds must be in [0, 3600], but was "
                    + metricsLingerSeconds);
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new IllegalArgumentException("--metrics-port must be in [0, 65535], but was " + metricsPort);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        DeviceSettings settings = DeviceSettings.read(config);
        Scenario scenario = ScenarioYaml.load(settings.scenario());
        Set<String> configured = settings.sites().stream().map(SiteEndpoint::siteId).collect(Collectors.toSet());
        List<String> remote = scenario.remoteSites().stream().map(Site::id).toList();
        for (String id : remote) {
            if (!configured.contains(id)) {
                throw new IllegalArgumentException(config + ": sites: no URL for site " + id + " of scenario "
                        + scenario.name() + "; it has remote sites " + remote);
            }
        }
        for (String id : configured) {
            if (!remote.contains(id)) {
                throw new IllegalArgumentException(config + ": sites." + id + ": not a remote site of scenario "
                        + scenario.name() + "; it has " + remote);
            }
        }
        PolicyComparison.Setup setup = new PolicyComparison.Setup(scenario, settings.sites(), settings.policies(),
                settings.executions(), settings.seed(), settings.emulateLinks(), settings.detector(),
                RuntimeConfig.ofDefaults(), "device-" + settings.seed());
        PolicyComparison.Outcome outcome;
        StatusPage page = webPort == null ? null : new StatusPage(webPort);
        if (page != null) {
            stderr.println("edgeoff device: live status page on http://127.0.0.1:" + page.port() + "/");
            stderr.flush();
        }
        io.edgeoff.device.metrics.DeviceMetrics metrics = metricsPort == null ? null
                : new io.edgeoff.device.metrics.DeviceMetrics(settings.policies(),
                        scenario.sites().stream().map(Site::id).toList(), System::nanoTime);
        io.edgeoff.device.metrics.MetricsServer metricsServer = metrics == null ? null
                : io.edgeoff.device.metrics.MetricsServer.start(metricsBind, metricsPort, metrics::scrape);
        if (metricsServer != null) {
            stderr.println("edgeoff device: Prometheus metrics on http://" + metricsBind + ":" + metricsServer.port()
                    + "/metrics");
            stderr.flush();
        }
        try {
            outcome = runRecorded(setup, scenario, settings, page, stderr, metrics);
        } finally {
            if (page != null) {
                page.close();
            }
        }
        try {
            printAndWrite(stdout, settings, outcome);
        } finally {
            if (metricsServer != null) {
                Thread.sleep(Math.round(metricsLingerSeconds * 1000)); // serving the final values meanwhile
                metricsServer.close();
            }
        }
        return 0;
    }

    private void printAndWrite(PrintWriter stdout, DeviceSettings settings, PolicyComparison.Outcome outcome) {
        stdout.print(Reports.table(outcome.summaries()));
        stdout.print(Reports.pairedText(outcome.summaries(), outcome.results()));
        stdout.println(Reports.detectionText(outcome.detection()));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("config", config.toString());
        parameters.put("scenario", settings.scenario());
        parameters.put("policies", String.join(",", settings.policies()));
        parameters.put("executions", settings.executions());
        parameters.put("seed", settings.seed());
        parameters.put("linkEmulation", settings.emulateLinks() ? "device-side" : "off");
        Reports.writeAll(settings.out(), "edgeoff device", parameters, outcome);
        stdout.println("reports: " + settings.out().resolve("report.html"));
        stdout.flush();
    }

    private PolicyComparison.Outcome runRecorded(PolicyComparison.Setup setup, Scenario scenario,
                                                 DeviceSettings settings, StatusPage page, PrintWriter stderr,
                                                 io.edgeoff.device.metrics.DeviceMetrics metrics) {
        if (dbUrl == null) {
            return run(setup, OutcomeSink.NONE, page, stderr, metrics);
        }
        try (Database db = Database.open(DatabaseUrl.of(dbUrl, "--db-url"), Database.DEFAULT_CONNECT_TIMEOUT,
                Clock.systemUTC())) {
            db.migrate();
            try (DatabaseOutcomeSink sink = new DatabaseOutcomeSink(db, scenario.name(), settings.seed(),
                    OptionalInt.empty(), "edgeoff device --config " + config)) {
                return run(setup, sink, page, stderr, metrics);
            }
        }
    }

    private static PolicyComparison.Outcome run(PolicyComparison.Setup setup, OutcomeSink sink, StatusPage page,
                                                PrintWriter stderr, io.edgeoff.device.metrics.DeviceMetrics metrics) {
        return PolicyComparison.run(setup, sink, ProgressBar.on(stderr, "executions")::step, msg -> {
            stderr.println(msg);
            stderr.flush();
        }, page, metrics);
    }
}
