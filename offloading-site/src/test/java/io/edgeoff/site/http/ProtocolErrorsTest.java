package io.edgeoff.site.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that Jetty itself refuses, on raw sockets: every answer is the site's one error shape,
 * {@code {code, message}} JSON with {@code Content-Type: application/json}, whatever layer wrote it.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ProtocolErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "Host: 127.0.0.1\r\n";

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

    static Stream<Arguments> brokenRequests() {
        return Stream.of(
                Arguments.of("a malformed request line", "GARBAGE\r\n\r\n", 400),
                Arguments.of("a request line with a bad character", "GET /v1/he\u0001alth HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("a header without a colon", "GET /v1/health HTTP/1.1\r\n" + HOST + "NoColonHere\r\n\r\n", 400),
                Arguments.of("two Content-Length headers", "POST /v1/tasks HTTP/1.1\r\n" + HOST
                        + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
                Arguments.of("a negative Content-Length", "POST /v1/tasks HTTP/1.1\r\n" + HOST
                        + "Content-Length: -5\r\n\r\n", 400),
                Arguments.of("a URI too long", "GET /v1/health?" + "a".repeat(20_000) + " HTTP/1.1\r\n" + HOST + "\r\n", 414),
                Arguments.of("huge headers", "GET /v1/health HTTP/1.1\r\n" + HOST + "X-Big: " + "b".repeat(20_000)
                        + "\r\n\r\n", 431),
                Arguments.of("an odd Expect", "POST /v1/tasks HTTP/1.1\r\n" + HOST
                        + "Expect: 100-continue-please\r\nContent-Length: 2\r\n\r\n{}", 417),
                Arguments.of("HTTP/3.0 on a text connection", "GET /v1/health HTTP/3.0\r\n" + HOST + "\r\n", 505),
                Arguments.of("a lower-case method", "get /v1/health HTTP/1.1\r\n" + HOST + "\r\n", 405),
                Arguments.of("a lower-case method on the task path", "post /v1/tasks HTTP/1.1\r\n" + HOST
                        + "Content-Length: 2\r\n\r\n{}", 405),
                Arguments.of("an unknown method", "BREW /v1/health HTTP/1.1\r\n" + HOST + "\r\n", 405),
                Arguments.of("an upgrade to h2c", "GET /v1/health HTTP/1.1\r\n" + HOST
                        + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n",
                        200),
                Arguments.of("an HTTP/2 preface on an HTTP/1.1 connection", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 426));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequests")
    void jettysOwnErrorsAreJsonWithCodeAndMessage(String what, String request, int status) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), RawHttp.ascii(request));

        assertThat(answer).as("an answer to %s", what).isNotNull();
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        if (status >= 400) {
            assertThat(answer.header("content-type")).as(answer.text()).startsWith("application/json");
            JsonNode json = JSON.readTree(answer.body());
            assertThat(json.size()).as(answer.text()).isEqualTo(2);
            assertThat(json.get("code").asText()).matches("[A-Z][A-Z0-9_]+");
            assertThat(json.get("message").asText()).isNotBlank().doesNotContain("org.", "java.", "Exception", "`");
        }
    }
}
