package io.edgeoff.site;

import io.edgeoff.site.execution.IdempotencyCache;
import io.edgeoff.site.execution.SaturatedException;
import io.edgeoff.site.execution.TaskExecutor;
import io.edgeoff.site.execution.TaskOrder;
import io.edgeoff.site.execution.TaskResult;
import io.edgeoff.site.execution.ThroughputMeter;
import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureHistory;
import io.edgeoff.site.failure.FailureMonitor;
import io.edgeoff.site.prediction.AvailabilityForecaster;
import io.edgeoff.site.prediction.AvailabilityHistory;
import io.edgeoff.site.prediction.Forecast;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The site's behaviour without HTTP: accepts tasks (with idempotency), reports resources and
 * serves the availability forecast from the failure-file history.
 */
public final class SiteService {
    /** A key reused for a different task. */
    public static final class IdempotencyConflictException extends RuntimeException {
        public IdempotencyConflictException(String message) {
            super(message);
        }
    }

    /** An accepted task: its (possibly pending) result and whether it is the replay of an earlier one. */
    public record Submission(CompletableFuture<TaskResult> result, boolean replayed) {
    }

    /** The site's resources as served at {@code GET /v1/resources}. */
    public record Resources(String siteId, double mips, int cores, double memoryGB, double storageGB, int queueLength,
                            double recentThroughputMips, List<String> handlers, double hostMips, String speedEmulation) {
    }

    private final SiteConfig config;
    private final FailureMonitor monitor;
    private final TaskExecutor executor;
    private final IdempotencyCache idempotency;
    private final ThroughputMeter meter;
    private final AvailabilityForecaster forecaster;
    private final Clock clock;
    private final SiteMetrics metrics;
    private volatile boolean draining;

    public SiteService(SiteConfig config, FailureMonitor monitor, TaskExecutor executor, IdempotencyCache idempotency,
                       ThroughputMeter meter, AvailabilityForecaster forecaster, Clock clock, SiteMetrics metrics) {
        this.config = config;
        this.monitor = monitor;
        this.executor = executor;
        this.idempotency = idempotency;
        this.meter = meter;
        this.forecaster = forecaster;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Accepts a task, or returns the first result of its idempotency key.
     *
     * @throws SaturatedException when the site is saturated (nothing is remembered for the key)
     * @throws IdempotencyConflictException when the key was used for a different task
     */
    public Submission submit(TaskOrder order) {
        if (draining) {
            metrics.taskOutcome("rejected");
            throw new SaturatedException("site " + config.site().id() + " is stopping: it accepts no new task",
                    1);
        }
        IdempotencyCache.Entry entry;
        long fingerprint = order.fingerprint();
        synchronized (idempotency) {
            var existing = idempotency.get(order.idempotencyKey());
            if (existing.isPresent()) {
                if (existing.get().fingerprint() != fingerprint) {
                    throw new IdempotencyConflictException("idempotencyKey '" + order.idempotencyKey()
                            + "' was already used for a different task");
                }
                metrics.taskOutcome("replayed");
                return new Submission(existing.get().result(), true);
            }
            CompletableFuture<TaskResult> result;
            try {
                result = executor.submit(order);
            } catch (SaturatedException e) {
                monitor.overloadRejected();
                metrics.taskOutcome("rejected");
                throw e;
            }
            entry = new IdempotencyCache.Entry(fingerprint, result);
            idempotency.put(order.idempotencyKey(), entry);
        }
        IdempotencyCache.Entry accepted = entry;
        // the answer waits for the accounting, so a client that sees the result also sees it counted
        CompletableFuture<TaskResult> accounted = entry.result().whenComplete((r, error) -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof io.edgeoff.task.HandlerException) {
                // The handler gave no output for this input (threw, over a budget): the task failed, not the site.
                idempotency.remove(order.idempotencyKey(), accepted);
                metrics.taskOutcome("handler_failed");
            } else if (error instanceof TaskExecutor.StoppedException) {
                // Handed back unfinished by a stopping site: not a failure of the execution, nothing to record.
                idempotency.remove(order.idempotencyKey(), accepted);
                metrics.taskOutcome("handed_back");
            } else if (error != null) {
                idempotency.remove(order.idempotencyKey(), accepted);
                metrics.taskOutcome("failed");
                try {
                    monitor.record(FailureEventType.EXECUTION_FAILED, Details.of("key", order.idempotencyKey(),
                            "kind", order.kind(), "error", String.valueOf(error)));
                } catch (RuntimeException e) {
                    // The failure is still reported to the client.
                }
            } else {
                metrics.taskOutcome("executed");
                metrics.executed(r.queueWaitNanos(), r.executionNanos());
            }
        });
        return new Submission(accounted, false);
    }

    /** From now on the site accepts no new task and reports itself not ready: it is stopping. */
    public void startDraining() {
        draining = true;
    }

    /** @return true once the site is stopping (readiness is false, new tasks are refused) */
    public boolean draining() {
        return draining;
    }

    public Resources resources() {
        var site = config.site();
        var handlers = executor.handlers();
        return new Resources(site.id(), site.mips(), site.cores(), site.memoryGb(), site.storageGb(),
                executor.queueLength(), meter.recentMips(), handlerNames(),
                handlers == null ? 0 : handlers.speed().hostMips(),
                handlers == null ? "" : handlers.speed().mode().wireName());
    }

    /** @return the names of the task handlers this site runs, sorted (empty: synthetic tasks only) */
    public List<String> handlerNames() {
        var handlers = executor.handlers();
        return handlers == null ? List.of() : handlers.names();
    }

    /** @return the default model's forecast of the next {@code slots} slots */
    public Forecast forecast(int slots) {
        return forecast(null, slots);
    }

    /**
     * @param predictor a name of {@link #servedPredictors()}, or null for the default model
     * @return that model's forecast of the next {@code slots} slots
     * @throws io.edgeoff.site.prediction.UnknownPredictorException when the site does not serve {@code predictor}
     */
    public Forecast forecast(String predictor, int slots) {
        return forecaster.forecast(predictor, history(), slots);
    }

    /** Trains every served model on the history now. */
    void warmUp() {
        forecaster.warmUp(history());
    }

    private AvailabilityHistory history() {
        Instant now = clock.instant();
        return AvailabilityHistory.of(FailureHistory.of(monitor.records(), monitor.sidecarRecords(), now),
                config.slot(), now);
    }

    /** @return the predictor names a forecast request may ask for */
    public List<String> servedPredictors() {
        return forecaster.servedPredictors();
    }

    public String predictorName() {
        return forecaster.name();
    }

    public SiteConfig config() {
        return config;
    }

    public FailureMonitor monitor() {
        return monitor;
    }

    public TaskExecutor executor() {
        return executor;
    }
}
