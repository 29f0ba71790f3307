package io.edgeoff.task;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs handler calls within their {@link HandlerLimits}, the same way on a site and on the device.
 *
 * <p>Each call runs on its own daemon thread while the caller watches it: when the time budget passes,
 * or the thread's allocated bytes pass the memory budget, the call is stopped (its
 * {@link HandlerContext#checkpoint()} throws, its thread is interrupted) and the caller gets a
 * {@link HandlerException} at once. A handler that ignores both keeps its thread busy until it ends
 * on its own (the JVM cannot stop a thread safely); such calls are counted ({@link #runawayCalls()}),
 * and the caller is answered all the same. Every exception of the handler becomes a
 * {@link HandlerException} whose message names the handler and the problem, never a stack trace;
 * an {@link OutOfMemoryError} is a memory-budget failure, and the process goes on.
 */
public final class HandlerRunner {
    /** How often the caller looks at a running call, ms. */
    private static final long WATCH_MILLIS = 5;
    /** How long a stopped call may take to end before it is counted as a runaway, ms. */
    private static final long STOP_GRACE_MILLIS = 200;
    private static final int MAX_MESSAGE_CHARS = 300;

    private static final com.sun.management.ThreadMXBean THREADS = threads();
    private static final AtomicInteger RUNAWAY = new AtomicInteger();
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private HandlerRunner() {
    }

    /**
     * Runs {@code handler} on {@code input} and {@code parameters} within {@code limits}.
     *
     * @return the output and the call's measured time
     * @throws HandlerException when the call produced no valid output, with its cause
     */
    public static HandlerOutcome run(TaskHandler handler, byte[] input, Map<String, String> parameters,
                                     HandlerLimits limits) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(input, "input");
        Map<String, String> params = parameters == null ? Map.of() : Map.copyOf(parameters);
        String name = handler.name();
        Call call = new Call(limits);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            call.startAllocated = allocated();
            try {
                result.set(handler.handle(input, params, call));
            } catch (Throwable t) {
                result.set(new Failure(t));
            } finally {
                call.endAllocated = allocated();
            }
        }, "handler-" + name + "-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        long start = System.nanoTime();
        call.deadline = start + limits.timeBudget().toNanos();
        thread.start();
        try {
            watch(thread, call, name, limits);
        } catch (InterruptedException e) {
            stop(thread, call, HandlerException.Cause.CANCELLED);
            Thread.currentThread().interrupt();
            throw new HandlerException(HandlerException.Cause.CANCELLED, "handler '" + name
                    + "' was cancelled: its caller is stopping");
        }
        long elapsed = System.nanoTime() - start;
        return outcome(name, result.get(), call, limits, elapsed);
    }

    /** Waits for the call to end, stopping it when it leaves its budget. */
    private static void watch(Thread thread, Call call, String name, HandlerLimits limits) throws InterruptedException {
        long tid = thread.getId();
        while (true) {
            long left = call.deadline - System.nanoTime();
            thread.join(Math.max(1, Math.min(WATCH_MILLIS, left / 1_000_000 + 1)));
            if (!thread.isAlive()) {
                return;
            }
            if (System.nanoTime() - call.deadline >= 0) {
                stop(thread, call, HandlerException.Cause.TIME_BUDGET_EXCEEDED);
                throw new HandlerException(HandlerException.Cause.TIME_BUDGET_EXCEEDED, "handler '" + name
                        + "' ran longer than its time budget of " + limits.timeBudget().toMillis() + " ms and was stopped"
                        + runawayNote(thread));
            }
            long used = THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(tid) - call.startAllocated;
            if (call.startAllocated >= 0 && used > limits.memoryBudgetBytes()) {
                stop(thread, call, HandlerException.Cause.MEMORY_BUDGET_EXCEEDED);
                throw memory(name, limits, used);
            }
        }
    }

    private static String runawayNote(Thread thread) {
        return thread.isAlive() ? " (it ignores interrupts and keeps running on its own thread)" : "";
    }

    private static void stop(Thread thread, Call call, HandlerException.Cause why) {
        call.stop = why;
        thread.interrupt();
        try {
            thread.join(STOP_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            RUNAWAY.incrementAndGet();
        }
    }

    private static HandlerOutcome outcome(String name, Object result, Call call, HandlerLimits limits, long elapsed) {
        if (result instanceof Failure failure) {
            throw translate(name, failure.error, call, limits);
        }
        long used = call.startAllocated >= 0 && call.endAllocated >= 0 ? call.endAllocated - call.startAllocated : -1;
        if (used > limits.memoryBudgetBytes()) {
            throw memory(name, limits, used);
        }
        if (!(result instanceof byte[] output)) {
            throw new HandlerException(HandlerException.Cause.FAILED, "handler '" + name + "' returned no output (null)");
        }
        if (output.length > limits.maxOutputBytes()) {
            throw new HandlerException(HandlerException.Cause.OUTPUT_TOO_LARGE, "handler '" + name + "' returned "
                    + output.length + " bytes of output; at most " + limits.maxOutputBytes() + " are allowed");
        }
        return new HandlerOutcome(output, elapsed, used);
    }

    private static HandlerException memory(String name, HandlerLimits limits, long used) {
        return new HandlerException(HandlerException.Cause.MEMORY_BUDGET_EXCEEDED, "handler '" + name + "' allocated "
                + used / (1 << 20) + " MiB; its memory budget is " + limits.memoryBudgetBytes() / (1 << 20) + " MiB");
    }

    private static HandlerException translate(String name, Throwable error, Call call, HandlerLimits limits) {
        if (error instanceof HandlerException h) {
            return h.reason() == HandlerException.Cause.UNKNOWN_HANDLER ? h : stopped(name, h.reason(), limits);
        }
        if (error instanceof OutOfMemoryError) {
            return new HandlerException(HandlerException.Cause.MEMORY_BUDGET_EXCEEDED, "handler '" + name
                    + "' ran out of memory (" + clean(error.getMessage()) + "); its memory budget is "
                    + limits.memoryBudgetBytes() / (1 << 20) + " MiB");
        }
        if (call.stop != null) {
            return stopped(name, call.stop, limits);
        }
        if (error instanceof IllegalArgumentException) {
            return new HandlerException(HandlerException.Cause.INVALID_INPUT, "handler '" + name
                    + "' refused its input: " + clean(error.getMessage()));
        }
        return new HandlerException(HandlerException.Cause.FAILED, "handler '" + name + "' failed: "
                + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + clean(error.getMessage())));
    }

    /** The failure of a call stopped for {@code why} (at a checkpoint, or by its caller). */
    private static HandlerException stopped(String name, HandlerException.Cause why, HandlerLimits limits) {
        String message = switch (why) {
            case TIME_BUDGET_EXCEEDED -> "handler '" + name + "' ran longer than its time budget of "
                    + limits.timeBudget().toMillis() + " ms and was stopped";
            case MEMORY_BUDGET_EXCEEDED -> "handler '" + name + "' allocated more than its memory budget; its memory"
                    + " budget is " + limits.memoryBudgetBytes() / (1 << 20) + " MiB";
            case CANCELLED -> "handler '" + name + "' was cancelled: its caller is stopping";
            default -> "handler '" + name + "' was stopped (" + why.code() + ")";
        };
        return new HandlerException(why, message);
    }

    /** A message fit for a client: one line, no control characters, at most {@value #MAX_MESSAGE_CHARS} characters. */
    static String clean(String message) {
        if (message == null) {
            return "no message";
        }
        StringBuilder out = new StringBuilder();
        message.codePoints().limit(MAX_MESSAGE_CHARS).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return message.codePointCount(0, message.length()) > MAX_MESSAGE_CHARS ? out.append("...").toString() : out.toString();
    }

    /** @return calls stopped for their budget whose thread did not end (it keeps running) */
    public static int runawayCalls() {
        return RUNAWAY.get();
    }

    private static long allocated() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported()) {
                t.setThreadAllocatedMemoryEnabled(true);
                return t;
            }
        } catch (RuntimeException | LinkageError e) {
            // no allocation accounting on this JVM: only the time and output budgets apply
        }
        return null;
    }

    private record Failure(Throwable error) {
    }

    /** The state of one call, shared by its thread and its caller. */
    private static final class Call implements HandlerContext {
        private final HandlerLimits limits;
        volatile long deadline;
        volatile long startAllocated = -1;
        volatile long endAllocated = -1;
        volatile HandlerException.Cause stop;

        Call(HandlerLimits limits) {
            this.limits = limits;
        }

        @Override
        public void checkpoint() {
            HandlerException.Cause why = stop;
            if (why == null && System.nanoTime() - deadline >= 0) {
                why = HandlerException.Cause.TIME_BUDGET_EXCEEDED;
            }
            if (why == null && startAllocated >= 0 && allocated() - startAllocated > limits.memoryBudgetBytes()) {
                why = HandlerException.Cause.MEMORY_BUDGET_EXCEEDED;
            }
            if (why == null && Thread.currentThread().isInterrupted()) {
                why = HandlerException.Cause.CANCELLED;
            }
            if (why != null) {
                throw new HandlerException(why, "stopped at a checkpoint (" + why.code() + ")");
            }
        }
    }
}
