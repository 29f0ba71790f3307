package io.edgeoff.site.injection;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.get;
import static io.edgeoff.site.TestSites.post;
import static io.edgeoff.site.TestSites.task;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureRecord;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each outage mode, injected through the admin endpoint or a replayed trace, as a client observes it. */
class OutageModesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient client = TestSites.client();

    @Test
    void errorModeAnswers503WithRetryAfterUntilTheOutageEnds() throws Exception {
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            HttpResponse<String> injected = inject(server, "error", 6000); // long enough that a load stall cannot let it end before the probes

            HttpResponse<String> taskDuring = post(client, uri(server, "/v1/tasks"), task("e1", "R", 1, 1, ""), TOKEN);
            HttpResponse<String> healthDuring = get(client, uri(server, "/v1/health"), null);

            assertThat(injected.statusCode()).isEqualTo(202);
            assertThat(taskDuring.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(taskDuring.body()).get("code").asText()).isEqualTo("SITE_UNAVAILABLE");
            assertThat(taskDuring.headers().firstValue("Retry-After")).isPresent();
            assertThat(healthDuring.statusCode()).isEqualTo(503);
            assertThat(healthDuring.body()).isEqualTo("{\"siteId\":\"EC\",\"status\":\"DOWN\",\"ready\":false}");
            assertThat(get(client, uri(server, "/v1/health/live"), null).statusCode()).as("alive, not ready")
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(client, uri(server, "/v1/health"), null)
                    .statusCode() == 200);
            assertThat(post(client, uri(server, "/v1/tasks"), task("e2", "R", 1, 1, ""), TOKEN).statusCode())
                    .isEqualTo(200);
            assertOutageRecorded(server, "error");
        }
    }

    @Test
    void hangModeAcceptsRequestsAndNeverAnswersDuringTheOutage() throws Exception {
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            inject(server, "hang", 8000); // long enough that the 700 ms probe is sent while it lasts, also under load

            HttpRequest health = HttpRequest.newBuilder(uri(server, "/v1/health")).timeout(Duration.ofMillis(700)).build();

            assertThatThrownBy(() -> client.send(health, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(client, uri(server, "/v1/health"), null)
                    .statusCode() == 200);
            assertOutageRecorded(server, "hang");
        }
    }

    @Test
    void refuseModeStopsListeningAndListensAgainOnTheSamePort() throws Exception {
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            int port = server.port();
            inject(server, "refuse", 6000);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThatThrownBy(() -> get(client, uri(port, "/v1/health"), null))
                            .isInstanceOf(ConnectException.class));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    get(client, uri(port, "/v1/health"), null).statusCode() == 200);
            assertThat(server.port()).isEqualTo(port);
            assertOutageRecorded(server, "refuse");
        }
    }

    @Test
    void crashModeInvokesTheHaltAfterRecordingTheOutage() throws Exception {
        List<Integer> halts = new CopyOnWriteArrayList<>();
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build(), Clock.systemUTC(), halts::add,
                SiteServer.engineFor(TestSites.fastSite(dir).build()))) {
            HttpResponse<String> injected = inject(server, "crash", 1000);

            await().atMost(Duration.ofSeconds(60)).until(() -> !halts.isEmpty());

            assertThat(injected.statusCode()).isEqualTo(202);
            assertThat(halts).containsExactly(OutageMode.CRASH_EXIT_CODE);
            assertThat(server.monitor().records()).anySatisfy(r -> assertThat(r.detail()).contains("mode=crash"));
        }
    }

    @Test
    void aSecondOutageWhileOneIsInProgressIsAConflictAndBadOutagesAre400() throws Exception {
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            inject(server, "error", 1000);

            HttpResponse<String> second = inject(server, "hang", 1000);
            HttpResponse<String> badMode = post(client, uri(server, "/v1/admin/outages"),
                    "{\"mode\":\"explode\",\"durationMillis\":10}", TOKEN);
            HttpResponse<String> badDuration = post(client, uri(server, "/v1/admin/outages"),
                    "{\"mode\":\"error\",\"durationMillis\":-3}", TOKEN);

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(second.body()).get("code").asText()).isEqualTo("OUTAGE_IN_PROGRESS");
            assertThat(badMode.statusCode()).isEqualTo(400);
            assertThat(badMode.body()).contains("unknown outage mode 'explode'");
            assertThat(badDuration.statusCode()).isEqualTo(400);
            assertThat(badDuration.body()).contains("durationMillis must be in [1, 86400000], but was -3.0");
        }
    }

    @Test
    void aReplayedTraceInjectsItsOutagesCompressedInTime() throws Exception {
        // Trace time: an error outage from 1 h to 7 h; compressed 3600x it starts after 1 s and lasts 6 s (long
        // enough that polling sees it also when load stalls the test for a few seconds).
        OutageTrace trace = OutageTrace.parseCsv(List.of("startOffsetSeconds,durationSeconds,mode", "3600,21600,error"),
                "test-trace");
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).failureTrace(trace).timeCompression(3600)
                .build())) {
            assertThat(get(client, uri(server, "/v1/health"), null).statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(60)).until(() -> get(client, uri(server, "/v1/health"), null)
                    .statusCode() == 503);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(client, uri(server, "/v1/health"), null)
                    .statusCode() == 200);

            assertThat(server.monitor().records()).extracting(FailureRecord::type)
                    .contains(FailureEventType.REPLAY_STARTED, FailureEventType.OUTAGE_STARTED,
                            FailureEventType.OUTAGE_ENDED);
            JsonNode availability = JSON.readTree(get(client, uri(server, "/v1/availability?slots=2"), null).body());
            assertThat(availability.get("slotSeconds").asDouble()).isEqualTo(24.0);
        }
    }

    private HttpResponse<String> inject(SiteServer server, String mode, int millis) throws Exception {
        return post(client, uri(server, "/v1/admin/outages"), "{\"mode\":\"" + mode + "\",\"durationMillis\":" + millis
                + "}", TOKEN);
    }

    private void assertOutageRecorded(SiteServer server, String mode) throws Exception {
        JsonNode events = JSON.readTree(get(client, uri(server, "/v1/admin/failure-events"), TOKEN).body())
                .get("events");
        List<String> lines = new java.util.ArrayList<>();
        events.forEach(e -> lines.add(e.get("type").asText() + " " + e.get("detail").asText()));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("OUTAGE_STARTED mode=" + mode));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("OUTAGE_ENDED mode=" + mode));
    }
}
