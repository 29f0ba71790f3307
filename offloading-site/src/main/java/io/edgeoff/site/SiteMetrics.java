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
