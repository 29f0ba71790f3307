package io.edgeoff.cli.device;

import io.edgeoff.cli.console.OutOption;
import io.edgeoff.device.metrics.DeviceMetrics;
import io.edgeoff.device.metrics.MetricsServer;
import io.edgeoff.experiment.LiveResult;
import io.edgeoff.experiment.LiveRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff device --config FILE}: the device runtime against sites that are already running ({@link LiveRun}). */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = {"Run the mobile device against running sites: the seeded mixed workload under each "
                + "configured policy, with failure detection, re-decision and local fallback.",
            "Prints the comparison table and writes results.json, summary.csv, executions.csv and report.html."})
public final class DeviceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, description = "Device configuration file (YAML, see docs/DEVICE.md).")
    Path config;

    @Mixin
    OutOption out = OutOption.fromConfig();

    @Option(names = "--synthetic-tasks", description = "Run the seed's synthetic MI tasks instead of the built-in task "
            + "handlers (also 'syntheticTasks: true' in the configuration file).")
    boolean syntheticTasks;

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

    @Mixin
    io.edgeoff.cli.console.PolicyPluginOptions plugins = new io.edgeoff.cli.console.PolicyPluginOptions();

    @picocli.CommandLine.Mixin
    io.edgeoff.cli.console.LogFormat logFormat = new io.edgeoff.cli.console.LogFormat();

    @Override
    public Integer call() throws InterruptedException {
        logFormat.apply();
        var registry = plugins.install();
        if (!(metricsLingerSeconds >= 0 && metricsLingerSeconds <= 3600)) {
            throw new IllegalArgumentException("--metrics-linger-seconds must be in [0, 3600], but was "
                    + metricsLingerSeconds);
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new IllegalArgumentException("--metrics-port must be in [0, 65535], but was " + metricsPort);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        MetricsServer[] server = new MetricsServer[1];
        LiveRun.MetricsHook hook = metricsPort == null ? null : (policies, siteIds) -> {
            DeviceMetrics metrics = new DeviceMetrics(policies, siteIds, System::nanoTime);
            server[0] = MetricsServer.start(metricsBind, metricsPort, metrics::scrape);
            stderr.println("edgeoff device: Prometheus metrics on http://" + metricsBind + ":" + server[0].port()
                    + "/metrics");
            stderr.flush();
            return metrics;
        };
        try {
            LiveResult result = LiveRun.run(config, out.value(), dbUrl, webPort, hook, syntheticTasks,
                    ConsoleListener.on(stderr));
            stdout.print(result.text());
            io.edgeoff.cli.console.PolicyPluginOptions.report(stdout, registry);
            stdout.println("reports: " + result.reports().get(0));
            stdout.flush();
        } finally {
            if (server[0] != null) {
                Thread.sleep(Math.round(metricsLingerSeconds * 1000)); // serving the final values meanwhile
                server[0].close();
            }
        }
        return 0;
    }
}
