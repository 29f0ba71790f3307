package io.edgeoff.device.handlers;

import io.edgeoff.device.DeviceClock;
import io.edgeoff.task.HandlerLimits;
import io.edgeoff.task.HandlerOutcome;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.task.HandlerRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs task handlers on the device: the same {@link HandlerRegistry} lookup (class path plus extra jars) and the same
 * {@link HandlerRunner} budgets as a site, so a handler a site runs gives the same output here. When the device is
 * rated slower than its host ({@code deviceMips < hostMips}) the call is stretched to its rated time, as a site does.
 * A failure is the runner's {@link io.edgeoff.task.HandlerException} with its cause. Thread-safe.
 */
public final class LocalHandlers {
    private final HandlerRegistry registry;
    private final HandlerLimits limits;
    private final DeviceClock clock;

    public LocalHandlers(HandlerRegistry registry, HandlerLimits limits, DeviceClock clock) {
        this.registry = registry;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The handlers of the device's class path (the built-in ones) and of {@code handlerPath} (jars or directories of
     * jars), found without rebuilding edgeoff.
     *
     * @throws IllegalArgumentException when a path is missing or a handler cannot be loaded
     */
    public static LocalHandlers load(List<Path> handlerPath, HandlerLimits limits, DeviceClock clock) {
        return new LocalHandlers(HandlerRegistry.load(handlerPath, LocalHandlers.class.getClassLoader()), limits, clock);
    }

    /** A call on the device: its output, its time on this host and its rated time on the device. */
    public record LocalRun(byte[] output, long measuredNanos, long ratedNanos) {
    }

    /**
     * Runs {@code handler} on {@code input}.
     *
     * @param deviceMips  the device's rating, MIPS, &gt; 0
     * @param hostMips    this host's speed, MIPS, &gt; 0, or 0 to take the measured time as the rated one
     * @throws io.edgeoff.task.HandlerException when the handler gives no output, with the cause
     */
    public LocalRun execute(String handler, byte[] input, Map<String, String> parameters, double deviceMips,
                            double hostMips) {
        if (!(deviceMips > 0)) {
            throw new IllegalArgumentException("deviceMips must be > 0, but was " + deviceMips);
        }
        if (!(hostMips >= 0)) {
            throw new IllegalArgumentException("hostMips must be >= 0, but was " + hostMips);
        }
        long start = clock.nanoTime();
        HandlerOutcome outcome = HandlerRunner.run(registry.get(handler), input, parameters, limits);
        long measured = clock.nanoTime() - start;
        long rated = hostMips > 0 ? Math.round(measured * hostMips / deviceMips) : measured;
        if (rated > measured) {
            clock.sleepNanos(rated - measured);
        }
        return new LocalRun(outcome.output(), measured, rated);
    }

    /** @return the names of the handlers the device can run, sorted */
    public List<String> names() {
        return registry.names();
    }

    public HandlerRegistry registry() {
        return registry;
    }
}
