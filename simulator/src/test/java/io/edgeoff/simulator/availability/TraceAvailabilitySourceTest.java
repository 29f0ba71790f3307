package io.edgeoff.simulator.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceAvailabilitySourceTest {
    private static final NodeId NODE = new NodeId(16, 1);
    private static final Instant DAY0 = Instant.parse("2003-03-10T00:00:00Z");

    // day 0: down 06:00-12:00 (a = 0.75); day 2: down 18:00 to day 3 06:00 (a = 0.75, 0.75); day 4 down 00:00-24:00
    private final TraceAvailabilitySource source = new TraceAvailabilitySource(FailureTrace.of("test", List.of(
            new Outage(NODE, DAY0.plus(Duration.ofHours(6)), Duration.ofHours(6)),
            new Outage(NODE, DAY0.plus(Duration.ofHours(66)), Duration.ofHours(12)),
            new Outage(NODE, DAY0.plus(Duration.ofDays(4)), Duration.ofHours(24)))), "test", 5725);

    @Test
    void historyIsTheDailyAvailabilityWithOutagesInSecondsSinceTheFirstFailureDay() {
        NodeHistory h = source.history(new TraceNode(16, 1));

        assertThat(h.dailyAvailability()).containsExactly(0.75, 1.0, 0.75, 0.75, 0.0);
        assertThat(h.outageStartSeconds()).containsExactly(6 * 3600.0, 66 * 3600.0, 96 * 3600.0);
        assertThat(h.outageEndSeconds()).containsExactly(12 * 3600.0, 78 * 3600.0, 120 * 3600.0);
        assertThat(h.seriesStart()).as("midnight of the first failure day").isEqualTo(DAY0);
    }

    @Test
    void lastValueForecastIsWalkForward() {
        double[] last = source.forecast(new TraceNode(16, 1), "last");

        assertThat(last).hasSize(5);
        assertThat(last[1]).isEqualTo(0.75);
        assertThat(last[2]).isEqualTo(1.0);
        assertThat(last[4]).isEqualTo(0.75);
    }

    @Test
    void svrForecastsEveryDayWithinZeroAndOne() {
        double[] svr = source.forecast(new TraceNode(16, 1), "svr");

        assertThat(svr).hasSize(5);
        for (double v : svr) {
            assertThat(v).isBetween(0.0, 1.0);
        }
    }

    @Test
    void svrIsTrainedOnThePredictionModulesRandomSplitWithTheSameSeed() {
        AvailabilitySeries series = AvailabilitySeries.of(NODE, List.of(
                new Outage(NODE, DAY0.plus(Duration.ofHours(6)), Duration.ofHours(6)),
                new Outage(NODE, DAY0.plus(Duration.ofHours(66)), Duration.ofHours(12)),
                new Outage(NODE, DAY0.plus(Duration.ofDays(4)), Duration.ofHours(24))), AvailabilitySeries.DAY);
        boolean[] hidden = Evaluator.ofDefaults().withSeed(5725).randomTestSlots(series.size());
        Predictor model = Predictors.trainer("svr", 5725).train(series.masked(hidden));

        double[] svr = source.forecast(new TraceNode(16, 1), "svr");

        for (int d = 0; d < svr.length; d++) {
            assertThat(svr[d]).as("day %d", d)
                    .isEqualTo(Predictor.clamp01(model.forecast(series.prefix(d), 1)[0]));
        }
    }

    @Test
    void unknownNodesAndPredictorsAreNamed() {
        assertThatThrownBy(() -> source.history(new TraceNode(99, 9))).hasMessageContaining("99/9");
        assertThatThrownBy(() -> source.forecast(new TraceNode(16, 1), "crystal-ball"))
                .hasMessageContaining("crystal-ball");
    }
}
