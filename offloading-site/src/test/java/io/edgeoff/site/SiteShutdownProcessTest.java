package io.edgeoff.site;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.get;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureFile;
import io.edgeoff.site.failure.FailureRecord;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real site process with tasks in flight (two executing, one queued): every task gets an
 * answer, a 200 when the grace period lets it finish, a 503 {@code SITE_UNAVAILABLE} with
 * {@code Retry-After} (handed back) when it does not; the failure file ends with {@code SITE_STOPPED}
 * giving the counts, and the process exits.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SiteShutdownProcessTest {
    @TempDir
    Path dir;

    @Test
    void tasksInFlightFinishWithinTheGracePeriodAndTheFileEndsWithACleanStop() throws Exception {
        List<HttpResponse<String>> answers = runAndTerminate(Duration.ofSeconds(120), 200);

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        FailureRecord last = lastRecord();
        assertThat(last.type()).isEqualTo(FailureEventType.SITE_STOPPED);
        Map<String, String> detail = Details.parse(last.detail());
        assertThat(detail).containsEntry("reason", "stop").containsEntry("finished", "3")
                .containsEntry("handedBack", "0");
    }

    @Test
    void tasksStillRunningWhenTheGracePeriodEndsAreHandedBackWith503() throws Exception {
        // 6000 MI at 100 MIPS: a minute of paced time, far beyond the 300 ms grace period
        List<HttpResponse<String>> answers = runAndTerminate(Duration.ofMillis(300), 6000);

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(503);
            assertThat(a.body()).contains("\"code\":\"SITE_UNAVAILABLE\"").contains("handed back");
            assertThat(a.headers().firstValue("Retry-After")).isPresent();
        });
        FailureRecord last = lastRecord();
        assertThat(last.type()).isEqualTo(FailureEventType.SITE_STOPPED);
        assertThat(Details.parse(last.detail())).containsEntry("handedBack", "3").containsEntry("finished", "0");
        assertThat(FailureFile.read(dir).records()).extracting(FailureRecord::type)
                .doesNotContain(FailureEventType.EXECUTION_FAILED, FailureEventType.UNCLEAN_SHUTDOWN);
    }

    /** Starts the site, sends three tasks of {@code mi} MI, SIGTERMs it once all three are held, returns the answers. */
    private List<HttpResponse<String>> runAndTerminate(Duration grace, double mi) throws Exception {
        HttpClient client = TestSites.client();
        Process site = TestSites.startChildJvm(ShutdownChildMain.class, List.of(dir.toString(),
                Long.toString(grace.toMillis())));
        try {
            int port = TestSites.readPort(site);
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri(port, "/v1/tasks")).timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(TestSites.task("t" + i, "CI", mi, 1, "AAAA")))
                        .build();
                inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            // two executing (2 cores) and one queued
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                String metrics = get(client, uri(port, "/v1/metrics"), null).body();
                return metrics.contains("edgeoff_site_running_tasks{site=\"EC\"} 2.0")
                        && metrics.contains("edgeoff_site_queue_length{site=\"EC\"} 1.0");
            });

            site.destroy(); // SIGTERM

            List<HttpResponse<String>> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                answers.add(f.get(2, TimeUnit.MINUTES));
            }
            assertThat(site.waitFor(2, TimeUnit.MINUTES)).isTrue();
            return answers;
        } finally {
            site.destroyForcibly();
            site.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private FailureRecord lastRecord() {
        List<FailureRecord> records = FailureFile.read(dir).records();
        return records.get(records.size() - 1);
    }
}
