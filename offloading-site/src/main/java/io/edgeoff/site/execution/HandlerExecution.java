package io.edgeoff.site.execution;

import io.edgeoff.task.HandlerLimits;
import io.edgeoff.task.HandlerOutcome;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.task.HandlerRunner;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs the handler tasks of a site: the real handler on the task's input (through {@link HandlerRunner}, within
 * the site's {@link HandlerLimits}), then its time made the site's rated one ({@link SpeedEmulation}): stretched
 * by waiting when the site is rated slower than its host, reported scaled when it is rated faster.
 */
public final class HandlerExecution {
    private final HandlerRegistry registry;
    private final HandlerLimits limits;
    private final SpeedEmulation speed;
    private final Pacer pacer;
    private final LongSupplier nanoTime;

    public HandlerExecution(HandlerRegistry registry, HandlerLimits limits, SpeedEmulation speed, Pacer pacer,
                            LongSupplier nanoTime) {
        this.registry = registry;
        this.limits = limits;
        this.speed = speed;
        this.pacer = pacer;
        this.nanoTime = nanoTime;
    }

    /** @return true when this site has the handler {@code name} */
    public boolean has(String name) {
        return registry.has(name);
    }

    /** @return the names of the site's handlers, sorted */
    public List<String> names() {
        return registry.names();
    }

    public SpeedEmulation speed() {
        return speed;
    }

    public HandlerLimits limits() {
        return limits;
    }

    /**
     * Runs a handler task that started executing at {@code startNanos}.
     *
     * @throws io.edgeoff.task.HandlerException when the handler gives no output (unknown, threw, over a budget)
     */
    public TaskResult run(TaskOrder order, long acceptedAtNanos, long startNanos) {
        HandlerOutcome outcome = HandlerRunner.run(registry.get(order.handler()), order.input(), order.parameters(),
                limits);
        long measured = nanoTime.getAsLong() - startNanos;
        long rated = speed.ratedNanos(measured);
        long execution;
        if (speed.mode() == SpeedEmulation.Mode.STRETCH) {
            pacer.awaitUntil(startNanos + rated);
            execution = nanoTime.getAsLong() - startNanos;
        } else {
            execution = rated;
        }
        byte[] output = outcome.output();
        return new TaskResult(order.idempotencyKey(), 0, output.length, startNanos - acceptedAtNanos, execution, output);
    }
}
