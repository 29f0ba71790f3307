package io.edgeoff.site.http;

import static io.edgeoff.site.TestSites.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.site.SiteChildMain;
import io.edgeoff.site.TestSites;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site in a child JVM with a 128 MB heap ({@link TestSites#startChildJvm}) under 200 connections
 * that each declare a 1 MiB body and send only its start, while 200 more send whole 1 MiB tasks at
 * once: before, every declared length was allocated at once (93 of 200 answered 500
 * OutOfMemoryError); now every request is answered, none with a 500.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SmallHeapTest {
    private static final int CONNECTIONS = 200;
    private static final int LIMIT_BYTES = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void aSiteWithA128MbHeapAnswersConcurrentMebibyteBodiesWithoutA500() throws Exception {
        Process site = TestSites.startChildJvm(SiteChildMain.class, List.of(dir.toString()));
        List<Socket> declaredOnly = new ArrayList<>();
        try {
            int port = TestSites.readPort(site);
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = RawHttp.connect(port, 30_000);
                s.getOutputStream().write(RawHttp.ascii("POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + LIMIT_BYTES + "\r\n\r\n"
                        + "{\"idempotencyKey\":\"declared-" + i + "\",\"inputBase64\":\"AAAA"));
                declaredOnly.add(s);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> whole = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                whole.add(client.sendAsync(HttpRequest.newBuilder(TestSites.uri(port, "/v1/tasks"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mebibyteTask("whole-" + i))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }

            Map<Integer, Integer> statuses = new TreeMap<>();
            for (CompletableFuture<HttpResponse<String>> f : whole) {
                HttpResponse<String> response = f.get(90, TimeUnit.SECONDS);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 400) {
                    assertThat(response.body()).as("status %d", response.statusCode()).startsWith("{\"code\":\"");
                }
            }
            for (Socket s : declaredOnly) {
                s.close();
            }
            int health = TestSites.get(client, TestSites.uri(port, "/v1/health"), null).statusCode();
            System.out.println("SmallHeapTest: answers to " + CONNECTIONS + " whole 1 MiB bodies with " + CONNECTIONS
                    + " declared-only connections open, by status: " + statuses);

            assertThat(statuses).as("answers to the whole bodies").doesNotContainKey(500);
            assertThat(statuses.keySet()).as("%s", statuses).isSubsetOf(200, 503);
            assertThat(statuses.getOrDefault(200, 0)).as("%s", statuses).isPositive();
            assertThat(site.isAlive()).isTrue();
            assertThat(health).isEqualTo(200);
        } finally {
            for (Socket s : declaredOnly) {
                s.close();
            }
            site.destroyForcibly();
            site.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A valid zero-MI task whose body is just under 1 MiB. */
    private static byte[] mebibyteTask(String key) {
        String input = Base64.getEncoder().encodeToString(new byte[(LIMIT_BYTES - 1024) / 4 * 3]);
        return ("{\"idempotencyKey\":\"" + key + "\",\"kind\":\"R\",\"millionInstructions\":0,\"outKB\":1,"
                + "\"inputBase64\":\"" + input + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
