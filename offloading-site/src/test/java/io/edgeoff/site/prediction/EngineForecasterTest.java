package io.edgeoff.site.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import io.edgeoff.prediction.trace.TraceReaders;
import io.edgeoff.site.injection.OutageTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EngineForecasterTest {
    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

    /** Slots of 2 s from {@code ORIGIN}; a failure of 1 s at each of {@code failureHours}; now = end of the slots. */
    private static AvailabilityHistory history(double[] slots, List<Double> failureHours) {
        List<Outage> outages = failureHours.stream().map(h -> new Outage(AvailabilityHistory.SITE,
                ORIGIN.plusNanos(Math.round(h * 3.6e12)), Duration.ofSeconds(1))).toList();
        return new AvailabilityHistory(ORIGIN, Duration.ofSeconds(2), slots, outages, ORIGIN.plusSeconds(slots.length * 2L));
    }

    @Test
    void forecastsFullAvailabilityBeforeAnySlotHasCompleted() {
        try (EngineForecaster engine = new EngineForecaster("svr", 1, Optional.empty(), 1)) {
            Forecast forecast = engine.forecast(history(new double[0], List.of()), 3);

            assertThat(forecast.values()).containsExactly(1.0, 1.0, 1.0);
            assertThat(forecast.predictor()).isEqualTo("svr");
            assertThat(forecast.slotSeconds()).isEqualTo(2.0);
        }
    }

    @Test
    void forecastsWithTheConfiguredModelOfThePredictionModule() {
        try (EngineForecaster engine = new EngineForecaster("last", 1, Optional.empty(), 1)) {
            Forecast forecast = engine.forecast(history(new double[] {1, 1, 0.25}, List.of(0.001)), 2);

            assertThat(forecast.values()).containsExactly(0.25, 0.25);
            assertThat(forecast.metrics()).containsEntry("trainingSlots", 3.0);
        }
    }

    @Test
    void retrainsInTheBackgroundAfterANewFailure() {
        try (EngineForecaster engine = new EngineForecaster("mean", 1, Optional.empty(), 1_000)) {
            engine.forecast(history(new double[] {1, 1, 1, 1, 1, 1}, List.of()), 1);
            assertThat(engine.trainedSlots()).isEqualTo(6);

            engine.forecast(history(new double[] {1, 1, 1, 1, 1, 1, 0.5}, List.of(0.003)), 1);

            await().atMost(Duration.ofSeconds(60)).until(() -> engine.trainedSlots() == 7);
        }
    }

    static java.util.stream.Stream<String> models() {
        return io.edgeoff.prediction.predictor.Predictors.names().stream();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("models")
    void everyModelOfThePredictionModuleForecastsInTheUnitIntervalFromAnyHistory(String model) {
        List<AvailabilityHistory> histories = List.of(
                history(new double[] {1}, List.of()),
                history(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, List.of()),
                history(new double[] {1, 0.5, 1, 1, 0.9, 1, 1, 0.2, 1, 1}, List.of(0.001, 0.004, 0.009)));

        for (AvailabilityHistory h : histories) {
            try (EngineForecaster engine = new EngineForecaster(model, 5725, Optional.empty(), 1)) {
                Forecast forecast = engine.forecast(h, 3);

                assertThat(forecast.values()).hasSize(3);
                for (double v : forecast.values()) {
                    assertThat(v).as(model).isBetween(0.0, 1.0);
                }
            }
        }
    }

    @Test
    void anUnknownModelIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> new EngineForecaster("crystal-ball", 1, Optional.empty(), 1))
                .hasMessageContaining("unknown model 'crystal-ball'").hasMessageContaining("svr");
    }

    @Test
    void mtbfIsThePredictionModulesMeanIntervalBetweenFailureStarts() {
        List<Outage> outages = List.of(10, 20, 40).stream().map(h -> new Outage(AvailabilityHistory.SITE,
                ORIGIN.plus(Duration.ofHours(h)), Duration.ofMinutes(5))).toList();
        AvailabilityHistory h = new AvailabilityHistory(ORIGIN, Duration.ofDays(1), new double[] {1, 1}, outages,
                ORIGIN.plus(Duration.ofHours(50)));
        try (EngineForecaster engine = new EngineForecaster("last", 1, Optional.empty(), 1)) {
            Forecast forecast = engine.forecast(h, 1);

            assertThat(forecast.mtbfHours()).isCloseTo(15.0, within(1e-9));
            assertThat(forecast.hoursSinceLastFailure()).isCloseTo(10.0, within(1e-9));
        }
    }

    @Test
    void aSiteThatNeverFailedHasNoMtbfAndNoLastFailure() {
        try (EngineForecaster engine = new EngineForecaster("last", 1, Optional.empty(), 1)) {
            Forecast forecast = engine.forecast(history(new double[] {1, 1, 1}, List.of()), 1);

            assertThat(forecast.mtbfHours()).isInfinite();
            assertThat(forecast.hoursSinceLastFailure()).isInfinite();
        }
    }

    @Test
    void aSiteThatFailedOnceHasNoMtbfYet() {
        try (EngineForecaster engine = new EngineForecaster("last", 1, Optional.empty(), 1)) {
            Forecast forecast = engine.forecast(history(new double[] {1, 0.5, 1}, List.of(0.0005)), 1);

            assertThat(forecast.mtbfHours()).isInfinite();
            assertThat(forecast.hoursSinceLastFailure()).isCloseTo(6 / 3600.0 - 0.0005, within(1e-9));
        }
    }

    @Test
    void aLanlNodeServesAsPriorHistoryAndAsAReplayableTrace() {
        Path lanl = findLanl();
        Assumptions.assumeTrue(lanl != null, "LANL failure data not available");
        FailureTrace trace = TraceReaders.read(lanl);
        NodeId node = new NodeId(20, 158);
        AvailabilitySeries prior = AvailabilitySeries.of(node, trace.outagesOf(node), AvailabilitySeries.DAY);

        try (EngineForecaster engine = new EngineForecaster("svr", 5725, Optional.of(prior), 1)) {
            Forecast forecast = engine.forecast(history(new double[] {1, 1}, List.of()), 5);

            assertThat(forecast.values()).hasSize(5);
            for (double v : forecast.values()) {
                assertThat(v).isBetween(0.0, 1.0);
            }
            assertThat(forecast.metrics()).containsEntry("trainingSlots", (double) prior.size() + 2)
                    .containsKeys("nrmse", "rmse", "mae");
        }
        OutageTrace replay = OutageTrace.fromNode(trace, node);
        assertThat(replay.outages()).isNotEmpty();
        assertThat(replay.outages().get(0).startOffsetSeconds()).isBetween(0.0, 86_400.0);
    }

    static Path findLanl() {
        String env = System.getenv("EDGEOFF_LANL_TRACE");
        if (env != null && Files.exists(Path.of(env))) {
            return Path.of(env);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("shared/data/lanl/LA-UR-05-7318-failure-data-1996-2005.csv");
            if (Files.exists(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        return null;
    }
}
