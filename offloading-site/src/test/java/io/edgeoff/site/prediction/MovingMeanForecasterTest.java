package io.edgeoff.site.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MovingMeanForecasterTest {
    @Test
    void predictsTheMeanOfTheLastWindowSlotsForEveryFutureSlot() {
        AvailabilityHistory history = new AvailabilityHistory(Duration.ofDays(1),
                new double[] {0.0, 1.0, 0.5, 1.0, 0.75}, List.of(), 120);

        Forecast forecast = new MovingMeanForecaster(3).forecast(history, 4);

        assertThat(forecast.values()).containsExactly(0.75, 0.75, 0.75, 0.75);
        assertThat(forecast.predictor()).isEqualTo("moving-mean(3)");
        assertThat(forecast.slotSeconds()).isEqualTo(86_400);
    }

    @Test
    void reportsOneStepAheadErrorsOverTheHistory() {
        AvailabilityHistory history = new AvailabilityHistory(Duration.ofDays(1), new double[] {1.0, 0.5, 1.0},
                List.of(), 72);

        Forecast forecast = new MovingMeanForecaster(1).forecast(history, 1);

        // predictions 1.0 (for 0.5) and 0.5 (for 1.0): errors 0.5 and 0.5
        assertThat(forecast.metrics()).containsEntry("evaluatedSlots", 2.0);
        assertThat(forecast.metrics().get("mae")).isCloseTo(0.5, within(1e-12));
        assertThat(forecast.metrics().get("rmse")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void predictsFullAvailabilityWithoutHistory() {
        Forecast forecast = new MovingMeanForecaster(7).forecast(
                new AvailabilityHistory(Duration.ofSeconds(2), new double[0], List.of(), 0), 2);

        assertThat(forecast.values()).containsExactly(1.0, 1.0);
        assertThat(forecast.metrics()).containsEntry("evaluatedSlots", 0.0);
    }

    @Test
    void mtbfIsTheSpanBetweenFirstAndLastFailureOverTheirCount() {
        AvailabilityHistory history = new AvailabilityHistory(Duration.ofDays(1), new double[0],
                List.of(10.0, 20.0, 40.0), 50);

        assertThat(history.mtbfHours()).isCloseTo(10.0, within(1e-12));
        assertThat(history.hoursSinceLastFailure()).isCloseTo(10.0, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void forecastsStayInTheUnitInterval(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] series = random.doubles(50).toArray();

        Forecast forecast = new MovingMeanForecaster(1 + random.nextInt(10)).forecast(
                new AvailabilityHistory(Duration.ofDays(1), series, List.of(), 1200), 5);

        for (double v : forecast.values()) {
            assertThat(v).isBetween(0.0, 1.0);
        }
    }
}
