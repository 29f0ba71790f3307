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
 */
public final class TaskExecutor implements AutoCloseable {
    private final double mips;
    private final int cores;
    private final int queueCapacity;
    private final LongSupplier nanoTime;
    private final Pacer pacer;
    private final ThroughputMeter meter;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger running = new AtomicInteger();
    /** One permit per core, held while a task executes (on a worker, or inline on the caller's thread). */
    private final Semaphore corePermits;
    private volatile double meanExecutionSeconds;

    /**
     * @param siteId         used to name the worker threads
     * @param mips           rated speed, million instructions per second, &gt; 0
     * @param cores          worker threads (tasks executing at once), &gt;= 1
     * @param queueCapacity  tasks that may wait for a core, &gt;= 0
     */
    public TaskExecutor(String siteId, double mips, int cores, int queueCapacity, LongSupplier nanoTime, Pacer pacer,
                        ThroughputMeter meter) {
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
        if (order.millionInstructions() == 0 && pool.getQueue().isEmpty() && corePermits.tryAcquire()) {
            // Nothing to pace and a core is free: run on the caller's thread, which is cheaper than
            // handing the task to a worker and back. Still counts against the cores (the permit).
            try {
                run(order, acceptedAt, future);
            } finally {
                corePermits.release();
            }
            return future;
        }
        try {
            pool.execute(() -> {
                try {
                    corePermits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    future.completeExceptionally(new java.util.concurrent.CancellationException("the site is stopping"));
                    return;
                }
                try {
                    run(order, acceptedAt, future);
                } finally {
                    corePermits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new SaturatedException("site saturated: " + cores + " cores busy and " + queueCapacity
                    + " tasks queued", retryAfterSeconds());
        }
        return future;
    }

    private void run(TaskOrder order, long acceptedAt, CompletableFuture<TaskResult> future) {
        running.incrementAndGet();
        try {
            long start = nanoTime.getAsLong();
            long digest = ComputeKernel.digest(order.kind(), order.millionInstructions(), order.input());
            long deadline = start + Math.round(order.millionInstructions() / mips * 1e9);
            pacer.awaitUntil(deadline);
            long end = nanoTime.getAsLong();
            meanExecutionSeconds = 0.9 * meanExecutionSeconds + 0.1 * ((end - start) / 1e9);
            meter.record(order.millionInstructions());
            future.complete(new TaskResult(order.idempotencyKey(), digest, order.outBytes(), start - acceptedAt,
                    end - start));
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
        } finally {
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

    /** @return an estimate of when a core frees up, whole seconds, &gt;= 1 */
    public long retryAfterSeconds() {
        double seconds = (queueLength() + running()) * meanExecutionSeconds / cores;
        return Math.max(1, (long) Math.ceil(seconds));
    }

    public double mips() {
        return mips;
    }

    public int cores() {
        return cores;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
