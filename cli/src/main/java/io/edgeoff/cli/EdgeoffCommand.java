package io.edgeoff.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code edgeoff} command. Each area adds a subcommand class and registers it in
 * {@code subcommands}. Errors in user input are reported as one line on stderr with exit code 2
 * (see {@link UserErrors}); a stack trace is printed only with {@code EDGEOFF_DEBUG=1}.
 */
@Command(name = "edgeoff", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "edgeoff 0.1.0",
        description = "Proactive, failure-aware computation offloading to edge and cloud microservices.",
        subcommands = {
            CommandLine.HelpCommand.class,
            io.edgeoff.cli.decision.PoliciesCommand.class,
            io.edgeoff.cli.decision.DecideCommand.class,
            io.edgeoff.cli.testbed.TestbedCommand.class,
            io.edgeoff.cli.device.DeviceCommand.class,
            io.edgeoff.cli.device.DemoCommand.class,
            io.edgeoff.cli.device.DetectionBenchCommand.class,
            io.edgeoff.cli.database.DbCommand.class,
            io.edgeoff.cli.prediction.TraceCommand.class, io.edgeoff.cli.prediction.PredictCommand.class,
            io.edgeoff.cli.simulator.SimulateCommand.class, io.edgeoff.cli.simulator.ResultsCommand.class,
            io.edgeoff.cli.site.SiteCommand.class,
        })
public final class EdgeoffCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the project's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EdgeoffCommand());
        cl.setExecutionExceptionHandler(new UserErrors());
        cl.setParameterExceptionHandler(new UserErrors());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
