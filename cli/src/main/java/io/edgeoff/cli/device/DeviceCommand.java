package io.edgeoff.cli.device;

import io.edgeoff.cli.console.OutOption;
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

    @Option(names = "--db-url", description = "Record runs, outcomes and detector data in this database "
            + "(jdbc:h2:file:... or jdbc:postgresql://...); nothing is recorded without it.")
    String dbUrl;

    @Option(names = "--web-port", description = "Serve a live status page on http://127.0.0.1:<port>/ while "
            + "the device runs (0: any free port; default: no page).")
    Integer webPort;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        LiveResult result = LiveRun.run(config, out.value(), dbUrl, webPort, ConsoleListener.on(spec.commandLine().getErr()));
        stdout.print(result.text());
        stdout.println("reports: " + result.reports().get(0));
        stdout.flush();
        return 0;
    }
}
