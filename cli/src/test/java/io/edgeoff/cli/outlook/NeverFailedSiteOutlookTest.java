package io.edgeoff.cli.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.policy.FailureEstimate;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one outlook pipeline end to end: a real site with an empty failure history (failure file, prediction
 * module's {@code Reliability}) serves {@code /v1/availability}, the device's client and resource monitor turn it
 * into the {@link SiteOutlook} a policy sees, and EFPO's failure probability for it is 0.
 */
class NeverFailedSiteOutlookTest {
    private static final String TOKEN = "outlook-test-token-0123";

    @TempDir
    Path dir;

    @Test
    void efpoSeesASiteWithAnEmptyFailureHistoryThroughItsAvailabilityAnswerAsNeverFailing() throws Exception {
        Site ec = new Site("EC", SiteKind.EDGE, 1_000_000, 2, 8, 150);
        SiteConfig config = SiteConfig.builder(ec, List.of("R", "DI", "CI"), dir).token(TOKEN).build();
        try (SiteServer server = SiteServer.start(config);
             HttpSiteClient client = new HttpSiteClient()) {
            SiteEndpoint endpoint = new SiteEndpoint("EC", URI.create("http://127.0.0.1:" + server.port()), TOKEN);
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("availability"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();

            SiteAvailability answer = client.availability(endpoint, 1, Duration.ofSeconds(5)).orElseThrow();
            SiteOutlook outlook;
            try (ResourceMonitor monitor = new ResourceMonitor(List.of(endpoint), client, Duration.ofSeconds(1),
                    Duration.ofSeconds(5), DeviceClock.SYSTEM)) {
                monitor.pollAll();
                outlook = monitor.outlook("EC", false);
            }

            assertThat(body).contains("\"mtbfHours\":null").contains("\"hoursSinceLastFailure\":null");
            assertThat(answer.mtbfHours()).isInfinite();
            assertThat(outlook.mtbfHours()).isInfinite();
            assertThat(outlook.hoursSinceLastFailure()).isInfinite();
            assertThat(FailureEstimate.mtbf().failureProbability(ec, outlook)).isZero();
        }
    }
}
