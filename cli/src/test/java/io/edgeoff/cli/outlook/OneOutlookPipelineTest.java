package io.edgeoff.cli.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.prediction.NodeForecast;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import io.edgeoff.simulator.availability.TraceAvailabilitySource;
import io.edgeoff.simulator.failure.SiteTrace;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureHistory;
import io.edgeoff.site.failure.FailureRecord;
import io.edgeoff.site.prediction.AvailabilityHistory;
import io.edgeoff.site.prediction.EngineForecaster;
import io.edgeoff.site.prediction.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one outlook pipeline: for the same node history, the same "now" and the same predictor, the site's
 * {@code /v1/availability} answer (failure file -> {@link FailureHistory} -> {@link AvailabilityHistory} ->
 * {@link EngineForecaster}) and the simulator's outlook (trace -> {@link TraceAvailabilitySource} trained on the
 * days before each day, as the site is -> {@link SiteTrace}) are equal field by field, because both are
 * {@code PredictionEngine.outlook}.
 */
class OneOutlookPipelineTest {
    private static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final TraceNode NODE = new TraceNode(7, 3);
    private static final int DAYS = 30;
    private static final long SEED = 5725;

    /** Seeded, disjoint outages over {@link #DAYS} days, the first on day 0 and the last ending on the last day. */
    private static List<Outage> outages(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        NodeId id = NodeId.of(NODE);
        List<Outage> outages = new ArrayList<>();
        outages.add(new Outage(id, DAY0.plus(Duration.ofHours(3)), Duration.ofMinutes(95)));
        Instant t = DAY0.plus(Duration.ofDays(1));
        while (true) {
            Instant start = t.plus(Duration.ofMinutes(random.nextLong(12 * 60, 4 * 24 * 60)));
            Duration length = Duration.ofMinutes(random.nextLong(5, 30 * 60));
            if (start.plus(length).isAfter(DAY0.plus(Duration.ofDays(DAYS)).minusSeconds(1))) {
                break;
            }
            outages.add(new Outage(id, start, length));
            t = start.plus(length);
        }
        Instant lastDay = DAY0.plus(Duration.ofDays(DAYS - 1));
        outages.add(new Outage(id, lastDay.plus(Duration.ofHours(20)), Duration.ofHours(2)));
        return outages;
    }

    /** The site's failure file at {@code now}: started at day 0, then each outage that began before {@code now}. */
    private static FailureHistory failureFile(List<Outage> outages, Instant now) {
        List<FailureRecord> records = new ArrayList<>();
        long seq = 1;
        records.add(new FailureRecord(seq++, DAY0, FailureEventType.SITE_STARTED, ""));
        for (Outage o : outages) {
            if (o.start().isBefore(now)) {
                records.add(new FailureRecord(seq++, o.start(), FailureEventType.OUTAGE_STARTED, ""));
                if (!o.end().isAfter(now)) {
                    records.add(new FailureRecord(seq++, o.end(), FailureEventType.OUTAGE_ENDED, ""));
                }
            }
        }
        return FailureHistory.of(records, now);
    }

    @ParameterizedTest
    @ValueSource(strings = {"svr", "markov", "weibull", "ewma"})
    void theSitesAnswerAndTheSimulatorsOutlookAreTheSameForTheSameHistoryNowAndPredictor(String predictor) {
        List<Outage> outages = outages(SEED);
        TraceAvailabilitySource simulator = new TraceAvailabilitySource(FailureTrace.of("test", outages), "test",
                SEED, TraceAvailabilitySource.Training.PAST_DAYS);
        SiteTrace trace = new SiteTrace(simulator.history(NODE), simulator.forecast(NODE, predictor),
                simulator.forecast(NODE, predictor));
        SplittableRandom moments = new SplittableRandom(SEED + 1);
        int compared = 0;
        int withFailures = 0;

        for (int k = 0; k < 12; k++) {
            double positionSeconds = moments.nextDouble(0.25, DAYS - 0.01) * 86_400;
            Instant now = DAY0.plusNanos(Math.round(positionSeconds * 1e9));
            Forecast site;
            try (EngineForecaster engine = new EngineForecaster(predictor, SEED, Optional.empty(), 1)) {
                site = engine.forecast(AvailabilityHistory.of(failureFile(outages, now), Duration.ofDays(1), now), 1);
            }
            NodeForecast simulated = trace.forecastAt(positionSeconds);
            SiteOutlook policyView = trace.outlookAt(positionSeconds);

            assertThat(site.values()).as("predicted availability at " + now).containsExactly(simulated.availability());
            assertThat(site.downProbability()).as("down probability at " + now).isEqualTo(simulated.downProbability());
            assertThat(site.mtbfHours()).as("MTBF at " + now).isEqualTo(simulated.mtbfHours());
            assertThat(site.hoursSinceLastFailure()).as("hours since the last failure at " + now)
                    .isEqualTo(simulated.hoursSinceLastFailure());
            assertThat(policyView.predictedAvailability()).isEqualTo(site.values()[0]);
            assertThat(policyView.downProbability()).isEqualTo(site.downProbability());
            assertThat(policyView.mtbfHours()).isEqualTo(site.mtbfHours());
            assertThat(policyView.hoursSinceLastFailure()).isEqualTo(site.hoursSinceLastFailure());
            compared++;
            if (Double.isFinite(site.mtbfHours())) {
                withFailures++;
            }
        }

        assertThat(compared).isEqualTo(12);
        assertThat(withFailures).as("most moments have a finite MTBF, so it is really compared").isGreaterThan(6);
    }
}
