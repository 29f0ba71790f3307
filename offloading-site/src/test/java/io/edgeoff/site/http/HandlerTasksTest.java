package io.edgeoff.site.http;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.get;
import static io.edgeoff.site.TestSites.post;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import io.edgeoff.handlers.BuiltInHandlers;
import io.edgeoff.handlers.ChessHandler;
import io.edgeoff.site.HandlerSettings;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.siteapi.SiteResources;
import io.edgeoff.task.HandlerContext;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handler tasks on a real site on loopback: real output, advertised handlers, every failure its own JSON error. */
class HandlerTasksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SiteServer server;
    static HttpClient client;

    @BeforeAll
    static void start() {
        // Rated 500 MIPS on a host stated as 2000: handler times are stretched 4x.
        server = SiteServer.start(SiteConfig.builder(new Site("ED", SiteKind.EDGE, 500, 2, 8, 150), TestSites.SEED_KINDS,
                dir).token(TOKEN).maxOutKB(4).handlers(HandlerSettings.DEFAULTS.withHostMips(2000)
                .withBudgets(Duration.ofMillis(1500), 64L << 20)).build());
        client = TestSites.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String task(String key, String handler, byte[] input, String parameters) {
        return "{\"idempotencyKey\":\"" + key + "\",\"taskName\":\"T\",\"kind\":\"CI\",\"millionInstructions\":0,"
                + "\"outKB\":0,\"inputBase64\":\"" + Base64.getEncoder().encodeToString(input) + "\",\"handler\":\""
                + handler + "\",\"parameters\":" + parameters + "}";
    }

    @Test
    void advertisesItsHandlersAndHowItEmulatesItsSpeed() throws Exception {
        SiteResources resources = JSON.readValue(get(client, uri(server, "/v1/resources"), null).body(),
                SiteResources.class);

        assertThat(resources.handlers()).contains("chess", "antivirus", "face-recognizer", "gps-navigator", "facebook",
                "synthetic-mi", "test-throwing");
        assertThat(resources.hostMips()).isEqualTo(2000);
        assertThat(resources.speedEmulation()).isEqualTo("stretch");
    }

    @Test
    void runsTheRealHandlerAndReturnsItsOutput() throws Exception {
        byte[] position = BuiltInHandlers.input("chess", 42, 2);
        byte[] expected = new ChessHandler().handle(position, Map.of("depth", "2"), HandlerContext.unlimited());

        HttpResponse<String> response = post(client, uri(server, "/v1/tasks"),
                task("chess-1", "chess", position, "{\"depth\":\"2\"}"), TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(Base64.getDecoder().decode(reply.get("outputBase64").asText())).isEqualTo(expected);
        assertThat(new String(expected)).startsWith("bestmove ");
        assertThat(reply.get("executionMillis").asDouble()).isPositive();

        JsonNode again = JSON.readTree(post(client, uri(server, "/v1/tasks"),
                task("chess-1", "chess", position, "{\"depth\":\"2\"}"), TOKEN).body());
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.get("outputBase64")).isEqualTo(reply.get("outputBase64"));
    }

    @Test
    void anUnknownHandlerIsA400NamingTheSitesHandlers() throws Exception {
        HttpResponse<String> response = post(client, uri(server, "/v1/tasks"), task("u-1", "nope", new byte[1], "{}"),
                TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo("UNKNOWN_HANDLER");
        assertThat(error.get("message").asText()).startsWith("unknown handler 'nope'; this site runs [antivirus, chess,");
    }

    @Test
    void everyHandlerFailureIsItsOwn422AndTheSiteGoesOn() throws Exception {
        assertFailure("f-1", "test-throwing", "{}", "HANDLER_FAILED",
                "task f-1: handler 'test-throwing' failed: IllegalStateException: cannot open /etc/shadow  at evil.Frame(Evil.java:1)");
        assertFailure("f-2", "test-looping", "{}", "HANDLER_TIMEOUT", "time budget of 1500 ms");
        assertFailure("f-3", "test-hungry", "{}", "HANDLER_MEMORY_EXCEEDED", "memory budget is 64 MiB");
        assertFailure("f-4", "test-verbose", "{\"bytes\":\"4097\"}", "HANDLER_OUTPUT_TOO_LARGE",
                "returned 4097 bytes of output; at most 4096 are allowed");
        assertFailure("f-5", "chess", "{\"depth\":\"99\"}", "HANDLER_INVALID_INPUT",
                "parameter depth must be in [1, 8], but was 99");
        assertFailure("f-6", "antivirus", "{\"effortMi\":\"2000000000\"}", "HANDLER_INVALID_INPUT",
                "parameter effortMi must be in [0, 20000], but was 2000000000");

        HttpResponse<String> after = post(client, uri(server, "/v1/tasks"),
                task("f-ok", "test-verbose", new byte[1], "{\"bytes\":\"4096\"}"), TOKEN);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(get(client, uri(server, "/v1/health/live"), null).statusCode()).isEqualTo(200);
        assertThat(server.service().monitor().records()).noneMatch(r -> r.type() == FailureEventType.EXECUTION_FAILED);
        String metrics = get(client, uri(server, "/v1/metrics"), null).body();
        assertThat(metrics.lines().filter(l -> l.startsWith("edgeoff_site_tasks_total") && l.contains("handler_failed"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isGreaterThanOrEqualTo(5);
        assertThat(metrics).contains("edgeoff_site_host_mips{site=\"ED\"} 2000.0");
    }

    @Test
    void aFailedHandlerTaskIsNotRememberedSoItsRetryRunsAgain() throws Exception {
        String body = task("r-1", "test-throwing", new byte[1], "{}");

        int first = post(client, uri(server, "/v1/tasks"), body, TOKEN).statusCode();
        HttpResponse<String> second = post(client, uri(server, "/v1/tasks"), body, TOKEN);

        assertThat(first).isEqualTo(422);
        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(second.body()).doesNotContain("\"replayed\"");
    }

    private static void assertFailure(String key, String handler, String parameters, String code, String message)
            throws Exception {
        HttpResponse<String> response = post(client, uri(server, "/v1/tasks"), task(key, handler, new byte[1], parameters),
                TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(message).doesNotContain("\n").doesNotContain("\tat ");
        assertThat(error.size()).isEqualTo(2);
    }
}
