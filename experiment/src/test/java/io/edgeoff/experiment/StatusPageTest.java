package io.edgeoff.experiment;

import io.edgeoff.common.cost.InputSource;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.FakeSite;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.InMemoryOutcomeSink;
import io.edgeoff.device.runtime.TaskOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusPageTest {
    private FakeSite ec;
    private FakeSite ed;
    private HttpSiteClient client;
    private FailureDetector detector;
    private ResourceMonitor monitor;
    private StatusPage page;

    @BeforeEach
    void start() throws Exception {
        ec = new FakeSite("EC", 8000, 0.9);
        ed = new FakeSite("ED", 5000, 0.97);
        client = new HttpSiteClient();
        List<SiteEndpoint> endpoints = List.of(ec.endpoint(), ed.endpoint());
        detector = new FailureDetector(endpoints, client, DetectorConfig.ofDefaults(), DeviceClock.SYSTEM);
        monitor = new ResourceMonitor(endpoints, client, Duration.ofSeconds(1), Duration.ofMillis(500),
                DeviceClock.SYSTEM);
        monitor.pollAll();
        detector.start();
        InMemoryOutcomeSink outcomes = new InMemoryOutcomeSink();
        TaskOutcome task = new TaskOutcome("r", "mdp", 3, "CHESS", 2, "COMPUTE_MOVE", 2, "ED", true,
                List.of(new Attempt(1, "EC", FailureKind.REFUSED, "", 0.01, 0.01),
                        new Attempt(2, "ED", null, "", 0.2, 0.1, new PlanningInputs(List.of(new SiteInputs("ED", 31.5,
                                InputSource.MEASURED, 2500, InputSource.PRIOR, 4, InputSource.MEASURED))))),
                0.21, 0.11);
        outcomes.task(task);
        Timeline timeline = new Timeline("MD");
        timeline.outage("EC", 0, 5, "refuse");
        timeline.task(task);
        page = new StatusPage(0);
        page.live(new StatusPage.Live(detector, monitor, outcomes, timeline, List.of("mdp"), List.of("EC", "ED")));
        page.progress("4/10 executions");
        ec.crash();
        await().atMost(Duration.ofSeconds(60)).until(() -> detector.isSuspected("EC"));
    }

    @AfterEach
    void stop() {
        page.close();
        detector.close();
        monitor.close();
        client.close();
        ed.close();
    }

    @Test
    void everySiteHasItsTimelineChartAsItGrows() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + page.port() + "/timeline/EC.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + page.port() + "/timeline/XX.png")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + page.port() + "/status.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.get("timelines")).extracting(JsonNode::asText)
                .containsExactly("/timeline/EC.png", "/timeline/ED.png");
        assertThat(StatusPage.PAGE).contains("id=\"timelines\"", "dataset.src");
    }

    @Test
    void statusJsonShowsSitesSuspicionsPredictionsAndDecisions() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + page.port() + "/status.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.get("progress").asText()).isEqualTo("4/10 executions");
        assertThat(json.at("/sites/0/site").asText()).isEqualTo("EC");
        assertThat(json.at("/sites/0/suspected").asBoolean()).isTrue();
        assertThat(json.at("/sites/1/suspected").asBoolean()).isFalse();
        assertThat(json.at("/sites/1/predictedAvailability").asDouble()).isEqualTo(0.97);
        assertThat(json.at("/tasks/0/site").asText()).isEqualTo("ED");
        assertThat(json.at("/tasks/0/failed").asText()).isEqualTo("EC:REFUSED");
        assertThat(json.get("failedAttempts").asLong()).isEqualTo(1);
        assertThat(json.at("/tasks/0/plannedWith").asText())
                .isEqualTo("ED 31.5 ms (measured), 2500 KB/s (prior), queue 4.0 ms (measured)");
    }

    @Test
    void thePageRendersTheLiveStateInHeadlessChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "Debian chromium is not installed");

        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--virtual-time-budget=3000", "--dump-dom",
                "http://127.0.0.1:" + page.port() + "/").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(dom).contains("4/10 executions");
        assertThat(dom).containsPattern("<tr class=\"down\"><td>EC</td><td>SUSPECTED</td>");
        assertThat(dom).containsPattern("<tr class=\"up\"><td>ED</td><td>up</td>");
        assertThat(dom).contains("CHESS/COMPUTE_MOVE", "EC:REFUSED");
    }
}
