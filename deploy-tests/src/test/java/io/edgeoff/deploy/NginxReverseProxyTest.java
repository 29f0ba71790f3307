package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.testing.Measurements;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Starts a real nginx with {@code deploy/nginx/} in front of four stand-in sites (ED, EC, CD
 * answer; ER's port has nothing listening) and checks routing, the proxy timeout and error
 * passthrough from the outside, as the device would see them.
 */
class NginxReverseProxyTest {

    static final Duration READ_TIMEOUT = Duration.ofMillis(1000);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, StandInSite> SITES = new LinkedHashMap<>();
    private static NginxProxy proxy;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startProxyInFrontOfSites() {
        assumeTrue(NginxProxy.available(), "nginx is not installed (deploy/ci-install.sh installs it): skipped");
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String site : SiteIds.ALL) {
            if (site.equals("er")) {
                addresses.put(site, "127.0.0.1:" + NginxProxy.freeLoopbackPort());   // nobody listens
            } else {
                StandInSite s = new StandInSite(site.toUpperCase(java.util.Locale.ROOT));
                SITES.put(site, s);
                addresses.put(site, "127.0.0.1:" + s.port());
            }
        }
        proxy = NginxProxy.start(addresses, READ_TIMEOUT);
    }

    @AfterAll
    static void stopAll() {
        if (proxy != null) {
            proxy.close();
        }
        SITES.values().forEach(StandInSite::close);
    }

    @AfterEach
    void sitesBackToNormal() {
        SITES.values().forEach(s -> s.mode(StandInSite.Mode.OK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed", "ec", "cd"})
    void routesEachSitePathToThatSiteWithThePrefixStripped(String site) throws Exception {
        HttpResponse<String> response = get("/" + site + "/v1/availability?slots=3");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("siteId").asText()).isEqualTo(site.toUpperCase(java.util.Locale.ROOT));
        assertThat(body.get("uri").asText()).isEqualTo("/v1/availability?slots=3");
    }

    @Test
    void passesTheBearerTokenAndATaskBodyOfADataIntensiveTaskThrough() throws Exception {
        byte[] task = new byte[160 * 1024];   // 120 KB of input as base64, as a DI task sends it

        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri("/ec/v1/tasks"))
                .header("Authorization", "Bearer s3cret")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(task))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("method").asText()).isEqualTo("POST");
        assertThat(body.get("uri").asText()).isEqualTo("/v1/tasks");
        assertThat(body.get("authorization").asText()).isEqualTo("Bearer s3cret");
        assertThat(body.get("bodyBytes").asInt()).isEqualTo(task.length);
    }

    @Test
    void aHangingSiteGives504InTheErrorShapeWithinTheProxyReadTimeout() throws Exception {
        SITES.get("cd").mode(StandInSite.Mode.HANG);

        long start = System.nanoTime();
        HttpResponse<String> response = get("/cd/v1/tasks");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("GATEWAY_TIMEOUT");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/json"));
        Measurements.record("nginx-504-after-read-timeout", Map.of("readTimeoutMillis", READ_TIMEOUT.toMillis(),
                "elapsedMillis", elapsed.toMillis()));
        // the read timeout is a floor (load only adds); the 504 itself shows nginx gave up (the stand-in never
        // answers, and nginx's default of 60 s would run into the client's 10 s timeout)
        assertThat(elapsed).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50));
    }

    @Test
    void aSiteThatAnswersAgainAfterATimeoutIsReachableAtOnce() throws Exception {
        SITES.get("ed").mode(StandInSite.Mode.HANG);
        assertThat(get("/ed/v1/health").statusCode()).isEqualTo(504);

        SITES.get("ed").mode(StandInSite.Mode.OK);
        HttpResponse<String> response = get("/ed/v1/health");

        assertThat(response.statusCode()).as("the proxy never marks a site down by itself").isEqualTo(200);
    }

    @Test
    void aSitesOwn503IsPassedThroughWithRetryAfterAndItsJsonBody() throws Exception {
        SITES.get("ec").mode(StandInSite.Mode.ERROR);

        HttpResponse<String> response = get("/ec/v1/tasks");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(response.body()).isEqualTo(StandInSite.ERROR_BODY);
    }

    @Test
    void anUnreachableSiteGives502InTheErrorShapeWithoutWaitingForTheReadTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get("/er/v1/health");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Measurements.record("nginx-502-unreachable-site", Map.of("readTimeoutMillis", READ_TIMEOUT.toMillis(),
                "elapsedMillis", elapsed.toMillis()));
        // 502 (connection refused), not 504 (read timeout), shows nginx did not wait for the read timeout
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("BAD_GATEWAY");
    }

    @Test
    void aPathOutsideTheSitesGives404InTheErrorShape() throws Exception {
        HttpResponse<String> response = get("/xx/v1/health");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(proxy.baseUrl() + path);
    }
}
