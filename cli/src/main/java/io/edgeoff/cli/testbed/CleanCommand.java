package io.edgeoff.cli.testbed;

import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.net.StaleCleanup;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff testbed clean}: remove what crashed runs left behind. */
@Command(name = "clean", description = {"Remove the namespaces, interfaces and processes of test-bed runs whose",
    "owner process is gone (and of --run unless a live process owns it). Every 'measure'/'up' does this first."})
public final class CleanCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", defaultValue = "1", description = "Run to remove even if its owner is alive (default: ${DEFAULT-VALUE}).")
    int runId;

    @Override
    public void run() {
        if (!io.edgeoff.testbed.Testbed.available()) {
            throw new IllegalArgumentException("the test-bed needs root on Linux with iproute2 (ip, tc)");
        }
        StaleCleanup cleanup = new StaleCleanup(Shell.system(), StaleCleanup.defaultStateDir());
        List<String> removed = cleanup.clean(runId);
        PrintWriter out = spec.commandLine().getOut();
        removed.forEach(r -> out.println("removed " + r));
        out.println(removed.isEmpty() ? "nothing to remove" : "removed " + removed.size() + " item(s)");
        out.flush();
    }
}
