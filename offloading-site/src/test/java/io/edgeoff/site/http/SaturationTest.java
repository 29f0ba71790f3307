package io.edgeoff.site.http;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.post;
import static io.edgeoff.site.TestSites.task;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import io.edgeoff.site.failure.FailureEventType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaturationTest {
    @TempDir
    Path dir;

    @Test
    void aSaturatedSiteAnswers503WithRetryAfterAndRecordsTheOverload() throws Exception {
        SiteConfig config = SiteConfig.builder(new Site("ER", SiteKind.EDGE, 100, 1, 8, 150), TestSites.SEED_KINDS, dir)
                .token(TOKEN).queueCapacity(0).build();
        HttpClient client = TestSites.client();
        try (SiteServer server = SiteServer.start(config)) {
            CompletableFuture<HttpResponse<String>> slow = client.sendAsync(HttpRequest.newBuilder(
                            uri(server, "/v1/tasks")).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(task("slow", "CI", 300, 1, ""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(60)).until(() -> server.service().executor().running() == 1);

            HttpResponse<String> rejected = post(client, uri(server, "/v1/tasks"), task("second", "R", 1, 1, ""), TOKEN);

            assertThat(rejected.statusCode()).isEqualTo(503);
            assertThat(rejected.body()).contains("\"code\":\"SATURATED\"");
            assertThat(rejected.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> done = slow.get();
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(done.body()).get("executionMillis")
                    .asDouble()).as("paced to 300 MI / 100 MIPS").isGreaterThanOrEqualTo(3000.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> server.monitor().records().stream()
                    .anyMatch(r -> r.type() == FailureEventType.OVERLOAD && r.detail().startsWith("rejected=1 ")));
            // the rejected key was not remembered: it executes once the site has room
            assertThat(post(client, uri(server, "/v1/tasks"), task("second", "R", 1, 1, ""), TOKEN).body())
                    .contains("\"replayed\":false");
        }
    }
    @Test
    void onAColdSiteRetryAfterCoversTheQueuedWorkAtTheRatedSpeed() throws Exception {
        SiteConfig config = SiteConfig.builder(new Site("ER", SiteKind.EDGE, 100, 1, 8, 150), TestSites.SEED_KINDS, dir)
                .token(TOKEN).queueCapacity(1).build();
        HttpClient client = TestSites.client();
        try (SiteServer server = SiteServer.start(config)) {
            java.util.List<CompletableFuture<HttpResponse<String>>> accepted = new java.util.ArrayList<>();
            for (String key : new String[] {"running", "queued"}) {
                accepted.add(client.sendAsync(HttpRequest.newBuilder(uri(server, "/v1/tasks"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(task(key, "CI", 200, 1, ""))).build(),
                        HttpResponse.BodyHandlers.ofString()));
                await().atMost(Duration.ofSeconds(5)).until(() -> server.service().executor().running()
                        + server.service().executor().queueLength() == accepted.size());
            }

            HttpResponse<String> rejected = post(client, uri(server, "/v1/tasks"), task("third", "R", 1, 1, ""), TOKEN);

            // While it is rejected, the queued 200 MI (2 s at 100 MIPS) are still ahead, and at most 200 MI more
            // of the running task: Retry-After is in [2, 4] s, not the former 1 s of a cold site.
            assertThat(rejected.statusCode()).isEqualTo(503);
            assertThat(Long.parseLong(rejected.headers().firstValue("Retry-After").orElseThrow())).isBetween(2L, 4L);
            for (CompletableFuture<HttpResponse<String>> f : accepted) {
                assertThat(f.get().statusCode()).isEqualTo(200); // and the site stops with no task in flight
            }
        }
    }
}
