package io.edgeoff.site.injection;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.get;
import static io.edgeoff.site.TestSites.post;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteChildMain;
import io.edgeoff.site.TestSites;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash mode for real: a site in a child JVM exits, and its restart detects and records the unclean shutdown. */
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CrashModeProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aCrashOutageEndsTheProcessAndTheRestartRecordsAnUncleanShutdown() throws Exception {
        HttpClient client = TestSites.client();
        Process site = TestSites.startChildJvm(SiteChildMain.class, List.of(dir.toString()));
        try {
            int port = readPort(site);
            var injected = post(client, uri(port, "/v1/admin/outages"), "{\"mode\":\"crash\",\"durationMillis\":500}",
                    TOKEN);

            boolean exited = site.waitFor(60, TimeUnit.SECONDS);

            assertThat(injected.statusCode()).isEqualTo(202);
            assertThat(exited).isTrue();
            assertThat(site.exitValue()).isEqualTo(OutageMode.CRASH_EXIT_CODE);
        } finally {
            site.destroyForcibly();
        }

        Process restarted = TestSites.startChildJvm(SiteChildMain.class, List.of(dir.toString()));
        try {
            int port = readPort(restarted);
            assertThat(get(client, uri(port, "/v1/health"), null).statusCode()).isEqualTo(200);
            JsonNode events = JSON.readTree(get(client, uri(port, "/v1/admin/failure-events"), TOKEN).body())
                    .get("events");
            List<String> types = new ArrayList<>();
            events.forEach(e -> types.add(e.get("type").asText()));
            assertThat(types).containsSubsequence("SITE_STARTED", "OUTAGE_STARTED", "UNCLEAN_SHUTDOWN", "SITE_STARTED");
            JsonNode unclean = null;
            for (JsonNode e : events) {
                if (e.get("type").asText().equals("UNCLEAN_SHUTDOWN")) {
                    unclean = e;
                }
            }
            assertThat(unclean.get("detail").asText()).contains("lastRecord=OUTAGE_STARTED").contains("mode=crash");
            JsonNode availability = JSON.readTree(get(client, uri(port, "/v1/availability"), null).body());
            assertThat(availability.get("hoursSinceLastFailure").asDouble()).isLessThan(0.1);
            restarted.destroy(); // SIGTERM: a clean stop
            assertThat(restarted.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }

        var records = io.edgeoff.site.failure.FailureFile.read(dir).records();
        assertThat(records.get(records.size() - 1).type())
                .isEqualTo(io.edgeoff.site.failure.FailureEventType.SITE_STOPPED);
    }

    @Test
    void aSiteRestartedAtOnceAfterACrashStaysDownUntilTheCrashOutageEnds() throws Exception {
        HttpClient client = TestSites.client();
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process site = TestSites.startChildJvm(SiteChildMain.class, List.of(dir.toString(), Integer.toString(port)));
        long crashedAt; // taken before the request: the outage starts no earlier, so both checks below hold under load
        try {
            readPort(site);
            crashedAt = System.nanoTime();
            post(client, uri(port, "/v1/admin/outages"), "{\"mode\":\"crash\",\"durationMillis\":8000}", TOKEN);
            assertThat(site.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            site.destroyForcibly();
        }

        Process restarted = TestSites.startChildJvm(SiteChildMain.class, List.of(dir.toString(), Integer.toString(port)));
        try {
            readPort(restarted);
            if (System.nanoTime() - crashedAt < 6_000_000_000L) {
                assertThatThrownBy(() -> get(client, uri(port, "/v1/health"), null))
                        .isInstanceOf(java.net.ConnectException.class);
            }
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    get(client, uri(port, "/v1/health"), null).statusCode() == 200);
            assertThat(System.nanoTime() - crashedAt).as("down until about 8 s after the crash").isGreaterThanOrEqualTo(7_000_000_000L);
            JsonNode events = JSON.readTree(get(client, uri(port, "/v1/admin/failure-events"), TOKEN).body())
                    .get("events");
            List<String> lines = new ArrayList<>();
            events.forEach(e -> lines.add(e.get("type").asText() + " " + e.get("detail").asText()));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("OUTAGE_STARTED mode=refuse")
                    .contains("source=crash-resume"));
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int readPort(Process process) throws Exception {
        return TestSites.readPort(process);
    }
}
