package io.edgeoff.site.http;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.get;
import static io.edgeoff.site.TestSites.post;
import static io.edgeoff.site.TestSites.task;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and silent clients on real sockets against a real site: an error answer never waits for a
 * body nobody wants, and a connection that stops sending is closed by the idle timeout.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SlowClientTest {
    /** Well above Jetty's server threads (Javalin's pool has at most 250), so one blocked thread each would starve the site. */
    private static final int DRIPPING_CLIENTS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void drippingUnauthenticatedClientsDoNotStopHealthOrAnAuthenticatedTask() throws Exception {
        List<Socket> drippers = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            for (int i = 0; i < DRIPPING_CLIENTS; i++) {
                Socket s = RawHttp.connect(server.port(), 15_000);
                s.getOutputStream().write(RawHttp.ascii("POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 4000000\r\n\r\n{"));
                drippers.add(s);
            }
            drip.scheduleAtFixedRate(() -> drippers.forEach(SlowClientTest::sendOneByte), 0, 1, TimeUnit.SECONDS);
            HttpClient client = TestSites.client();

            int health = get(client, uri(server, "/v1/health"), null).statusCode();
            int taskStatus = post(client, uri(server, "/v1/tasks"), task("while-dripping", "R", 1, 1, ""), TOKEN)
                    .statusCode();

            assertThat(health).isEqualTo(200);
            assertThat(taskStatus).isEqualTo(200);
            for (Socket s : drippers) {
                RawHttp.Answer answer = RawHttp.read(s.getInputStream());
                assertThat(answer).as("an answer without the rest of the body").isNotNull();
                assertThat(answer.status()).isEqualTo(401);
                assertThat(JSON.readTree(answer.body()).get("code").asText()).isEqualTo("UNAUTHORIZED");
                assertThat(answer.closes()).as("Connection: close instead of draining").isTrue();
                assertThat(RawHttp.closedByServer(s)).isTrue();
            }
        } finally {
            drip.shutdownNow();
            for (Socket s : drippers) {
                s.close();
            }
        }
    }

    @Test
    void drippingAuthenticatedAdminBodiesDoNotHoldServerThreads() throws Exception {
        List<Socket> drippers = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            for (int i = 0; i < DRIPPING_CLIENTS; i++) {
                Socket s = RawHttp.connect(server.port(), 15_000);
                s.getOutputStream().write(RawHttp.ascii("POST /v1/admin/outages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{"));
                drippers.add(s);
            }
            drip.scheduleAtFixedRate(() -> drippers.forEach(SlowClientTest::sendOneByte), 0, 1, TimeUnit.SECONDS);
            HttpClient client = TestSites.client();

            int health = get(client, uri(server, "/v1/health"), null).statusCode();
            int taskStatus = post(client, uri(server, "/v1/tasks"), task("while-admin-drips", "R", 1, 1, ""), TOKEN)
                    .statusCode();
            int outages = get(client, uri(server, "/v1/admin/outages"), TOKEN).statusCode();

            assertThat(health).isEqualTo(200);
            assertThat(taskStatus).isEqualTo(200);
            assertThat(outages).isEqualTo(200);
        } finally {
            drip.shutdownNow();
            for (Socket s : drippers) {
                s.close();
            }
        }
    }

    @Test
    void aClientThatSendsHeadersAndThenNothingIsClosedByTheIdleTimeout() throws Exception {
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).idleTimeout(java.time.Duration.ofMillis(300))
                .build());
             Socket silent = RawHttp.connect(server.port(), 15_000);
             Socket halfHeaders = RawHttp.connect(server.port(), 15_000)) {
            silent.getOutputStream().write(RawHttp.ascii("POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: 100\r\n\r\n"));
            halfHeaders.getOutputStream().write(RawHttp.ascii("GET /v1/health HTTP/1.1\r\nHost: 12"));

            RawHttp.Answer silentAnswer = RawHttp.read(silent.getInputStream());
            boolean halfHeadersClosed = RawHttp.closedByServer(halfHeaders);

            assertThat(silentAnswer).as("the silent body is answered 408 when the idle timeout ends the wait").isNotNull();
            assertThat(silentAnswer.status()).isEqualTo(408);
            assertThat(JSON.readTree(silentAnswer.body()).get("code").asText()).isEqualTo("REQUEST_TIMEOUT");
            assertThat(RawHttp.closedByServer(silent)).isTrue();
            assertThat(halfHeadersClosed).isTrue();
            assertThat(get(TestSites.client(), uri(server, "/v1/health"), null).statusCode()).isEqualTo(200);
        }
    }

    private static void sendOneByte(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException closed) {
            // the site answered and closed: nothing more to drip
        }
    }
}
