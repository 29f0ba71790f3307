package io.edgeoff.cli.console;

import io.edgeoff.common.network.Network;
import io.edgeoff.common.scenario.Scenario;
import java.util.SplittableRandom;
import picocli.CommandLine.Option;

/**
 * The optional {@code --seed} of commands that otherwise use the scenario's mean latencies
 * ({@code @Mixin LatencySeedOption}): given, distributed latencies are drawn once with it.
 */
public final class LatencySeedOption {
    @Option(names = "--seed", description = "Draw distributed latencies (the cloud's) once with this seed "
            + "(default: their means).")
    Long value;

    /** @return true when {@code --seed} was given */
    public boolean given() {
        return value != null;
    }

    /** @return the seed, or {@code otherwise} when none was given */
    public long orElse(long otherwise) {
        return value == null ? otherwise : value;
    }

    /** @return the scenario's network drawn with the seed, or its mean network without one */
    public Network network(Scenario scenario) {
        return value == null ? scenario.meanNetwork() : scenario.network(new SplittableRandom(value));
    }
}
