package io.edgeoff.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionEngineTest {
    private static final NodeId N = new NodeId(0, 1);

    @Test
    void aNodeWithoutFailuresIsForecastFullyAvailable() {
        NodeForecast f = PredictionEngine.ofDefaults().forecast(N, List.of(), Instant.parse("2024-01-10T12:00:00Z"), 3);

        assertThat(f.availability()).containsExactly(1.0, 1.0, 1.0);
        assertThat(f.outageProbability()).containsExactly(0.0, 0.0, 0.0);
        assertThat(f.downProbability()).isZero();
        assertThat(f.mtbfHours()).isInfinite();
        assertThat(f.hoursSinceLastFailure()).isInfinite();
        assertThat(f.failureRatePerSecond()).isZero();
    }

    @Test
    void aNodeWithOneFailureHasNoObservedIntervalSoItsMtbfIsInfinite() {
        Instant now = Instant.parse("2024-01-10T12:00:00Z");
        List<Outage> outages = List.of(new Outage(N, Instant.parse("2024-01-02T00:00:00Z"), Duration.ofHours(2)));

        Reliability r = Reliability.at(N, outages, now);

        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.mtbfHours()).isInfinite();
        assertThat(r.failureRatePerSecond()).isZero();
        assertThat(r.hoursSinceLastFailure()).isCloseTo(8 * 24 + 12, within(1e-9));
        assertThat(r.down()).isFalse();
    }

    @Test
    void outagesStartingAtOrAfterNowDoNotCount() {
        Instant now = Instant.parse("2024-01-10T12:00:00Z");
        List<Outage> outages = List.of(new Outage(N, now, Duration.ofHours(2)),
                new Outage(N, now.plusSeconds(60), Duration.ofHours(2)));

        assertThat(Reliability.at(N, outages, now)).isEqualTo(Reliability.neverFailed());
    }

    @Test
    void forecastsFromTheCurrentSlotWithReliabilityFiguresFromThePast() {
        List<Outage> outages = new ArrayList<>();
        for (int d = 0; d < 60; d += 3) {
            outages.add(new Outage(N, Instant.parse("2024-01-01T10:00:00Z").plus(Duration.ofDays(d)), Duration.ofHours(1)));
        }
        Instant now = Instant.parse("2024-03-01T06:00:00Z");

        NodeForecast f = PredictionEngine.ofDefaults().forecast(N, outages, now, 2);

        assertThat(f.from()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(f.mtbfHours()).isCloseTo(72.0, within(1e-9));
        assertThat(f.failureRatePerSecond()).isCloseTo(1 / (72.0 * 3600), within(1e-15));
        assertThat(f.hoursSinceLastFailure()).isCloseTo(24 * 2 + 20, within(1e-9)); // last at Feb 27 10:00, 2024 is a leap year
        assertThat(Arrays.stream(f.availability()).boxed().toList()).allSatisfy(a -> assertThat(a).isBetween(0.9, 1.0));
        assertThat(f.down()).isFalse();
    }

    @Test
    void aNodeDownNowHasCertainOutageInTheCurrentSlot() {
        Instant now = Instant.parse("2024-01-10T12:00:00Z");
        List<Outage> outages = List.of(new Outage(N, Instant.parse("2024-01-02T00:00:00Z"), Duration.ofHours(2)),
                new Outage(N, now.minusSeconds(600), Duration.ofHours(5)));

        NodeForecast f = PredictionEngine.ofDefaults().forecast(N, outages, now, 1);

        assertThat(f.down()).isTrue();
        assertThat(f.outageProbability()[0]).isEqualTo(1.0);
    }

    @Test
    void aNodeThatFailedOnceHasAnInfiniteMtbfInItsOutlook() {
        Instant now = Instant.parse("2024-01-10T12:00:00Z");
        List<Outage> outages = List.of(new Outage(N, Instant.parse("2024-01-02T00:00:00Z"), Duration.ofHours(2)));

        NodeForecast f = PredictionEngine.of("last", 0, AvailabilitySeries.DAY).forecast(N, outages, now, 1);

        assertThat(f.mtbfHours()).isInfinite();
        assertThat(f.failureRatePerSecond()).isZero();
        assertThat(f.hoursSinceLastFailure()).isCloseTo(8 * 24 + 12, within(1e-9));
        assertThat(f.predictedAvailability()).as("the last completed day was fully up").isEqualTo(1.0);
    }

    @Test
    void theDownProbabilityIsTheComplementOfTheDownModelsAvailability() {
        Instant now = Instant.parse("2024-01-10T12:00:00Z");
        List<Outage> outages = List.of(new Outage(N, Instant.parse("2024-01-09T00:00:00Z"), Duration.ofHours(6)));

        NodeForecast one = PredictionEngine.of("last", 0, AvailabilitySeries.DAY).forecast(N, outages, now, 1);
        NodeForecast two = PredictionEngine.of("always-up", "last", 0, AvailabilitySeries.DAY).forecast(N, outages, now, 1);

        assertThat(one.predictedAvailability()).isEqualTo(0.75);
        assertThat(one.downProbability()).isEqualTo(0.25);
        assertThat(two.predictedAvailability()).isEqualTo(1.0);
        assertThat(two.downProbability()).as("from the 'last' model, not from 'always-up'").isEqualTo(0.25);
        assertThat(two.model()).isEqualTo("always-up");
    }

    @Test
    void theRandomSplitHidesExactlyTheEvaluatorsTestSlots() {
        double[] values = new double[40];
        java.util.Arrays.fill(values, 1.0);
        AvailabilitySeries series = new AvailabilitySeries(N, Instant.parse("2024-01-01T00:00:00Z"),
                AvailabilitySeries.DAY, values, List.of());
        List<AvailabilitySeries> seen = new ArrayList<>();
        Predictor.Trainer recording = Predictor.Trainer.of("recording", h -> {
            seen.add(h);
            return Predictors.trainer("always-up").train(h);
        });
        Evaluator split = Evaluator.ofDefaults();

        new PredictionEngine(recording, AvailabilitySeries.DAY).trainOnRandomSplit(series, split);

        boolean[] hidden = split.randomTestSlots(40);
        assertThat(seen).hasSize(1);
        for (int i = 0; i < 40; i++) {
            assertThat(Double.isNaN(seen.get(0).value(i))).as("slot " + i).isEqualTo(hidden[i]);
        }
    }

    @Test
    void refusesASeriesWithAnotherSlotLength() {
        AvailabilitySeries hourly = new AvailabilitySeries(N, Instant.parse("2024-01-01T00:00:00Z"),
                Duration.ofHours(1), new double[] {1, 1}, List.of());

        assertThatThrownBy(() -> PredictionEngine.ofDefaults().train(hourly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slots of PT1H");
    }
}
