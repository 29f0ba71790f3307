package io.edgeoff.site.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar as a running service: real probes of a real HTTP endpoint on loopback, its own health endpoint. */
class SidecarServiceTest {
    @TempDir
    Path dir;

    @Test
    void recordsAnEndpointThatStopsAnsweringAndServesItsOwnHealth() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        site.createContext("/v1/health/live", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        site.start();
        URI url = URI.create("http://127.0.0.1:" + site.getAddress().getPort() + "/v1/health/live");
        SidecarService.Options options = new SidecarService.Options(dir, url, Duration.ofMillis(50),
                Duration.ofMillis(1000), false, 0, "127.0.0.1");

        try (SidecarService service = SidecarService.start(options, Clock.systemUTC())) {
            service.siteSeen().get();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.healthPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            site.stop(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> !SidecarMonitor.readRecords(dir).isEmpty());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(service.recordsDirectory()).isEqualTo(dir.resolve(SidecarMonitor.DIRECTORY));
        }
        FailureRecord started = SidecarMonitor.readRecords(dir).get(0);
        assertThat(started.type()).isEqualTo(FailureEventType.OUTAGE_STARTED);
        assertThat(Details.parse(started.detail())).containsEntry("source", "sidecar").containsEntry("mode", "crash");
    }

    @Test
    void badOptionsNameTheFlagAndASecondSidecarIsRefused() throws Exception {
        URI url = URI.create("http://127.0.0.1:9/v1/health/live");

        assertThatThrownBy(() -> new SidecarService.Options(dir, url, Duration.ofMillis(10), Duration.ofSeconds(1),
                false, null, "0.0.0.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--poll-millis must be in [50, 60000], but was 10");
        assertThatThrownBy(() -> new SidecarService.Options(dir, URI.create("ftp://x/"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), false, null, "0.0.0.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--url must be an http:// or https:// URL, but was ftp://x/");
        SidecarService.Options options = new SidecarService.Options(dir, url, Duration.ofSeconds(1),
                Duration.ofSeconds(1), false, null, "0.0.0.0");
        try (SidecarService first = SidecarService.start(options, Clock.systemUTC())) {
            assertThatThrownBy(() -> SidecarService.start(options, Clock.systemUTC()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another failure monitor");
            assertThat(first.healthPort()).isEqualTo(-1);
        }
    }
}
