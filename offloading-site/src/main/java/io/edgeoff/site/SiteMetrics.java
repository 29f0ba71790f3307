package io.edgeoff.site;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The site's Prometheus metrics (served at {@code GET /v1/metrics}). Names start with {@code edgeoff_site_}. */
public final class SiteMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> taskOutcomes = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> responses = new ConcurrentHashMap<>();
    private final Timer queueWait;
    private final Timer execution;
    private final String siteId;

    public SiteMetrics(String siteId) {
        this.siteId = siteId;
        // JVM and process metrics (jvm_*, process_*, system_*), labelled with the site like the rest
        registry.config().commonTags("site", siteId);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.FileDescriptorMetrics().bindTo(registry);
        for (String route : ROUTES) {
            requestTimer(route);
        }
        this.queueWait = Timer.builder("edgeoff.site.task.queue.wait").description("time tasks waited for a core")
                .tag("site", siteId).register(registry);
        this.execution = Timer.builder("edgeoff.site.task.execution")
                .description("time from start of execution to result (paced to the rated MIPS)").tag("site", siteId)
                .register(registry);
    }

    /** Counts a task outcome: {@code executed}, {@code replayed}, {@code rejected}, {@code failed}, {@code invalid}. */
    public void taskOutcome(String outcome) {
        taskOutcomes.computeIfAbsent(outcome, o -> Counter.builder("edgeoff.site.tasks").tag("site", siteId)
                .tag("outcome", o).description("task requests by outcome").register(registry)).increment();
    }

    /** Routes of {@code edgeoff_site_http_request_seconds}; any other path counts as {@code other}. */
    public static final java.util.List<String> ROUTES = java.util.List.of("POST /v1/tasks", "GET /v1/health",
            "GET /v1/health/live", "GET /v1/resources", "GET /v1/availability", "GET /v1/metrics",
            "POST /v1/admin/outages", "GET /v1/admin/outages", "GET /v1/admin/failure-events", "other");

    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

    /**
     * Records the latency of one answered request, from its arrival at the connector to its answer,
     * in {@code edgeoff_site_http_request_seconds{route}} (a histogram: buckets from 1 ms to 60 s).
     *
     * @param route  method and path, e.g. {@code POST /v1/tasks}; one not in {@link #ROUTES} counts as {@code other}
     */
    public void request(String route, long nanos) {
        requestTimer(ROUTES.contains(route) ? route : "other").record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    private Timer requestTimer(String route) {
        return requestTimers.computeIfAbsent(route, r -> Timer.builder("edgeoff.site.http.request")
                .description("time from a request's arrival to its answer").tag("route", r)
                .serviceLevelObjectives(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(5),
                        java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(25),
                        java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(100),
                        java.time.Duration.ofMillis(250), java.time.Duration.ofMillis(500),
                        java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10),
                        java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60))
                .register(registry));
    }

    /** Counts an HTTP response by status code. */
    public void response(int status) {
        responses.computeIfAbsent(status, s -> Counter.builder("edgeoff.site.http.responses").tag("site", siteId)
                .tag("status", Integer.toString(s)).description("HTTP responses by status").register(registry))
                .increment();
    }

    public void executed(long queueWaitNanos, long executionNanos) {
        queueWait.record(queueWaitNanos, TimeUnit.NANOSECONDS);
        execution.record(executionNanos, TimeUnit.NANOSECONDS);
    }

    /** Registers a gauge read on every scrape. */
    public void gauge(String name, String description, java.util.function.Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).tag("site", siteId)
                .register(registry);
    }

    /** @return the Prometheus text exposition */
    public String scrape() {
        return registry.scrape();
    }
}
