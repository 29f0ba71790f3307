package io.edgeoff.cli.console;

import picocli.CommandLine.Option;

/**
 * {@code --seed} of a run, declared once ({@code @Mixin SeedOption}): everything random in the run (workload,
 * failure traces, drawn latencies) derives from it. Commands whose seed means something else keep their own
 * option: the optional latency seed is {@link LatencySeedOption}, {@code predict}'s split seed is its own.
 */
public final class SeedOption {
    @Option(names = "--seed", defaultValue = "1",
            description = "Run seed: the workload, failure traces and drawn latencies derive from it; the same seed "
                    + "gives the same results (default: ${DEFAULT-VALUE}).")
    long value;

    public long value() {
        return value;
    }
}
