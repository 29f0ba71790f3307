package io.edgeoff.cli.simulator;

import io.edgeoff.cli.console.OutOption;
import io.edgeoff.simulator.report.FleetReport;
import io.edgeoff.simulator.shard.ShardMerge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgeoff results merge}: the shards of {@code edgeoff simulate --shard I/N} as one run's files. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the shard folders of 'edgeoff simulate --shard I/N' into exactly the files (byte for byte) "
                + "the unsharded 'edgeoff simulate --out' writes.",
            "Refuses shards of different experiments, a missing or duplicate shard and malformed files, naming them."})
public final class ResultsMergeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "shard folders, or folders whose sub-folders are the shards (e.g. the sweep's shared volume)")
    List<Path> dirs;

    @Mixin
    OutOption outOption = new OutOption("simulation");

    @Option(names = "--no-html", description = "skip report.html and its charts (as the run's --no-html)")
    boolean noHtml;

    @Override
    public void run() {
        ShardMerge merged = ShardMerge.read(dirs);
        merged.write(outOption.value(), !noHtml);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("merged %d shards of experiment %s%n", merged.shards().size(),
                merged.shards().get(0).manifest().fingerprint());
        SimulateCommand.printSummary(out, merged.result(), "");
        merged.fleet().ifPresent(fleet -> out.print(FleetReport.table(fleet)));
        merged.sweep().ifPresent(s -> out.println("weight sweep: " + outOption.value().resolve("sweep.csv")));
        out.println("reports: " + outOption.value().toAbsolutePath());
        out.flush();
    }
}
