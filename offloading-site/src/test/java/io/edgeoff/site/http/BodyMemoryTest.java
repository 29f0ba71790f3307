package io.edgeoff.site.http;

import static io.edgeoff.site.TestSites.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteMetrics;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import io.javalin.Javalin;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The memory a task body takes follows the bytes that arrived, never the declared length. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BodyMemoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static byte[] head(long contentLength) {
        return RawHttp.ascii("POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n");
    }

    @Test
    void connectionsDeclaringAMebibyteHoldOnlyASmallBufferUntilTheirBytesArrive() throws Exception {
        int connections = 50;
        BodyBudget budget = new BodyBudget(256L << 20);
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            Javalin http = new SiteHttpApi(server.service(), server.outages(), new SiteMetrics("EC"), Clock.systemUTC(),
                    TaskEndpoint::taskResponse, budget).start("127.0.0.1", 0);
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    Socket s = RawHttp.connect(http.port(), 15_000);
                    s.getOutputStream().write(head(1 << 20));
                    s.getOutputStream().write(RawHttp.ascii("{\"idempotencyKey\":\"" + i + "\""));
                    sockets.add(s);
                }

                await().atMost(Duration.ofSeconds(30)).until(
                        () -> budget.reservedBytes() == (long) connections * TaskEndpoint.INITIAL_BODY_BYTES);
                for (Socket s : sockets) {
                    s.close();
                }

                await().atMost(Duration.ofSeconds(30)).until(() -> budget.reservedBytes() == 0);
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
                http.stop();
            }
        }
    }

    @Test
    void aSpentBudgetAnswers503SaturatedAndIsGivenBackWhenTheBodiesEnd() throws Exception {
        BodyBudget budget = new BodyBudget(64 * 1024);
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            Javalin http = new SiteHttpApi(server.service(), server.outages(), new SiteMetrics("EC"), Clock.systemUTC(),
                    TaskEndpoint::taskResponse, budget).start("127.0.0.1", 0);
            try (Socket first = RawHttp.connect(http.port(), 15_000);
                 Socket second = RawHttp.connect(http.port(), 15_000)) {
                first.getOutputStream().write(head(60_000));
                first.getOutputStream().write(new byte[40_000]);
                await().atMost(Duration.ofSeconds(30)).until(() -> budget.reservedBytes() == 60_000);

                second.getOutputStream().write(head(60_000));
                second.getOutputStream().write(new byte[40_000]);
                RawHttp.Answer refused = RawHttp.read(second.getInputStream());
                first.getOutputStream().write(new byte[20_000]);
                RawHttp.Answer completed = RawHttp.read(first.getInputStream());

                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("SATURATED");
                assertThat(completed.status()).as("zero bytes are not JSON, but the body was read").isEqualTo(400);
                await().atMost(Duration.ofSeconds(30)).until(() -> budget.reservedBytes() == 0);
            } finally {
                http.stop();
            }
        }
    }

    @Test
    void aContentLengthBeyondTwoGigabytesIsAnswered413WithoutOverflow() throws Exception {
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).maxRequestBytes(SiteConfig.MAX_REQUEST_BYTES_LIMIT)
                .build())) {
            RawHttp.Answer answer = RawHttp.exchange(server.port(), head(3_000_000_000L));

            assertThat(answer).isNotNull();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("3000000000");
            assertThat(answer.closes()).isTrue();
        }
    }

    @Test
    void aRequestLimitAbove64MiBIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> TestSites.fastSite(dir).maxRequestBytes(3_000_000_000L).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRequestBytes must be in [1024, 67108864]").hasMessageContaining("3000000000");
    }
}
