package io.edgeoff.device.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.decision.Decision;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.detector.SuspicionEpisode;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.TaskOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the device's metrics count, and that the server serves them. */
class DeviceMetricsTest {
    private static final List<String> SITES = List.of("MD", "ED", "EC", "ER", "CD");

    @Test
    void outcomesDecisionsAndSuspicionsAreCountedUnderTheirPolicyAndSite() throws Exception {
        AtomicLong nanos = new AtomicLong();
        DeviceMetrics metrics = new DeviceMetrics(List.of("mdp"), SITES, nanos::get);
        OffloadingPolicy policy = metrics.timed(new OffloadingPolicy() {
            @Override
            public String name() {
                return "mdp";
            }

            @Override
            public Decision decide(io.edgeoff.decision.DecisionRequest request) {
                nanos.addAndGet(3_000_000); // the decision takes 3 ms of the injected clock
                return new Decision(2, 0.1, 0.2);
            }
        });

        policy.decide(null);
        TaskOutcome task = new TaskOutcome("r", "mdp", 0, "APP", 0, "T", 3, "ER", true, List.of(
                new Attempt(2, "EC", FailureKind.REFUSED, "refused", 0.01, 0.001),
                new Attempt(3, "ER", null, "", 0.2, 0.02)), 0.25, 0.021);
        metrics.task(task);
        metrics.execution(new ExecutionResult("r", "mdp", 0, "APP", 0.5, 0.4, List.of(task)));
        metrics.suspected("EC", "REFUSED");
        SuspicionEpisode episode = new SuspicionEpisode("EC", Instant.EPOCH, "REFUSED", 120, 900, true, false);
        DetectionStats stats = new DetectionStats(List.of(episode), Map.of("EC", 1), 0);
        metrics.detection("r1", stats);
        metrics.detection("r2", stats); // handed over once per policy: counted once

        String scrape = metrics.scrape();
        assertThat(scrape)
                .contains("edgeoff_device_decisions_total{policy=\"mdp\",site=\"EC\"} 1.0")
                .contains("edgeoff_device_decisions_total{policy=\"mdp\",site=\"ED\"} 0.0")
                .contains("edgeoff_device_decision_seconds_count{policy=\"mdp\"} 1")
                .contains("edgeoff_device_decision_seconds_sum{policy=\"mdp\"} 0.003")
                .contains("edgeoff_device_attempts_total{policy=\"mdp\",result=\"failed\",site=\"EC\"} 1.0")
                .contains("edgeoff_device_attempts_total{policy=\"mdp\",result=\"succeeded\",site=\"ER\"} 1.0")
                .contains("edgeoff_device_offload_failures_total{cause=\"REFUSED\",policy=\"mdp\",site=\"EC\"} 1.0")
                .contains("edgeoff_device_tasks_total{outcome=\"completed\",policy=\"mdp\"} 1.0")
                .contains("edgeoff_device_tasks_total{outcome=\"lost\",policy=\"mdp\"} 0.0")
                .contains("edgeoff_device_task_response_seconds_bucket{policy=\"mdp\",le=\"0.5\"} 1")
                .contains("edgeoff_device_task_response_seconds_bucket{policy=\"mdp\",le=\"0.1\"} 0")
                .contains("edgeoff_device_execution_response_seconds_count{policy=\"mdp\"} 1")
                .contains("edgeoff_device_energy_joules_total{policy=\"mdp\"} 0.4")
                .contains("edgeoff_device_suspicions_total{cause=\"REFUSED\",site=\"EC\"} 1.0")
                .contains("edgeoff_device_detection_latency_seconds_count{site=\"EC\"} 1")
                .contains("edgeoff_device_detection_latency_seconds_bucket{site=\"EC\",le=\"0.25\"} 1")
                .contains("edgeoff_device_detection_latency_seconds_bucket{site=\"EC\",le=\"0.1\"} 0")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void theServerAnswersAScrapeWithThePrometheusTextFormat() throws Exception {
        DeviceMetrics metrics = new DeviceMetrics(List.of("local"), SITES, System::nanoTime);
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, metrics::scrape)) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/plain; version=0.0.4"));
            assertThat(answer.body()).contains("edgeoff_device_tasks_total{outcome=\"completed\",policy=\"local\"} 0.0");
        }
    }
}
