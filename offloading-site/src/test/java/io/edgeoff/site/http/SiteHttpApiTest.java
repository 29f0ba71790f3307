package io.edgeoff.site.http;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.get;
import static io.edgeoff.site.TestSites.post;
import static io.edgeoff.site.TestSites.task;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import io.edgeoff.common.compute.ComputeKernel;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SiteHttpApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SiteServer server;
    static HttpClient client;

    @BeforeAll
    static void start() {
        server = SiteServer.start(TestSites.fastSite(dir).maxRequestBytes(64 * 1024).build());
        client = TestSites.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void executesATaskAndReturnsTheKernelsOutputOfTheRequestedSize() throws Exception {
        byte[] input = "some input bytes".getBytes();
        String body = task("exec-1", "DI", 150, 6, Base64.getEncoder().encodeToString(input));

        HttpResponse<String> response = post(client, uri(server, "/v1/tasks"), body, TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("idempotencyKey").asText()).isEqualTo("exec-1");
        assertThat(json.get("siteId").asText()).isEqualTo("EC");
        assertThat(json.get("replayed").asBoolean()).isFalse();
        assertThat(json.get("queueWaitMillis").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(json.get("executionMillis").asDouble()).isGreaterThanOrEqualTo(150 / 1_000_000.0 * 1000);
        byte[] output = Base64.getDecoder().decode(json.get("outputBase64").asText());
        assertThat(output).hasSize(6 * 1024).isEqualTo(ComputeKernel.expectedOutput("DI", 150, input, 6 * 1024));
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstResultWithoutExecutingAgain() throws Exception {
        String body = task("idem-1", "R", 10, 1, "AAAA");
        JsonNode first = JSON.readTree(post(client, uri(server, "/v1/tasks"), body, TOKEN).body());
        double executedBefore = executedCount();

        JsonNode second = JSON.readTree(post(client, uri(server, "/v1/tasks"), body, TOKEN).body());

        assertThat(second.get("replayed").asBoolean()).isTrue();
        assertThat(second.get("outputBase64")).isEqualTo(first.get("outputBase64"));
        assertThat(second.get("executionMillis")).isEqualTo(first.get("executionMillis"));
        assertThat(executedCount()).isEqualTo(executedBefore);
    }

    @Test
    void neverCompressesTheOutputBecauseItsSizeIsPartOfTheCostModel() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(server, "/v1/tasks")).header("Authorization", "Bearer " + TOKEN)
                .header("Accept-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString(
                        task("gzip-1", "DI", 1, 70, ""))).build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(Base64.getDecoder().decode(JSON.readTree(response.body()).get("outputBase64").asText()))
                .hasSize(70 * 1024);
    }

    @Test
    void theSameKeyForADifferentTaskIsAConflict() throws Exception {
        post(client, uri(server, "/v1/tasks"), task("idem-2", "R", 10, 1, "AAAA"), TOKEN);

        HttpResponse<String> response = post(client, uri(server, "/v1/tasks"), task("idem-2", "R", 11, 1, "AAAA"), TOKEN);

        assertError(response, 409, "IDEMPOTENCY_CONFLICT", "idem-2");
    }

    static Stream<Arguments> badTasks() {
        return Stream.of(
                Arguments.of("{\"idempotencyKey\": \"k\", \"kind\": ", 400, "MALFORMED_JSON", "not valid JSON"),
                Arguments.of("[1,2,3]", 400, "MALFORMED_JSON", "JSON object"),
                Arguments.of("", 400, "MALFORMED_JSON", "JSON object"),
                Arguments.of("{\"kind\":\"R\",\"millionInstructions\":1,\"outKB\":1,\"inputBase64\":\"\"}", 400,
                        "MISSING_FIELD", "idempotencyKey"),
                Arguments.of("{\"idempotencyKey\":\"k\",\"millionInstructions\":1,\"outKB\":1,\"inputBase64\":\"\"}", 400,
                        "MISSING_FIELD", "kind"),
                Arguments.of("{\"idempotencyKey\":\"k\",\"kind\":\"R\",\"outKB\":1,\"inputBase64\":\"\"}", 400,
                        "MISSING_FIELD", "millionInstructions"),
                Arguments.of(task("k", "R", -5, 1, ""), 400, "INVALID_FIELD", "millionInstructions must be a finite number >= 0, but was -5.0"),
                Arguments.of(task("k", "R", 5, -1, ""), 400, "INVALID_FIELD", "outKB"),
                Arguments.of(task("k", "QUANTUM", 5, 1, ""), 400, "UNKNOWN_TASK_KIND", "unknown task kind 'QUANTUM'; this site runs [R, DI, CI]"),
                Arguments.of(task("k", "R", 5, 1, "***"), 400, "INVALID_FIELD", "inputBase64"),
                Arguments.of("{\"idempotencyKey\":7,\"kind\":\"R\",\"millionInstructions\":1,\"outKB\":1,\"inputBase64\":\"\"}",
                        400, "INVALID_FIELD", "idempotencyKey must be a string"),
                Arguments.of("{\"idempotencyKey\":\"k\",\"kind\":\"R\",\"millionInstructions\":\"1\",\"outKB\":1,\"inputBase64\":\"\"}",
                        400, "INVALID_FIELD", "millionInstructions must be a number"));
    }

    @ParameterizedTest
    @MethodSource("badTasks")
    void rejectsABadTaskWithAClearMessageAndKeepsServing(String body, int status, String code, String message)
            throws Exception {
        HttpResponse<String> response = post(client, uri(server, "/v1/tasks"), body, TOKEN);

        assertError(response, status, code, message);
        assertStillServing();
    }

    @Test
    void rejectsAnOversizedPayloadWith413AndKeepsServing() throws Exception {
        String big = Base64.getEncoder().encodeToString(new byte[100 * 1024]);

        HttpResponse<String> response = post(client, uri(server, "/v1/tasks"), task("big", "DI", 1, 1, big), TOKEN);

        assertError(response, 413, "PAYLOAD_TOO_LARGE", "exceeds the limit of 65536 bytes");
        assertStillServing();
    }

    @Test
    void rejectsAMissingTokenAndAWrongToken() throws Exception {
        String body = task("auth", "R", 1, 1, "");

        assertError(post(client, uri(server, "/v1/tasks"), body, null), 401, "UNAUTHORIZED", "missing Authorization");
        assertError(post(client, uri(server, "/v1/tasks"), body, "not-the-token"), 401, "UNAUTHORIZED", "wrong bearer token");
        assertError(post(client, uri(server, "/v1/admin/outages"), "{\"mode\":\"error\",\"durationMillis\":10}", "nope"),
                401, "UNAUTHORIZED", "wrong bearer token");
        assertStillServing();
    }

    @Test
    void unknownPathsAndMethodsAnswerJsonErrors() throws Exception {
        assertError(get(client, uri(server, "/v1/nothing"), null), 404, "NOT_FOUND", "/v1/nothing");
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(uri(server, "/v1/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertError(wrongMethod, 405, "METHOD_NOT_ALLOWED", "DELETE");
    }

    @Test
    void healthResourcesAndAvailabilityFollowTheContract() throws Exception {
        JsonNode health = JSON.readTree(get(client, uri(server, "/v1/health"), null).body());
        JsonNode resources = JSON.readTree(get(client, uri(server, "/v1/resources"), null).body());
        HttpResponse<String> availability = get(client, uri(server, "/v1/availability?slots=3"), null);

        assertThat(health.toString()).isEqualTo("{\"siteId\":\"EC\",\"status\":\"UP\",\"ready\":true}");
        assertThat(resources.get("mips").asDouble()).isEqualTo(1_000_000);
        assertThat(resources.get("cores").asInt()).isEqualTo(2);
        assertThat(resources.get("memoryGB").asDouble()).isEqualTo(8);
        assertThat(resources.get("storageGB").asDouble()).isEqualTo(150);
        assertThat(resources.has("queueLength")).isTrue();
        assertThat(resources.has("recentThroughputMips")).isTrue();
        JsonNode a = JSON.readTree(availability.body());
        assertThat(availability.statusCode()).isEqualTo(200);
        assertThat(a.get("siteId").asText()).isEqualTo("EC");
        assertThat(a.get("predictor").asText()).isNotBlank();
        assertThat(a.get("slotSeconds").asDouble()).isEqualTo(86_400);
        assertThat(a.get("forecast")).hasSize(3);
        a.get("forecast").forEach(v -> assertThat(v.asDouble()).isBetween(0.0, 1.0));
        assertThat(a.has("mtbfHours")).isTrue();
        assertThat(a.has("hoursSinceLastFailure")).isTrue();
        assertThat(a.get("metrics").isObject()).isTrue();
        assertError(get(client, uri(server, "/v1/availability?slots=0"), null), 400, "INVALID_PARAMETER", "slots");
    }

    @Test
    void servesPrometheusMetrics() throws Exception {
        double okBefore = counter("edgeoff_site_http_responses_total{site=\"EC\",status=\"200\"}");
        double invalidBefore = counter("edgeoff_site_tasks_total{outcome=\"invalid\",site=\"EC\"}");
        post(client, uri(server, "/v1/tasks"), task("metrics-1", "R", 1, 1, ""), TOKEN);
        post(client, uri(server, "/v1/tasks"), task("metrics-2", "R", -1, 1, ""), TOKEN);

        HttpResponse<String> response = get(client, uri(server, "/v1/metrics"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("edgeoff_site_tasks_total{outcome=\"executed\",site=\"EC\"}")
                .contains("edgeoff_site_queue_length");
        assertThat(counter("edgeoff_site_http_responses_total{site=\"EC\",status=\"200\"}")).isGreaterThanOrEqualTo(
                okBefore + 1);
        assertThat(counter("edgeoff_site_tasks_total{outcome=\"invalid\",site=\"EC\"}")).isGreaterThanOrEqualTo(
                invalidBefore + 1);
        assertThat(counter("edgeoff_site_http_responses_total{site=\"EC\",status=\"400\"}")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theTaskPathAnswersOtherMethodsWith405AndAcceptsATrailingSlash() throws Exception {
        assertError(get(client, uri(server, "/v1/tasks"), TOKEN), 405, "METHOD_NOT_ALLOWED", "GET");

        HttpResponse<String> slash = post(client, uri(server, "/v1/tasks/"), task("slash-1", "R", 1, 1, ""), TOKEN);

        assertThat(slash.statusCode()).as(slash.body()).isEqualTo(200);
        assertThat(JSON.readTree(slash.body()).get("idempotencyKey").asText()).isEqualTo("slash-1");
    }

    @Test
    void acceptsABodyOfUnknownLengthAndLimitsItToo() throws Exception {
        byte[] input = "streamed input".getBytes();
        String body = task("chunked-1", "CI", 5, 2, Base64.getEncoder().encodeToString(input));
        HttpRequest chunked = HttpRequest.newBuilder(uri(server, "/v1/tasks")).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes())))
                .build();

        HttpResponse<String> response = client.send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Base64.getDecoder().decode(JSON.readTree(response.body()).get("outputBase64").asText()))
                .isEqualTo(ComputeKernel.expectedOutput("CI", 5, input, 2 * 1024));
        String big = task("chunked-big", "DI", 1, 1, Base64.getEncoder().encodeToString(new byte[100 * 1024]));
        HttpRequest tooBig = HttpRequest.newBuilder(uri(server, "/v1/tasks")).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build();
        assertError(client.send(tooBig, HttpResponse.BodyHandlers.ofString()), 413, "PAYLOAD_TOO_LARGE",
                "exceeds the limit of 65536 bytes");
        assertStillServing();
    }

    @Test
    void readsABodyThatArrivesInPiecesAndAnOversizedOneThatKeepsComing() throws Exception {
        byte[] input = "input sent slowly".getBytes();
        byte[] body = task("pieces-1", "DI", 2, 1, Base64.getEncoder().encodeToString(input)).getBytes();

        String answer = rawPost(body, body.length, 3, 100);

        assertThat(answer).startsWith("HTTP/1.1 200");
        JsonNode json = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(json.get("idempotencyKey").asText()).isEqualTo("pieces-1");
        assertThat(Base64.getDecoder().decode(json.get("outputBase64").asText()))
                .isEqualTo(ComputeKernel.expectedOutput("DI", 2, input, 1024));

        byte[] big = task("pieces-big", "DI", 1, 1, Base64.getEncoder().encodeToString(new byte[100 * 1024])).getBytes();
        String refused = rawPost(big, -1, 4, 50);

        assertThat(refused).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
        assertStillServing();
    }

    /** Sends a task request over a plain socket, its body in {@code pieces} with pauses; returns the whole answer. */
    private static String rawPost(byte[] body, int contentLength, int pieces, long pauseMillis) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            String length = contentLength >= 0 ? "Content-Length: " + contentLength : "Transfer-Encoding: chunked";
            out.write(("POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\n" + length + "\r\n\r\n")
                    .getBytes());
            out.flush();
            int step = (body.length + pieces - 1) / pieces;
            for (int at = 0; at < body.length; at += step) {
                int n = Math.min(step, body.length - at);
                try {
                    if (contentLength < 0) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes());
                    }
                    out.write(body, at, n);
                    if (contentLength < 0) {
                        out.write("\r\n".getBytes());
                    }
                    out.flush();
                } catch (java.io.IOException closed) {
                    break; // the site answered (413) and closed before the whole body was sent
                }
                Thread.sleep(pauseMillis); // a slow client on purpose (not a wait for a condition)
            }
            try {
                if (contentLength < 0) {
                    out.write("0\r\n\r\n".getBytes());
                    out.flush();
                }
            } catch (java.io.IOException closed) {
                // as above
            }
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private double counter(String series) throws Exception {
        String metrics = get(client, uri(server, "/v1/metrics"), null).body();
        return metrics.lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void servesTheOpenApiDocumentThatIsCommittedInDocs() throws Exception {
        HttpResponse<String> response = get(client, uri(server, "/v1/openapi.json"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        Path committed = findRepoFile("docs/openapi-site.json");
        assertThat(response.body()).isEqualTo(Files.readString(committed));
        JsonNode doc = JSON.readTree(response.body());
        for (String path : new String[] {"/v1/tasks", "/v1/health", "/v1/health/live", "/v1/resources", "/v1/availability",
                "/v1/metrics", "/v1/openapi.json", "/v1/admin/outages", "/v1/admin/failure-events"}) {
            assertThat(doc.get("paths").has(path)).as(path).isTrue();
        }
    }

    static Path findRepoFile(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative);
            }
            p = p.getParent();
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    private double executedCount() throws Exception {
        String metrics = get(client, uri(server, "/v1/metrics"), null).body();
        return metrics.lines().filter(l -> l.startsWith("edgeoff_site_tasks_total{outcome=\"executed\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void assertError(HttpResponse<String> response, int status, String code, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("code").asText()).isEqualTo(code);
        assertThat(json.get("message").asText()).contains(message);
        assertThat(json.size()).isEqualTo(2);
    }

    private static void assertStillServing() throws Exception {
        assertThat(get(client, uri(server, "/v1/health"), null).statusCode()).isEqualTo(200);
        assertThat(post(client, uri(server, "/v1/tasks"), task("alive-" + System.nanoTime(), "R", 1, 1, ""), TOKEN)
                .statusCode()).isEqualTo(200);
    }
}
