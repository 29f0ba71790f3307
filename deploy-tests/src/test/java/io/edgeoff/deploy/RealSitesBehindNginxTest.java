package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.testing.Measurements;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real {@code edgeoff site} process (EC), started exactly as the Kubernetes Deployment starts them
 * (entrypoint, arguments, rendered ConfigMap), behind a real nginx running {@code deploy/nginx/}:
 * the probes' path answers, the dashboard's site metrics exist, and routing, timeouts and error
 * passthrough hold for real sites with injected outages.
 */
class RealSitesBehindNginxTest {

    private static final String TOKEN = "deploy-test-token-0123456789";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, SiteProcess> SITES = new LinkedHashMap<>();
    private static NginxProxy proxy;
    private static Path dir;

    @BeforeAll
    static void startSitesAndProxy() throws Exception {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed");
        assumeTrue(NginxProxy.available(), "nginx is not installed");
        Path jar = ContainerImageTest.cliJar();
        Processes.Result help = Processes.run(List.of(Processes.javaExecutable().toString(), "-jar", jar.toString(),
                "help", "site"), Map.of(), null, Duration.ofSeconds(30));
        assumeTrue(help.exitCode() == 0 && help.output().contains("edgeoff site"),
                "this build has no 'edgeoff site' command yet");
        Manifests base = ManifestInvariantsTest.rendered("base");
        dir = Files.createTempDirectory("edgeoff-real-sites");
        for (String site : List.of("ec")) {   // one JVM: the suite stays fast on 2 cores
            SITES.put(site, SiteProcess.start(base, site, TOKEN, Files.createDirectories(dir.resolve(site))));
        }
        for (var site : SITES.entrySet()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(site.getValue().isAlive()).as("site %s is running: %s", site.getKey(), site.getValue().log()).isTrue();
                return healthy(site.getValue().baseUrl());
            });
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String site : SiteIds.ALL) {
            addresses.put(site, SITES.containsKey(site) ? "127.0.0.1:" + SITES.get(site).port()
                    : "127.0.0.1:" + NginxProxy.freeLoopbackPort());
        }
        proxy = NginxProxy.start(addresses, READ_TIMEOUT);
    }

    @AfterAll
    static void stopAll() {
        if (proxy != null) {
            proxy.close();
        }
        SITES.values().forEach(SiteProcess::close);
    }

    @AfterEach
    void sitesRecoverFromInjectedOutages() {
        for (SiteProcess site : SITES.values()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> healthy(site.baseUrl()));
        }
    }

    @Test
    void siteStartedAsTheDeploymentStartsItAnswersItsProbePaths() throws Exception {
        Container c = ManifestInvariantsTest.sites(ManifestInvariantsTest.rendered("base")).get(0)
                .template().getSpec().getContainers().get(0);
        String base = SITES.get("ec").baseUrl();

        HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(base + c.getReadinessProbe().getHttpGet().getPath())));
        HttpResponse<String> live = send(HttpRequest.newBuilder(URI.create(base + c.getLivenessProbe().getHttpGet().getPath())));
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(base + c.getStartupProbe().getHttpGet().getPath())));

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.get("siteId").asText()).isEqualTo("EC");
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(started.statusCode()).isEqualTo(200);
    }

    @Test
    void aSiteInAnErrorOutageIsNotReadyButAliveSoKubernetesDoesNotRestartIt() throws Exception {
        Container c = ManifestInvariantsTest.sites(ManifestInvariantsTest.rendered("base")).get(0)
                .template().getSpec().getContainers().get(0);
        String base = SITES.get("ec").baseUrl();
        injectOutage("ec", "error", 1500);

        HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(base + c.getReadinessProbe().getHttpGet().getPath())));
        HttpResponse<String> live = send(HttpRequest.newBuilder(URI.create(base + c.getLivenessProbe().getHttpGet().getPath())));

        assertThat(ready.statusCode()).as("readiness during the outage").isEqualTo(503);
        assertThat(live.statusCode()).as("liveness during the outage").isEqualTo(200);
    }

    @Test
    void proxyRoutesTheSitesPathToTheRealSiteAndNoOtherPath() throws Exception {
        HttpResponse<String> ec = send(HttpRequest.newBuilder(proxied("/ec/v1/resources"))
                .header("Authorization", "Bearer " + TOKEN));
        HttpResponse<String> cd = send(HttpRequest.newBuilder(proxied("/cd/v1/resources"))
                .header("Authorization", "Bearer " + TOKEN));

        assertThat(ec.statusCode()).as(ec.body()).isEqualTo(200);
        assertThat(JSON.readTree(ec.body()).get("siteId").asText()).isEqualTo("EC");
        assertThat(cd.statusCode()).as("nothing runs behind /cd/ here").isEqualTo(502);
    }

    @Test
    void aRealTaskRunsThroughTheProxyAndTheDashboardsSiteMetricsExist() throws Exception {
        HttpResponse<String> task = postTask("ec", "deploy-test-" + System.nanoTime());
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(proxied("/ec/v1/metrics")));

        assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(task.body());
        assertThat(result.get("siteId").asText()).isEqualTo("EC");
        assertThat(Base64.getDecoder().decode(result.get("outputBase64").asText())).hasSize(6 * 1024);
        assertThat(metrics.statusCode()).isEqualTo(200);
        for (String metric : RepoFiles.resourceLines("dashboard-metrics.txt")) {
            if (metric.startsWith("edgeoff_site_")) {
                assertThat(metrics.body()).as("GET /v1/metrics has %s", metric).containsPattern("(?m)^" + metric + "(_sum|_count|_max)?\\{");
            }
        }
    }

    @Test
    void aRealSiteInAHangOutageGivesA504FromTheProxyWithinItsReadTimeout() throws Exception {
        injectOutage("ec", "hang", 4000); // outlasts the 1 s read timeout also when load delays the request

        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(proxied("/ec/v1/health")));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Measurements.record("nginx-504-real-site-hang", Map.of("readTimeoutMillis", READ_TIMEOUT.toMillis(),
                "elapsedMillis", elapsed.toMillis()));
        // 504 is nginx giving up at its read timeout: the site hangs for longer than that
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("GATEWAY_TIMEOUT");
        assertThat(elapsed).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50));
    }

    @Test
    void aRealSitesOwn503InAnErrorOutageIsPassedThroughUnchanged() throws Exception {
        injectOutage("ec", "error", 1500);

        HttpResponse<String> direct = postTaskTo(URI.create(SITES.get("ec").baseUrl() + "/v1/tasks"), "direct-" + System.nanoTime());
        HttpResponse<String> proxied = postTask("ec", "proxied-" + System.nanoTime());

        assertThat(proxied.statusCode()).isEqualTo(503).isEqualTo(direct.statusCode());
        assertThat(JSON.readTree(proxied.body()).get("code").asText())
                .isEqualTo(JSON.readTree(direct.body()).get("code").asText())
                .isNotIn("BAD_GATEWAY", "GATEWAY_TIMEOUT");
        assertThat(proxied.headers().firstValue("Retry-After")).isEqualTo(direct.headers().firstValue("Retry-After"));
    }

    // ---- helpers -------------------------------------------------------------------------

    private static void injectOutage(String site, String mode, long durationMillis) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(proxied("/" + site + "/v1/admin/outages"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"mode\":\"" + mode + "\",\"durationMillis\":" + durationMillis + "}")));
        assertThat(response.statusCode()).as("inject %s outage: %s", mode, response.body()).isBetween(200, 299);
    }

    private static HttpResponse<String> postTask(String site, String key) throws Exception {
        return postTaskTo(proxied("/" + site + "/v1/tasks"), key);
    }

    private static HttpResponse<String> postTaskTo(URI uri, String key) throws Exception {
        String input = Base64.getEncoder().encodeToString(new byte[6 * 1024]);
        String body = "{\"idempotencyKey\":\"" + key + "\",\"taskName\":\"COMPARE\",\"kind\":\"R\","
                + "\"millionInstructions\":1.0,\"outKB\":6.0,\"inputBase64\":\"" + input + "\"}";
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static boolean healthy(String baseUrl) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/health"))
                    .timeout(Duration.ofMillis(500)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI proxied(String path) {
        return URI.create(proxy.baseUrl() + path);
    }
}
