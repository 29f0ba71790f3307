package io.edgeoff.site.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.prediction.PredictionEngine;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.siteapi.ApiError;
import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real site on loopback with a history trace (the prediction module's synthetic LANL-fitted trace, node 16/1, in
 * hourly slots over its last 30 days) serves the forecasts the prediction engine gives for that history, for the
 * seed's SVR and for the engine's best walk-forward model, selected per request.
 */
class HistoryForecastTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final long SEED = 5725;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fixed moment: the site's own first slot (1 h of wall-clock time at compression 1) is far from complete. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static AvailabilitySeries history() {
        FailureTrace trace = SyntheticTraces.defaultTrace();
        NodeId node = new NodeId(16, 1);
        AvailabilitySeries all = AvailabilitySeries.of(node, trace.outagesOf(node), HOUR);
        Instant from = all.end().minus(Duration.ofDays(30));
        return AvailabilitySeries.of(node, all.outages().stream().filter(o -> o.end().isAfter(from)).toList(), HOUR,
                from, all.end());
    }

    private SiteServer start(Path data, AvailabilitySeries history) {
        SiteConfig config = TestSites.fastSite(data).traceSlot(HOUR).historySeries(history).build();
        return SiteServer.start(config, CLOCK, code -> { }, SiteServer.engineFor(config));
    }

    private static SiteAvailability get(HttpClient client, SiteServer site, String query) throws Exception {
        HttpResponse<String> r = TestSites.get(client, TestSites.uri(site, "/v1/availability" + query), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readValue(r.body(), SiteAvailability.class);
    }

    private static double[] engine(String model, AvailabilitySeries history, int k) {
        PredictionEngine engine = PredictionEngine.of(model, SEED, HOUR);
        return engine.predict(engine.train(history), history, k).availability();
    }

    private static double[] values(SiteAvailability a) {
        return a.forecast().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void aHistoryTraceGivesThePredictionEnginesForecastPerSelectedModel() throws Exception {
        AvailabilitySeries history = history();
        HttpClient client = TestSites.client();
        try (SiteServer withHistory = start(dir.resolve("a"), history);
             SiteServer without = start(dir.resolve("b"), null)) {
            SiteAvailability best = get(client, withHistory, "?slots=3&predictor=best");
            SiteAvailability svr = get(client, withHistory, "?slots=3&predictor=svr");
            SiteAvailability plain = get(client, withHistory, "?slots=3");
            SiteAvailability none = get(client, without, "?slots=3&predictor=best");

            assertThat(best.predictor()).isEqualTo("weibull");
            assertThat(svr.predictor()).isEqualTo("svr");
            assertThat(best.servedPredictors()).containsExactly("weibull", "svr", "best");
            assertThat(values(best)).containsExactly(engine("weibull", history, 3));
            assertThat(values(svr)).containsExactly(engine("svr", history, 3));
            assertThat(values(plain)).containsExactly(values(best)); // the default model is the best one
            assertThat(best.metrics()).containsEntry("trainingSlots", (double) history.size());
            assertThat(best.slotSeconds()).isEqualTo(3600.0);

            // the history moves the forecast: without it the site has nothing to learn from
            assertThat(values(none)).containsExactly(1.0, 1.0, 1.0);
            assertThat(values(best)[0]).isLessThan(1.0);
            assertThat(values(svr)[0]).isLessThan(1.0);
            assertThat(values(svr)).isNotEqualTo(values(best));
        }
    }

    @Test
    void anUnknownPredictorIsAClearError() throws Exception {
        HttpClient client = TestSites.client();
        try (SiteServer site = start(dir, null)) {
            HttpResponse<String> r = TestSites.get(client, TestSites.uri(site, "/v1/availability?predictor=oracle"),
                    null);
            assertThat(r.statusCode()).isEqualTo(400);
            ApiError error = JSON.readValue(r.body(), ApiError.class);
            assertThat(error.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(error.message()).isEqualTo("predictor 'oracle' is not served by this site; it serves"
                    + " [weibull, svr, best]");
        }
        assertThatThrownBy(() -> TestSites.fastSite(dir).servedPredictors(List.of("svr", "crystal-ball")).build())
                .hasMessageContaining("unknown predictor 'crystal-ball'").hasMessageContaining("best");
        assertThatThrownBy(() -> TestSites.fastSite(dir).historySeries(history()).build())
                .hasMessageContaining("the history has slots of PT1H but the trace slot is PT24H");
    }
}
