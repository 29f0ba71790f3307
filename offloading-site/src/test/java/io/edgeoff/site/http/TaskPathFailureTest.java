package io.edgeoff.site.http;

import static io.edgeoff.site.TestSites.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteMetrics;
import io.edgeoff.site.SiteServer;
import io.javalin.Javalin;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.edgeoff.site.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whatever goes wrong on the task path, the client gets an answer: real sockets against a real site. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TaskPathFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SiteServer server;

    @BeforeAll
    static void start() {
        server = SiteServer.start(TestSites.fastSite(dir).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] taskRequest(String jsonKey) {
        String body = "{\"idempotencyKey\":\"" + jsonKey + "\",\"kind\":\"R\",\"millionInstructions\":1,\"outKB\":1,"
                + "\"inputBase64\":\"\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.ascii("POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body);
    }

    @Test
    void aKeyWithAnUnpairedSurrogateIsRejectedWith400NamingTheFieldAndItsRetryToo() throws Exception {
        RawHttp.Answer first = RawHttp.exchange(server.port(), taskRequest("lone-\\ud800"));
        RawHttp.Answer retry = RawHttp.exchange(server.port(), taskRequest("lone-\\ud800"));

        for (RawHttp.Answer answer : new RawHttp.Answer[] {first, retry}) {
            assertThat(answer).as("an answer, not a silent connection").isNotNull();
            assertThat(answer.status()).isEqualTo(400);
            JsonNode json = JSON.readTree(answer.body());
            assertThat(json.get("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(json.get("message").asText()).contains("idempotencyKey").contains("surrogate");
        }
    }

    @ParameterizedTest(name = "{0} MI (answered from the {1})")
    @CsvSource({"0, server thread that read the body", "1, executor thread that completed the task"})
    void aTaskWhoseAnswerCannotBeEncodedGets500AndSoDoesItsRetry(int millionInstructions, String thread)
            throws Exception {
        SiteHttpApi api = new SiteHttpApi(server.service(), server.outages(), new SiteMetrics("EC"), Clock.systemUTC(),
                (site, result, replayed) -> {
                    throw new IllegalStateException("injected: the answer cannot be encoded");
                }, new BodyBudget(1 << 20));
        Javalin http = api.start("127.0.0.1", 0);
        try {
            String key = "unencodable-" + millionInstructions;
            byte[] request = taskRequest(key).clone();
            String body = new String(request, StandardCharsets.ISO_8859_1).replace("\"millionInstructions\":1",
                    "\"millionInstructions\":" + millionInstructions);

            RawHttp.Answer first = RawHttp.exchange(http.port(), RawHttp.ascii(body));
            RawHttp.Answer retry = RawHttp.exchange(http.port(), RawHttp.ascii(body));

            for (RawHttp.Answer answer : new RawHttp.Answer[] {first, retry}) {
                assertThat(answer).as("an answer, not a silent connection").isNotNull();
                assertThat(answer.status()).isEqualTo(500);
                assertThat(answer.header("content-type")).startsWith("application/json");
                assertThat(JSON.readTree(answer.body()).get("code").asText()).isEqualTo("INTERNAL_ERROR");
            }
        } finally {
            http.stop();
        }
    }

    @Test
    void aKeyWithAControlCharacterIsRejectedWith400() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), taskRequest("bell-\\u0007"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("idempotencyKey")
                .contains("control character");
    }
}
