package io.edgeoff.site;

import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Helpers for tests that run a real site on 127.0.0.1, port 0. */
public final class TestSites {
    public static final String TOKEN = "test-token-0123456789";
    public static final List<String> SEED_KINDS = List.of("R", "DI", "CI");

    private TestSites() {
    }

    /** A fast site (so tests do not wait for pacing): 1,000,000 MIPS, 2 cores. */
    public static SiteConfig.Builder fastSite(Path dir) {
        return SiteConfig.builder(new Site("EC", SiteKind.EDGE, 1_000_000, 2, 8, 150), SEED_KINDS, dir).token(TOKEN);
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static URI uri(SiteServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static HttpResponse<String> post(HttpClient client, URI uri, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(HttpClient client, URI uri, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String task(String key, String kind, double mi, double outKB, String inputBase64) {
        return "{\"idempotencyKey\":\"" + key + "\",\"taskName\":\"COMPARE\",\"kind\":\"" + kind
                + "\",\"millionInstructions\":" + mi + ",\"outKB\":" + outKB + ",\"inputBase64\":\"" + inputBase64 + "\"}";
    }

    /** Starts a Java child process running {@code mainClass} on this test's class path. */
    public static Process startChildJvm(Class<?> mainClass, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the {@code PORT <n>} line a {@link SiteChildMain} prints once it listens. */
    public static int readPort(Process process) throws IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new AssertionError("the site process ended without printing its port; exit "
                + (process.isAlive() ? "alive" : process.exitValue()));
    }
}
