package io.edgeoff.site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A site's task handlers ({@code docs/HANDLERS.md}).
 *
 * @param handlerPath        jars, or directories of jars, whose handlers the site adds to those of its class path
 *                           (the built-in ones); a user's handler is deployed by putting its jar here
 * @param hostMips           the host's speed, MIPS, &gt; 0, or 0 to measure it at start with the compute kernel
 *                           ({@link io.edgeoff.site.execution.SpeedEmulation#hostMipsOf})
 * @param timeBudget         longest run of one handler call, in [1 ms, 1 h]
 * @param memoryBudgetBytes  most bytes one handler call may allocate, in [1 MiB, 64 GiB]
 */
public record HandlerSettings(List<Path> handlerPath, double hostMips, Duration timeBudget, long memoryBudgetBytes) {
    /** Class path only, measured host speed, 30 s, 1 GiB. */
    public static final HandlerSettings DEFAULTS = new HandlerSettings(List.of(), 0, Duration.ofSeconds(30), 1L << 30);

    public HandlerSettings {
        handlerPath = List.copyOf(handlerPath);
        if (!(hostMips >= 0) || !Double.isFinite(hostMips)) {
            throw new IllegalArgumentException("hostMips must be > 0 (or 0 to measure it), but was " + hostMips);
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.compareTo(Duration.ofMillis(1)) < 0 || timeBudget.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("handler time budget must be in [1 ms, 1 h], but was " + timeBudget);
        }
        if (memoryBudgetBytes < (1L << 20) || memoryBudgetBytes > (64L << 30)) {
            throw new IllegalArgumentException("handler memory budget must be in [1 MiB, 64 GiB], but was "
                    + memoryBudgetBytes + " bytes");
        }
    }

    public HandlerSettings withHandlerPath(List<Path> value) {
        return new HandlerSettings(value, hostMips, timeBudget, memoryBudgetBytes);
    }

    public HandlerSettings withHostMips(double value) {
        return new HandlerSettings(handlerPath, value, timeBudget, memoryBudgetBytes);
    }

    public HandlerSettings withBudgets(Duration time, long memoryBytes) {
        return new HandlerSettings(handlerPath, hostMips, time, memoryBytes);
    }
}
