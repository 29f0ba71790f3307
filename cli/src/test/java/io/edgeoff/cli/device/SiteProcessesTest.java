package io.edgeoff.cli.device;

import io.edgeoff.experiment.Demo;
import io.edgeoff.experiment.LiveComparison;
import io.edgeoff.experiment.SiteArguments;
import io.edgeoff.experiment.SiteProcesses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteProcessesTest {
    @TempDir
    Path dir;

    @Test
    void aSiteThatCrashesOnPurposeIsStartedAgainAndEveryChildStopsOnClose() throws Exception {
        Assumptions.assumeTrue(io.edgeoff.cli.EdgeoffCommand.commandLine().getSubcommands().containsKey("site"),
                "the 'edgeoff site' command is not in this build");
        int port = SiteProcesses.freePort();
        String token = "supervisor-test";
        Process first;
        try (SiteProcesses sites = new SiteProcesses(msg -> { })) {
            sites.start(new SiteProcesses.SiteLaunch("ER", port,
                    SiteArguments.of("ER", port, dir.resolve("ER"), null, 1), token, dir.resolve("ER.log")));
            sites.awaitHealthy(Duration.ofSeconds(90));
            first = sites.process("ER");

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v1/admin/outages"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"crash\",\"durationMillis\":500}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> sites.restarts() == 1);
            assertThat(first.exitValue()).isEqualTo(SiteProcesses.CRASH_EXIT_CODE);
            sites.awaitHealthy(Duration.ofSeconds(90));
            assertThat(sites.process("ER")).isNotSameAs(first);
            Process second = sites.process("ER");

            sites.close();

            assertThat(second.isAlive()).isFalse();
        }
    }
}
