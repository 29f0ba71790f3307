package io.edgeoff.site;

import io.edgeoff.common.compute.ComputeKernel;
import io.edgeoff.site.execution.IdempotencyCache;
import io.edgeoff.site.execution.HandlerExecution;
import io.edgeoff.site.execution.Pacer;
import io.edgeoff.site.execution.SpeedEmulation;
import io.edgeoff.task.HandlerLimits;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.site.execution.TaskExecutor;
import io.edgeoff.site.execution.ThroughputMeter;
import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureMonitor;
import io.edgeoff.site.http.SiteHttpApi;
import io.edgeoff.site.injection.OutageController;
import io.edgeoff.site.injection.OutageEffects;
import io.edgeoff.site.injection.OutageMode;
import io.edgeoff.site.injection.TraceReplayer;
import io.edgeoff.site.prediction.AvailabilityForecaster;
import io.edgeoff.site.prediction.EngineForecaster;
import io.edgeoff.site.prediction.ForecasterSet;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running offloading site: failure monitor, executor, prediction engine, failure injection and
 * the HTTP API, wired together. {@link #start} returns once the site is listening (or, when it
 * comes back inside a replayed crash outage, once it has scheduled listening for the outage's end).
 */
public final class SiteServer implements AutoCloseable, OutageEffects {
    private static final Logger LOG = LoggerFactory.getLogger(SiteServer.class);

    private final SiteConfig config;
    private final FailureMonitor monitor;
    private final TaskExecutor executor;
    private final ScheduledExecutorService scheduler;
    private final OutageController outages;
    private final SiteHttpApi api;
    private final SiteService service;
    private final IntConsumer halt;
    private final double nanosPerRound;
    private final AvailabilityForecaster forecaster;
    private final io.edgeoff.site.database.FailureEventExport export;
    private Javalin http;
    private int boundPort;
    private boolean closed;
    private boolean stopping;

    private SiteServer(SiteConfig config, Clock clock, IntConsumer halt, AvailabilityForecaster forecaster) {
        this.config = config;
        this.halt = halt;
        this.forecaster = forecaster;
        this.nanosPerRound = ComputeKernel.measureNanosPerRound(40_000_000L);
        String id = config.site().id();
        HandlerExecution handlers = handlerExecution(config, nanosPerRound); // before anything is started: may refuse
        config.databaseUrl().ifPresent(url -> io.edgeoff.database.DatabaseUrl.of(url, "--db-url")); // fail before any work
        this.monitor = FailureMonitor.start(config.dataDirectory(), config.failureFile(), clock, id);
        ThroughputMeter meter = new ThroughputMeter(System::nanoTime);
        this.executor = new TaskExecutor(id, config.site().mips(), config.site().cores(), config.queueCapacity(),
                System::nanoTime, Pacer.parking(System::nanoTime), meter, handlers);
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "site-" + id + "-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.outages = new OutageController(monitor, this, scheduler, clock);
        SiteMetrics metrics = new SiteMetrics(id);
        this.service = new SiteService(config, monitor, executor, new IdempotencyCache(config.idempotencyCapacity()),
                meter, forecaster, clock, metrics);
        metrics.gauge("edgeoff.site.queue.length", "tasks waiting for a core", executor::queueLength);
        metrics.gauge("edgeoff.site.running.tasks", "tasks executing now", executor::running);
        metrics.gauge("edgeoff.site.outage.active", "1 while an injected outage is in progress",
                () -> outages.active().isPresent() ? 1 : 0);
        metrics.gauge("edgeoff.site.kernel.nanos.per.round", "measured time of one kernel round on this host, ns",
                () -> nanosPerRound);
        metrics.gauge("edgeoff.site.failure.records", "records in the failure file", () -> monitor.records().size());
        metrics.gauge("edgeoff.site.handler.runaway.calls", "handler calls stopped for their budget whose thread "
                + "did not end (in this process)", io.edgeoff.task.HandlerRunner::runawayCalls);
        metrics.gauge("edgeoff.site.host.mips", "the host's speed against which handler times are scaled, MIPS",
                () -> handlers.speed().hostMips());
        this.api = new SiteHttpApi(service, outages, metrics, clock);
        service.warmUp(); // trains the prediction engines before the site starts listening
        // started last, so that a constructor that fails leaves no export thread behind
        this.export = config.databaseUrl().map(url -> io.edgeoff.site.database.FailureEventExport.start(id, url,
                monitor::records, clock)).orElse(null);
        double cpuShare = nanosPerRound * ComputeKernel.ROUNDS_PER_MI * config.site().mips() / 1e9;
        LOG.info("site {}: {} MIPS x {} cores; kernel {} ns/round on this host, so real CPU work is {}% of a task's "
                        + "paced time", id, config.site().mips(), config.site().cores(),
                String.format("%.2f", nanosPerRound), String.format("%.0f", 100 * cpuShare));
        if (cpuShare > 1) {
            LOG.warn("site {}: measured at start-up, this host may not sustain {} MIPS with the kernel (busy or slow);"
                    + " tasks then take longer than MI/MIPS and executionMillis reports the real time",
                    id, config.site().mips());
        }
    }

    /**
     * The site's handlers: those of its class path (the built-in ones) and of {@code handlerPath}, run within the
     * configured budgets (output at most {@code maxOutKB}), timed against the configured or measured host speed.
     *
     * @throws IllegalArgumentException when a handler jar is missing or its handlers cannot be loaded
     */
    static HandlerExecution handlerExecution(SiteConfig config, double nanosPerRound) {
        HandlerSettings settings = config.handlers();
        HandlerRegistry registry = HandlerRegistry.load(settings.handlerPath(), SiteServer.class.getClassLoader());
        double hostMips = settings.hostMips() > 0 ? settings.hostMips() : SpeedEmulation.hostMipsOf(nanosPerRound);
        HandlerLimits limits = new HandlerLimits(settings.timeBudget(), settings.memoryBudgetBytes(),
                (int) Math.min(Integer.MAX_VALUE, Math.round(config.maxOutKB() * 1024)));
        SpeedEmulation speed = new SpeedEmulation(config.site().mips(), hostMips);
        LOG.info("site {}: handlers {}; host {} MIPS, rated {} MIPS: handler times x {} ({})", config.site().id(),
                registry.names(), String.format("%.0f", hostMips), config.site().mips(),
                String.format("%.3f", speed.factor()), speed.mode().wireName());
        return new HandlerExecution(registry, limits, speed, Pacer.parking(System::nanoTime), System::nanoTime);
    }

    /** Starts a site with the system clock; an injected crash halts the JVM. */
    public static SiteServer start(SiteConfig config) {
        return start(config, Clock.systemUTC(), code -> Runtime.getRuntime().halt(code), engineFor(config));
    }

    /** @return the prediction engine configured by {@code config} */
    public static AvailabilityForecaster engineFor(SiteConfig config) {
        return new ForecasterSet(config.predictorNames(), model -> new EngineForecaster(model, config.predictorSeed(),
                config.historySeries(), config.retrainEverySlots(), config.traceSlot()));
    }

    /**
     * Starts a site.
     *
     * @param halt        what a {@code crash} outage does (the real one: {@code Runtime.getRuntime()::halt})
     * @param forecaster  the prediction engine
     */
    public static SiteServer start(SiteConfig config, Clock clock, IntConsumer halt, AvailabilityForecaster forecaster) {
        SiteServer server = new SiteServer(config, clock, halt, forecaster);
        try {
            server.stayDownAfterCrash(clock);
            config.failureTrace().ifPresent(trace -> new TraceReplayer(trace, config.timeCompression(),
                    config.traceOutageMode(), server.outages, server.scheduler, clock).start(server.monitor));
            if (!server.outages.isIn(OutageMode.REFUSE)) {
                server.startListening();
            } else {
                LOG.info("site {} restarted inside a crash outage: not listening until it ends", config.site().id());
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Opens the listener. The first start fails loudly; a restart after a {@code refuse} outage that
     * fails (e.g. the port is briefly taken) is retried every second.
     */
    @Override
    public synchronized void startListening() {
        if (closed || stopping || http != null) {
            return;
        }
        boolean restart = boundPort != 0;
        int port = restart ? boundPort : config.port();
        try {
            http = api.start(config.bindHost(), port);
        } catch (RuntimeException e) {
            if (!restart) {
                throw e;
            }
            LOG.error("site {}: could not listen again on port {} ({}); retrying in 1 s", config.site().id(), port,
                    e.getMessage());
            scheduler.schedule(this::startListening, 1, java.util.concurrent.TimeUnit.SECONDS);
            return;
        }
        boundPort = http.port();
        LOG.info("site {} listening on http://{}:{}/v1", config.site().id(), config.bindHost(), boundPort);
    }

    @Override
    public synchronized void stopListening() {
        stopListening(false);
    }

    private synchronized void stopListening(boolean drain) {
        if (http != null) {
            try {
                SiteHttpApi.stop(http, drain);
            } catch (RuntimeException e) {
                // Jetty stops anyway and then reports that answers were still being written after the drain time.
                LOG.warn("site {}: requests still open after {} ms were cut off when the listener stopped ({})",
                        config.site().id(), SiteHttpApi.ANSWER_DRAIN.toMillis(),
                        e.getMessage());
            }
            http = null;
            LOG.info("site {} stopped listening", config.site().id());
        }
    }

    /**
     * When the previous run ended in an injected crash whose outage is not over yet, the site stays
     * down (not listening) for the rest of it, so a supervisor may restart the process at once.
     */
    private void stayDownAfterCrash(Clock clock) {
        monitor.previousRunLastRecord().filter(r -> r.type() == FailureEventType.OUTAGE_STARTED).ifPresent(r -> {
            var detail = Details.parse(r.detail());
            if (!"crash".equals(detail.get("mode"))) {
                return;
            }
            long millis;
            try {
                millis = Long.parseLong(detail.getOrDefault("durationMillis", "0"));
            } catch (NumberFormatException e) {
                return;
            }
            java.time.Duration left = java.time.Duration.between(clock.instant(), r.time().plusMillis(millis));
            if (left.toMillis() >= 1) {
                outages.inject(OutageMode.REFUSE, left, "crash-resume");
            }
        });
    }

    @Override
    public void crash(int exitCode) {
        LOG.warn("site {} crashing (injected outage), exit code {}", config.site().id(), exitCode);
        halt.accept(exitCode);
    }

    /** @return the writer of the failure events to the database, when {@code --db-url} is configured */
    public Optional<io.edgeoff.site.database.FailureEventExport> failureEventExport() {
        return Optional.ofNullable(export);
    }

    /** @return the port the site listens on (kept across refuse outages); 0 before it first listened */
    public synchronized int port() {
        return boundPort != 0 ? boundPort : config.port();
    }

    /** @return true while the HTTP listener is open */
    public synchronized boolean isListening() {
        return http != null;
    }

    public SiteConfig config() {
        return config;
    }

    public FailureMonitor monitor() {
        return monitor;
    }

    public OutageController outages() {
        return outages;
    }

    public SiteService service() {
        return service;
    }

    /** @return measured time of one kernel round on this host, ns */
    public double kernelNanosPerRound() {
        return nanosPerRound;
    }

    /** @return the active outage's mode, if any */
    public Optional<OutageMode> outageMode() {
        return outages.active().map(o -> o.mode());
    }

    /** Stops at once: {@link #shutdown} without a grace period (unfinished tasks are handed back). */
    @Override
    public void close() {
        shutdown(java.time.Duration.ZERO);
    }

    /**
     * Stops gracefully (what {@code SIGTERM} does): the site reports itself not ready and refuses new
     * tasks (503 with {@code Retry-After}), lets the tasks it holds finish for at most {@code grace},
     * answers each unfinished one with 503 {@code SITE_UNAVAILABLE} (handed back: the client may run it
     * elsewhere), waits up to {@link SiteHttpApi#ANSWER_DRAIN} for the answers being written, stops
     * listening and records a clean stop ({@code SITE_STOPPED}, with the counts) in the failure file.
     * A second call returns at once.
     *
     * @return the counts, or empty when the site was stopped already
     */
    public Optional<TaskExecutor.StopReport> shutdown(java.time.Duration grace) {
        synchronized (this) {
            if (closed || stopping) {
                return Optional.empty();
            }
            stopping = true;
        }
        service.startDraining();
        TaskExecutor.StopReport report;
        try {
            report = executor.stop(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.close();
            report = new TaskExecutor.StopReport(0, 0);
        }
        synchronized (this) {
            stopListening(true);
            closed = true;
        }
        scheduler.shutdownNow();
        executor.close();
        forecaster.close();
        monitor.close(Details.of("reason", "stop", "graceMillis", grace.toMillis(), "finished", report.finished(),
                "handedBack", report.handedBack()));
        if (export != null) {
            export.close(); // after the last record: what is pending is written once more
        }
        LOG.info("site {} stopped: {} tasks finished during the stop, {} handed back", config.site().id(),
                report.finished(), report.handedBack());
        return Optional.of(report);
    }
}
