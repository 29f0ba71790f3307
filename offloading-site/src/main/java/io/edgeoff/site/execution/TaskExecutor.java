package io.edgeoff.site.execution;

import io.edgeoff.common.compute.ComputeKernel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Runs tasks on {@code cores} worker threads behind a bounded queue. Each task runs the
 * {@link ComputeKernel} and is then paced so that {@code MI / mips} seconds elapse from the start
 * of its execution; when the kernel itself takes longer (a slow or busy host) the task simply
 * takes longer, and the measured time is reported. When all cores are busy and the queue is full,
 * {@link #submit} throws {@link SaturatedException} at once (the HTTP layer answers 503 with
 * {@code Retry-After}). A zero-MI task (nothing to pace) that finds a free core and an empty queue
 * runs on the submitting thread instead of a worker; it still holds one of the {@code cores}
 * permits while it runs, so at most {@code cores} tasks ever execute at once.
 *
 * <p>A task with a handler ({@link TaskOrder#hasHandler()}) runs that handler through {@link HandlerExecution}
 * instead (always on a worker): real work, its time scaled to the site's rating. A handler's failure completes
 * the task's future with the {@link io.edgeoff.task.HandlerException}.
 */
public final class TaskExecutor implements AutoCloseable {
    private final double mips;
    private final int cores;
    private final int queueCapacity;
    private final LongSupplier nanoTime;
    private final Pacer pacer;
    private final ThroughputMeter meter;
    private final HandlerExecution handlers;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger running = new AtomicInteger();
    /** One permit per core, held while a task executes (on a worker, or inline on the caller's thread). */
    private final Semaphore corePermits;
    /** MI of the tasks accepted into the queue and not started yet. */
    private final java.util.concurrent.atomic.DoubleAdder queuedMi = new java.util.concurrent.atomic.DoubleAdder();
    /** The pacing deadline (executor time, ns) of each paced task executing now. */
    private final java.util.Map<Object, Long> runningDeadlines = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every accepted task whose result is not complete yet (queued or executing), so a forced stop can answer it. */
    private final java.util.Set<CompletableFuture<TaskResult>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Measured execution time over paced time ({@code MI / mips}), an average over finished tasks; 1 while cold. */
    private volatile double slowdown = 1;

    /** Shortest {@code Retry-After}, s. */
    public static final long MIN_RETRY_AFTER_SECONDS = 1;
    /** Longest {@code Retry-After}, s: beyond this an estimate says little and a client should look elsewhere. */
    public static final long MAX_RETRY_AFTER_SECONDS = 300;

    /**
     * @param siteId         used to name the worker threads
     * @param mips           rated speed, million instructions per second, &gt; 0
     * @param cores          worker threads (tasks executing at once), &gt;= 1
     * @param queueCapacity  tasks that may wait for a core, &gt;= 0
     */
    public TaskExecutor(String siteId, double mips, int cores, int queueCapacity, LongSupplier nanoTime, Pacer pacer,
                        ThroughputMeter meter) {
        this(siteId, mips, cores, queueCapacity, nanoTime, pacer, meter, null);
    }

    /**
     * @param handlers  runs the tasks that name a handler; null: this executor runs synthetic tasks only
     */
    public TaskExecutor(String siteId, double mips, int cores, int queueCapacity, LongSupplier nanoTime, Pacer pacer,
                        ThroughputMeter meter, HandlerExecution handlers) {
        if (!(mips > 0) || !Double.isFinite(mips)) {
            throw new IllegalArgumentException("mips must be > 0, but was " + mips);
        }
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, but was " + cores);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must be >= 0, but was " + queueCapacity);
        }
        this.mips = mips;
        this.cores = cores;
        this.queueCapacity = queueCapacity;
        this.nanoTime = nanoTime;
        this.pacer = pacer;
        this.meter = meter;
        this.handlers = handlers;
        this.corePermits = new Semaphore(cores);
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(cores, cores, 0, TimeUnit.SECONDS,
                queueCapacity == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, "site-" + siteId + "-core-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Accepts a task for execution.
     *
     * @return the future result
     * @throws SaturatedException when every core is busy and the queue is full
     */
    public CompletableFuture<TaskResult> submit(TaskOrder order) {
        CompletableFuture<TaskResult> future = new CompletableFuture<>();
        long acceptedAt = nanoTime.getAsLong();
        if (pool.isShutdown()) {
            throw new SaturatedException("site stopping: it accepts no new task", MIN_RETRY_AFTER_SECONDS);
        }
        if (order.hasHandler() && (handlers == null || !handlers.has(order.handler()))) {
            throw new IllegalArgumentException("this site has no handler '" + order.handler() + "'");
        }
        if (order.millionInstructions() == 0 && !order.hasHandler() && pool.getQueue().isEmpty()
                && corePermits.tryAcquire()) {
            // Nothing to pace and a core is free: run on the caller's thread, which is cheaper than
            // handing the task to a worker and back. Still counts against the cores (the permit).
            try {
                run(order, acceptedAt, future);
            } finally {
                corePermits.release();
            }
            return future;
        }
        double mi = order.millionInstructions();
        queuedMi.add(mi);
        pending.add(future);
        future.whenComplete((r, e) -> pending.remove(future));
        try {
            pool.execute(() -> {
                queuedMi.add(-mi);
                try {
                    corePermits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    future.completeExceptionally(new StoppedException());
                    return;
                }
                try {
                    run(order, acceptedAt, future);
                } finally {
                    corePermits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            queuedMi.add(-mi);
            pending.remove(future);
            if (pool.isShutdown()) {
                throw new SaturatedException("site stopping: it accepts no new task", MIN_RETRY_AFTER_SECONDS);
            }
            throw new SaturatedException("site saturated: " + cores + " cores busy and " + queueCapacity
                    + " tasks queued", retryAfterSeconds());
        }
        return future;
    }

    private void run(TaskOrder order, long acceptedAt, CompletableFuture<TaskResult> future) {
        running.incrementAndGet();
        Object slot = new Object();
        try {
            long start = nanoTime.getAsLong();
            if (order.hasHandler()) {
                TaskResult result = handlers.run(order, acceptedAt, start);
                meter.record(result.executionNanos() / 1e9 * mips);
                future.complete(result);
                return;
            }
            long pacedNanos = Math.round(order.millionInstructions() / mips * 1e9);
            long deadline = start + pacedNanos;
            if (pacedNanos > 0) {
                runningDeadlines.put(slot, deadline);
            }
            long digest = ComputeKernel.digest(order.kind(), order.millionInstructions(), order.input());
            pacer.awaitUntil(deadline);
            long end = nanoTime.getAsLong();
            if (pacedNanos > 0) {
                slowdown = Math.max(1, 0.9 * slowdown + 0.1 * ((double) (end - start) / pacedNanos));
            }
            meter.record(order.millionInstructions());
            future.complete(new TaskResult(order.idempotencyKey(), digest, order.outBytes(), start - acceptedAt,
                    end - start));
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
        } finally {
            runningDeadlines.remove(slot);
            running.decrementAndGet();
        }
    }

    /** @return tasks waiting for a core */
    public int queueLength() {
        return pool.getQueue().size();
    }

    /** @return tasks executing now */
    public int running() {
        return running.get();
    }

    /**
     * When a saturated site can take a task again: the work ahead of it (MI of the queued tasks plus
     * what is left of the executing ones' paced time) over the site's capacity, rated MIPS x cores,
     * stretched by the measured slowdown (execution time over paced time, 1 on a cold site that
     * has finished no task yet), rounded up and clamped to
     * [{@value #MIN_RETRY_AFTER_SECONDS}, {@value #MAX_RETRY_AFTER_SECONDS}] s.
     *
     * @return the estimate, whole seconds
     */
    public long retryAfterSeconds() {
        long now = nanoTime.getAsLong();
        double runningLeftSeconds = 0;
        for (long deadline : runningDeadlines.values()) {
            runningLeftSeconds += Math.max(0, deadline - now) / 1e9;
        }
        double workAheadMi = Math.max(0, queuedMi.sum()) + runningLeftSeconds * mips;
        double seconds = workAheadMi / (mips * cores) * slowdown;
        return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, (long) Math.ceil(seconds)));
    }

    public double mips() {
        return mips;
    }

    public int cores() {
        return cores;
    }

    /** @return what runs this site's handler tasks, or null when it runs synthetic tasks only */
    public HandlerExecution handlers() {
        return handlers;
    }

    /**
     * The result of a task the site did not execute because it was stopping (the grace period ended
     * first): not an execution failure, the task is handed back to its client, which may run it elsewhere.
     */
    public static final class StoppedException extends java.util.concurrent.CancellationException {
        public StoppedException() {
            super("the site stopped before the task finished; it was not executed to the end");
        }
    }

    /** What a graceful stop did: tasks that finished during it and tasks handed back unfinished. */
    public record StopReport(int finished, int handedBack) {
    }

    /**
     * Stops gracefully: accepts no new task ({@link #submit} throws {@link SaturatedException}), lets the
     * queued and executing tasks finish for at most {@code grace}, then
     * completes every task still unfinished with {@link StoppedException} and interrupts the workers.
     * Every accepted task's future is complete when this returns.
     *
     * @return how many tasks finished during the stop and how many were handed back
     */
    public StopReport stop(java.time.Duration grace) throws InterruptedException {
        int before = pending.size();
        pool.shutdown();
        boolean finished = pool.awaitTermination(Math.max(0, grace.toNanos()), TimeUnit.NANOSECONDS);
        int handedBack = 0;
        // Answered before the workers are interrupted, so an interrupted task cannot complete its future otherwise.
        for (CompletableFuture<TaskResult> f : java.util.List.copyOf(pending)) {
            if (f.completeExceptionally(new StoppedException())) {
                handedBack++;
            }
        }
        if (!finished) {
            pool.shutdownNow();
        }
        return new StopReport(Math.max(0, before - handedBack), handedBack);
    }

    @Override
    public void close() {
        pool.shutdown();
        for (CompletableFuture<TaskResult> f : java.util.List.copyOf(pending)) {
            f.completeExceptionally(new StoppedException());
        }
        pool.shutdownNow();
    }
}
