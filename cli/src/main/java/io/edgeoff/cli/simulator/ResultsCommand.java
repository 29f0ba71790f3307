package io.edgeoff.cli.simulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgeoff results}: work on the results of simulations. */
@Command(name = "results", mixinStandardHelpOptions = true, subcommands = {ResultsMergeCommand.class},
        description = "Work on simulation results (merge the shards of a sharded 'edgeoff simulate').")
public final class ResultsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
