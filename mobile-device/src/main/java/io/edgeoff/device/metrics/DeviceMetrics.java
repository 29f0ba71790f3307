package io.edgeoff.device.metrics;

import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.detector.SuspicionEpisode;
import io.edgeoff.device.detector.SuspicionListener;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.OutcomeSink;
import io.edgeoff.device.runtime.TaskOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The device's Prometheus metrics. Names start with {@code edgeoff_device_}; every series has a
 * {@code policy} and/or {@code site} label. Every counter and histogram of the configured policies and
 * sites exists from the start (at zero), so a dashboard finds its series before the first task.
 *
 * <ul>
 *   <li>{@code edgeoff_device_decisions_total{policy,site}}: placements the policy chose (first
 *       decisions and re-decisions after a failure);</li>
 *   <li>{@code edgeoff_device_decision_seconds{policy}}: time the policy took to decide (histogram);</li>
 *   <li>{@code edgeoff_device_attempts_total{policy,site,result}}: attempts, {@code succeeded} or {@code failed};</li>
 *   <li>{@code edgeoff_device_offload_failures_total{policy,site,cause}}: failed attempts by
 *       {@link FailureKind};</li>
 *   <li>{@code edgeoff_device_tasks_total{policy,outcome}}: tasks {@code completed} or {@code lost};</li>
 *   <li>{@code edgeoff_device_task_response_seconds{policy}} and
 *       {@code edgeoff_device_execution_response_seconds{policy}}: response time of a task (ready to done,
 *       every attempt) and of a whole application execution (histograms);</li>
 *   <li>{@code edgeoff_device_energy_joules_total{policy}}: device energy;</li>
 *   <li>{@code edgeoff_device_suspicions_total{site,cause}}: suspicions the failure detector raised (live);</li>
 *   <li>{@code edgeoff_device_detection_latency_seconds{site}}: time from a site's last sign of life to its
 *       suspicion (histogram; recorded when the detector's data is handed over at the end of a run);</li>
 *   <li>JVM and process metrics ({@code jvm_*}, {@code process_*}, {@code system_*}).</li>
 * </ul>
 */
public final class DeviceMetrics implements OutcomeSink, SuspicionListener {
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<String> siteIds;
    private final LongSupplier nanoTime;
    private final Set<SuspicionEpisode> recordedEpisodes = ConcurrentHashMap.newKeySet();

    /**
     * @param policies  names of the policies that will run (their series exist from the start)
     * @param siteIds   site ids in scenario order (index = {@code Decision.siteIndex()})
     * @param nanoTime  monotonic time source for decision latency, ns
     */
    public DeviceMetrics(List<String> policies, List<String> siteIds, LongSupplier nanoTime) {
        this.siteIds = List.copyOf(siteIds);
        this.nanoTime = nanoTime;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (String policy : policies) {
            decisionTimer(policy);
            taskResponse(policy);
            executionResponse(policy);
            energy(policy);
            tasks(policy, "completed");
            tasks(policy, "lost");
            for (String site : siteIds) {
                decisions(policy, site);
                attempts(policy, site, "succeeded");
                attempts(policy, site, "failed");
            }
        }
        for (String site : siteIds) {
            detectionLatency(site);
            for (String cause : SUSPICION_CAUSES) {
                suspicions(site, cause);
            }
            for (String policy : policies) {
                for (FailureKind kind : FailureKind.values()) {
                    failures(policy, site, kind.name());
                }
            }
        }
    }

    /** Causes of a suspicion: a failure kind (hard evidence) or {@code SILENCE}. */
    private static final List<String> SUSPICION_CAUSES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(FailureKind.values()).map(FailureKind::name), java.util.stream.Stream.of("SILENCE"))
            .toList();

    private Counter suspicions(String site, String cause) {
        return Counter.builder("edgeoff.device.suspicions").description("suspicions the failure detector raised")
                .tag("site", site).tag("cause", cause).register(registry);
    }

    private Counter failures(String policy, String site, String cause) {
        return Counter.builder("edgeoff.device.offload.failures").description("failed attempts by cause")
                .tag("policy", policy).tag("site", site).tag("cause", cause).register(registry);
    }

    /** @return {@code policy}, timed and counted in {@code edgeoff_device_decision_seconds} and {@code _decisions_total} */
    public OffloadingPolicy timed(OffloadingPolicy policy) {
        Timer timer = decisionTimer(policy.name());
        return new OffloadingPolicy() {
            @Override
            public String name() {
                return policy.name();
            }

            @Override
            public Decision decide(DecisionRequest request) {
                long start = nanoTime.getAsLong();
                Decision decision = policy.decide(request);
                timer.record(nanoTime.getAsLong() - start, TimeUnit.NANOSECONDS);
                decisions(policy.name(), siteId(decision.siteIndex())).increment();
                return decision;
            }
        };
    }

    @Override
    public void task(TaskOutcome outcome) {
        String policy = outcome.policy();
        tasks(policy, outcome.completed() ? "completed" : "lost").increment();
        taskResponse(policy).record(ofSeconds(outcome.seconds()));
        for (Attempt a : outcome.attempts()) {
            attempts(policy, a.siteId(), a.succeeded() ? "succeeded" : "failed").increment();
            if (!a.succeeded()) {
                failures(policy, a.siteId(), a.failure().name()).increment();
            }
        }
    }

    @Override
    public void execution(ExecutionResult result) {
        executionResponse(result.policy()).record(ofSeconds(result.responseSeconds()));
        energy(result.policy()).increment(result.energyJoules());
    }

    /** Records the detection latency of every suspicion episode not recorded yet (the same stats come once per policy). */
    @Override
    public void detection(String runId, DetectionStats stats) {
        for (SuspicionEpisode e : stats.episodes()) {
            if (recordedEpisodes.add(e)) {
                detectionLatency(e.siteId()).record(Duration.ofNanos(Math.round(e.detectionLatencyMillis() * 1e6)));
            }
        }
    }

    @Override
    public void suspected(String siteId, String cause) {
        suspicions(siteId, cause).increment();
    }

    /** @return the Prometheus text exposition */
    public String scrape() {
        return registry.scrape();
    }

    private String siteId(int index) {
        return index >= 0 && index < siteIds.size() ? siteIds.get(index) : Integer.toString(index);
    }

    private Timer decisionTimer(String policy) {
        return Timer.builder("edgeoff.device.decision").description("time a policy took to decide")
                .tag("policy", policy).serviceLevelObjectives(
                        Duration.ofNanos(100_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(5),
                        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500))
                .register(registry);
    }

    private Counter decisions(String policy, String site) {
        return Counter.builder("edgeoff.device.decisions").description("placements chosen, by policy and site")
                .tag("policy", policy).tag("site", site).register(registry);
    }

    private Counter attempts(String policy, String site, String result) {
        return Counter.builder("edgeoff.device.attempts").description("task attempts by site and result")
                .tag("policy", policy).tag("site", site).tag("result", result).register(registry);
    }

    private Counter tasks(String policy, String outcome) {
        return Counter.builder("edgeoff.device.tasks").description("tasks by final outcome")
                .tag("policy", policy).tag("outcome", outcome).register(registry);
    }

    private Timer taskResponse(String policy) {
        return Timer.builder("edgeoff.device.task.response")
                .description("task response time, ready to done over every attempt").tag("policy", policy)
                .serviceLevelObjectives(seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30)).register(registry);
    }

    private Timer executionResponse(String policy) {
        return Timer.builder("edgeoff.device.execution.response").description("application response time")
                .tag("policy", policy).serviceLevelObjectives(seconds(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60))
                .register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] d = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return d;
    }

    private static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private Counter energy(String policy) {
        return Counter.builder("edgeoff.device.energy").baseUnit("joules").description("device energy")
                .tag("policy", policy).register(registry);
    }

    private Timer detectionLatency(String site) {
        return Timer.builder("edgeoff.device.detection.latency")
                .description("time from a site's last sign of life to its suspicion").tag("site", site)
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }
}
