package io.edgeoff.site.http;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of seeded random, mutated and truncated requests: no 5xx except deliberate 503s, and the site keeps serving. */
class SiteFuzzTest {
    private static final long SEED = 5725;
    private static final int HTTP_REQUESTS = 2500;
    private static final int RAW_REQUESTS = 300;
    private static final String[] KINDS = {"R", "DI", "CI", "r", "", "QUANTUM", "R\u0000", "ÄÖ"};
    private static final String[] PATHS = {"/v1/tasks", "/v1/tasks", "/v1/tasks", "/v1/health", "/v1/resources",
        "/v1/availability?slots=", "/v1/admin/failure-events?limit=", "/v1/tasks/../admin", "/v1//tasks", "/"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void randomAndTruncatedRequestsNeverCauseAServerErrorOrStopTheSite() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).maxRequestBytes(32 * 1024).build())) {
            HttpClient client = TestSites.client();
            int[] byStatusClass = new int[6];
            for (int i = 0; i < HTTP_REQUESTS; i++) {
                HttpRequest request = randomRequest(random, server, i);
                HttpResponse<String> response;
                try {
                    response = client.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new AssertionError("request " + i + " " + request + " " + request.headers().map(), e);
                }
                int status = response.statusCode();
                byStatusClass[status / 100]++;
                assertNoServerError(status, response.body(), i);
            }
            for (int i = 0; i < RAW_REQUESTS; i++) {
                String statusLine = rawTruncatedRequest(random, server.port(), i);
                if (statusLine != null && statusLine.startsWith("HTTP/1.1 5")) {
                    assertThat(statusLine).as("raw request %d", i).startsWith("HTTP/1.1 503");
                }
            }

            assertThat(byStatusClass[2]).as("some random tasks were valid and executed").isPositive();
            assertThat(byStatusClass[4]).as("most were rejected with 4xx").isGreaterThan(HTTP_REQUESTS / 2);
            assertThat(TestSites.get(client, uri(server, "/v1/health"), null).statusCode()).isEqualTo(200);
            assertThat(TestSites.post(client, uri(server, "/v1/tasks"), TestSites.task("after-fuzz", "R", 1, 1, ""),
                    TOKEN).statusCode()).isEqualTo(200);
        }
    }

    private static void assertNoServerError(int status, String body, int i) throws IOException {
        if (status >= 500) {
            assertThat(status).as("request %d: %s", i, body).isEqualTo(503);
            assertThat(JSON.readTree(body).get("code").asText()).isIn("SATURATED", "SITE_UNAVAILABLE");
        }
        if (status >= 400 && !body.isEmpty()) {
            var json = JSON.readTree(body);
            assertThat(json.has("code") && json.has("message")).as("request %d: %s", i, body).isTrue();
        }
    }

    private static HttpRequest randomRequest(SplittableRandom random, SiteServer server, int i) {
        String path = PATHS[random.nextInt(PATHS.length)];
        if (path.endsWith("=")) {
            path += random.nextBoolean() ? Integer.toString(random.nextInt(-5, 20_000)) : "x%20" + random.nextInt(100);
        }
        String body = randomBody(random, i);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(20));
        switch (random.nextInt(10)) {
            case 0 -> { }
            case 1 -> b.header("Authorization", "Bearer wrong");
            case 2 -> b.header("Authorization", "Basic " + TOKEN);
            default -> b.header("Authorization", "Bearer " + TOKEN);
        }
        b.header("Content-Type", random.nextInt(5) == 0 ? "text/plain" : "application/json");
        String method = switch (random.nextInt(12)) {
            case 0 -> "GET";
            case 1 -> "PUT";
            case 2 -> "DELETE";
            default -> "POST";
        };
        return b.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))).build();
    }

    private static String randomBody(SplittableRandom random, int i) {
        String valid = "{\"idempotencyKey\":\"fuzz-" + i + "\",\"taskName\":\"T\",\"kind\":\"" + KINDS[random.nextInt(KINDS.length)]
                + "\",\"millionInstructions\":" + randomNumber(random) + ",\"outKB\":" + randomNumber(random)
                + ",\"inputBase64\":\"" + randomBase64(random) + "\"}";
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> flipBytes(random, valid);
            case 2 -> randomText(random, random.nextInt(200));
            case 3 -> valid.replace("\"millionInstructions\":", "\"millionInstructions\":" + (random.nextBoolean()
                    ? "\"12\"," + "\"x\":" : "[1],\"y\":"));
            case 4 -> "{\"idempotencyKey\":" + (random.nextBoolean() ? "null" : "{}") + "}";
            case 5 -> "{\"idempotencyKey\":\"big-" + i + "\",\"kind\":\"R\",\"millionInstructions\":1,\"outKB\":1,"
                    + "\"inputBase64\":\"" + "A".repeat(40 * 1024) + "\"}";
            default -> valid;
        };
    }

    private static String randomNumber(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> "-1";
            case 1 -> "1e308";
            case 2 -> "NaN";
            case 3 -> "\"5\"";
            case 4 -> "0";
            default -> Double.toString(random.nextDouble() * 20);
        };
    }

    private static String randomBase64(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        String b64 = Base64.getEncoder().encodeToString(bytes);
        return random.nextInt(6) == 0 ? b64 + "!" : b64;
    }

    private static String flipBytes(SplittableRandom random, String text) {
        char[] chars = text.toCharArray();
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
            chars[random.nextInt(chars.length)] = (char) random.nextInt(32, 127);
        }
        return new String(chars);
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < length; k++) {
            sb.append((char) random.nextInt(1, 0x2FF));
        }
        return sb.toString();
    }

    /** Sends a request cut off somewhere (headers or body), half-closes, and returns the status line if any. */
    private static String rawTruncatedRequest(SplittableRandom random, int port, int i) throws IOException {
        String body = TestSites.task("raw-" + i, "R", 1, 1, "");
        String request = "POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        int cut = random.nextInt(1, bytes.length);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes, 0, cut);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return head.length == 0 ? null : new String(head, StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return null;
        }
    }
}
