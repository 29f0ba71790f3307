package io.edgeoff.cli.device;

import io.edgeoff.cli.console.OutOption;
import io.edgeoff.experiment.DetectionBench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff detection-bench}: {@link DetectionBench} with its flags. */
@Command(name = "detection-bench", mixinStandardHelpOptions = true,
        description = {"Measure the failure detector's detection latency against a real site process.",
            "Each trial fails the site (--mode kill: SIGKILL; refuse/hang/error: injected outage) and times "
                    + "the failure-to-suspicion latency; prints median, p90, p99 and max."})
public final class DetectionBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mode", defaultValue = "kill", description = "kill, refuse, hang or error (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--trials", defaultValue = "30", description = "Number of failures (default: ${DEFAULT-VALUE}).")
    int trials;

    @Mixin
    OutOption out = new OutOption("out/detection-bench");

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        DetectionBench.Result result = DetectionBench.run(mode, trials, out.value(), line -> {
            stdout.println(line);
            stdout.flush();
        });
        stdout.println(result.summary());
        stdout.println("result: " + result.file());
        stdout.flush();
        return 0;
    }
}
