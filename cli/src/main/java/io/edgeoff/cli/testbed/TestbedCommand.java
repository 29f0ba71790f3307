package io.edgeoff.cli.testbed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgeoff testbed}: the emulated multi-host test-bed (Linux, root). */
@Command(name = "testbed", sortOptions = false,
        description = {"Emulated multi-host test-bed: a network namespace per site, veth links shaped to the",
            "scenario's bandwidths (tc tbf), latency by netem or a userspace relay, real failures. Root only."},
        subcommands = {MeasureCommand.class, RunCommand.class, UpCommand.class, CleanCommand.class})
public final class TestbedCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
