package io.edgeoff.device.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.device.ManualClock;
import io.edgeoff.device.SilentClient;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.siteapi.SiteResources;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each policy is shown the forecast of the model it plans with: the seed's SVR for seed-mdp-svr, best otherwise. */
class PolicyForecastsTest {
    private static final SiteEndpoint EC = new SiteEndpoint("EC", URI.create("http://127.0.0.1:1"), "token-0123456789");

    /** A site that serves svr (0.99) and best (0.40, a failure 0.1 h ago) and defaults to best. */
    private static final class TwoModelSite extends SilentClient {
        @Override
        public Optional<SiteResources> resources(SiteEndpoint site, Duration timeout) {
            return Optional.of(new SiteResources("EC", 8000, 4, 8, 150, 0, 0));
        }

        @Override
        public Optional<SiteAvailability> availability(SiteEndpoint site, int slots, Duration timeout) {
            return availability(site, slots, "best", timeout);
        }

        @Override
        public Optional<SiteAvailability> availability(SiteEndpoint site, int slots, String predictor,
                                                       Duration timeout) {
            List<String> served = List.of("weibull", "svr", "best");
            return switch (predictor) {
                case "svr" -> Optional.of(new SiteAvailability("EC", "svr", 1, List.of(0.99), 5.0, 0.1, Map.of(),
                        served));
                case "best" -> Optional.of(new SiteAvailability("EC", "weibull", 1, List.of(0.40), 5.0, 0.1,
                        Map.of(), served));
                default -> Optional.empty();
            };
        }
    }

    @Test
    void seedMdpSvrSeesTheSvrForecastAndEveryOtherPolicyTheBestModels() {
        assertThat(PolicyForecasts.predictorFor("seed-mdp-svr")).isEqualTo("svr");
        assertThat(PolicyForecasts.predictorFor("mdp")).isEqualTo("best");
        assertThat(PolicyForecasts.predictorFor("efpo")).isEqualTo("best");

        try (ResourceMonitor monitor = new ResourceMonitor(List.of(EC), new TwoModelSite(), Duration.ofHours(1),
                Duration.ofMillis(100), new ManualClock())) {
            monitor.pollPredictors(PolicyForecasts.ALL);
            monitor.pollAll();

            SiteOutlook svr = monitor.outlook("EC", false, PolicyForecasts.predictorFor("seed-mdp-svr"));
            SiteOutlook best = monitor.outlook("EC", false, PolicyForecasts.predictorFor("mdp"));
            assertThat(svr.predictedAvailability()).isEqualTo(0.99);
            assertThat(best.predictedAvailability()).isEqualTo(0.40);
            assertThat(best.downProbability()).isEqualTo(0.60);
            assertThat(monitor.outlook("EC", true, "svr").suspected()).isTrue();
            assertThat(monitor.forecast("EC", "svr").orElseThrow().predictor()).isEqualTo("svr");
        }
    }

    @Test
    void aModelTheSiteDoesNotServeFallsBackToItsDefault() {
        try (ResourceMonitor monitor = new ResourceMonitor(List.of(EC), new TwoModelSite(), Duration.ofHours(1),
                Duration.ofMillis(100), new ManualClock())) {
            monitor.pollPredictors(List.of("markov"));
            monitor.pollAll();

            assertThat(monitor.forecast("EC", "markov")).isEmpty();
            assertThat(monitor.outlook("EC", false, "markov").predictedAvailability()).isEqualTo(0.40);
        }
    }
}
