package io.edgeoff.device.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgeoff.common.testing.Measurements;
import io.edgeoff.device.FakeSite;
import io.edgeoff.siteapi.TaskRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSiteClientTest {
    private FakeSite site;
    private HttpSiteClient client;

    @BeforeEach
    void start() throws Exception {
        site = new FakeSite("EC", 8000, 0.9);
        client = new HttpSiteClient();
    }

    @AfterEach
    void stop() {
        site.close();
        client.close();
    }

    private static TaskRequest task(String key) {
        return new TaskRequest(key, "COMPARE", "DI", 80, 6, new byte[2048]);
    }

    @Test
    void sendsATaskAndDecodesTheReply() throws Exception {
        OffloadResult result = client.submit(site.endpoint(), task("run/0/3"), Duration.ofSeconds(2)).get();

        assertThat(result).isInstanceOfSatisfying(OffloadResult.Completed.class, c -> {
            assertThat(c.reply().siteId()).isEqualTo("EC");
            assertThat(c.reply().idempotencyKey()).isEqualTo("run/0/3");
            assertThat(c.reply().output()).hasSize(6 * 1024);
            assertThat(c.reply().executionMillis()).isEqualTo(10.0);
        });
    }

    @Test
    void aClosedPortIsAConnectionRefusal() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SiteEndpoint gone = new SiteEndpoint("EC", URI.create("http://127.0.0.1:" + port), "secret");

        OffloadResult result = client.submit(gone, task("k"), Duration.ofSeconds(2)).get();

        assertThat(result).isEqualTo(new OffloadResult.Failed(FailureKind.REFUSED, ((OffloadResult.Failed) result).detail()));
        assertThat(client.health(gone, Duration.ofSeconds(1)).get().failure()).isEqualTo(FailureKind.REFUSED);
    }

    @Test
    void a503IsAServerError() throws Exception {
        site.mode(FakeSite.Mode.ERROR);

        OffloadResult result = client.submit(site.endpoint(), task("k"), Duration.ofSeconds(2)).get();

        assertThat(((OffloadResult.Failed) result).kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(((OffloadResult.Failed) result).detail()).contains("503", "UNAVAILABLE");
    }

    @Test
    void aSiteThatDoesNotAnswerBeforeTheDeadlineTimesOut() throws Exception {
        site.mode(FakeSite.Mode.HANG);

        long start = System.nanoTime();
        OffloadResult result = client.submit(site.endpoint(), task("k"), Duration.ofMillis(200)).get(60, TimeUnit.SECONDS);
        double elapsedMillis = (System.nanoTime() - start) / 1e6;

        Measurements.record("http-client-200ms-deadline", Map.of("deadlineMillis", 200, "elapsedMillis", elapsedMillis));
        assertThat(((OffloadResult.Failed) result).kind()).isEqualTo(FailureKind.TIMEOUT);
        // the deadline is a floor; how far past it the failure arrives depends on the machine's load
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(150.0);
    }

    @Test
    void aBadTokenIsARejection() throws Exception {
        SiteEndpoint wrong = new SiteEndpoint("EC", site.endpoint().baseUri(), "wrong");

        OffloadResult result = client.submit(wrong, task("k"), Duration.ofSeconds(2)).get();

        assertThat(((OffloadResult.Failed) result).kind()).isEqualTo(FailureKind.REJECTED);
    }

    @Test
    void readsResourcesAndTheAvailabilityForecast() {
        assertThat(client.resources(site.endpoint(), Duration.ofSeconds(1))).hasValueSatisfying(r -> {
            assertThat(r.mips()).isEqualTo(8000.0);
            assertThat(r.cores()).isEqualTo(4);
        });
        assertThat(client.availability(site.endpoint(), 1, Duration.ofSeconds(1))).hasValueSatisfying(a -> {
            assertThat(a.nextSlot()).isEqualTo(0.9);
            assertThat(a.mtbfHours()).isEqualTo(100.0);
        });
    }

    @Test
    void anAnswerThatIsNotTheContractsRecordIsAServerErrorNamingTheField() throws Exception {
        HttpServer odd = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        odd.createContext("/v1/tasks", ex -> send(ex, "{\"idempotencyKey\":\"k\",\"siteId\":\"EC\",\"outputBase64\":\"\","
                + "\"queueWaitMillis\":-1,\"executionMillis\":1,\"replayed\":false}"));
        odd.createContext("/v1/health", ex -> send(ex, "{\"siteId\":\"EC\",\"status\":\"MAYBE\",\"ready\":true}"));
        odd.createContext("/v1/resources", ex -> send(ex, "{\"siteId\":\"EC\",\"mips\":1000}"));
        odd.start();
        try {
            SiteEndpoint endpoint = new SiteEndpoint("EC", URI.create("http://127.0.0.1:" + odd.getAddress().getPort()),
                    "secret");

            OffloadResult result = client.submit(endpoint, task("k"), Duration.ofSeconds(2)).get();
            HealthReply health = client.health(endpoint, Duration.ofSeconds(2)).get();

            assertThat(result).isInstanceOfSatisfying(OffloadResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.SERVER_ERROR);
                assertThat(f.detail()).contains("unreadable task reply", "queueWaitMillis");
            });
            assertThat(health.up()).isFalse();
            assertThat(health.detail()).contains("status");
            assertThat(client.resources(endpoint, Duration.ofSeconds(2))).isEmpty();
        } finally {
            odd.stop(0);
        }
    }

    @Test
    void aHandlerThatGaveNoOutputIsItsOwnFailureKindWithTheSitesCode() throws Exception {
        HttpServer handlerSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        handlerSite.createContext("/v1/tasks", ex -> {
            boolean unknown = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"nope\"");
            send(ex, unknown ? 400 : 422, unknown ? "{\"code\":\"UNKNOWN_HANDLER\",\"message\":\"unknown handler 'nope'\"}"
                    : "{\"code\":\"HANDLER_TIMEOUT\",\"message\":\"handler 'chess' ran longer than its time budget\"}");
        });
        handlerSite.start();
        try {
            SiteEndpoint endpoint = new SiteEndpoint("EC", URI.create("http://127.0.0.1:"
                    + handlerSite.getAddress().getPort()), "secret");
            TaskRequest chess = new TaskRequest("k1", "COMPUTE_MOVE", "CI", 0, 0, new byte[1], "chess", java.util.Map.of());
            TaskRequest nope = new TaskRequest("k2", "COMPUTE_MOVE", "CI", 0, 0, new byte[1], "nope", java.util.Map.of());

            OffloadResult timedOut = client.submit(endpoint, chess, Duration.ofSeconds(5)).get();
            OffloadResult unknown = client.submit(endpoint, nope, Duration.ofSeconds(5)).get();

            assertThat(timedOut).isInstanceOfSatisfying(OffloadResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.HANDLER_FAILED);
                assertThat(f.kind().isHardEvidence()).isFalse();
                assertThat(f.detail()).isEqualTo("HTTP 422 HANDLER_TIMEOUT: handler 'chess' ran longer than its time budget");
            });
            assertThat(unknown).isInstanceOfSatisfying(OffloadResult.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.HANDLER_FAILED));
        } finally {
            handlerSite.stop(0);
        }
    }

    private static void send(HttpExchange ex, String body) throws java.io.IOException {
        send(ex, 200, body);
    }

    private static void send(HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
