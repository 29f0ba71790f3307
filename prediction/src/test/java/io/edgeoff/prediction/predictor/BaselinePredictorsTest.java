package io.edgeoff.prediction.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import org.junit.jupiter.api.Test;

class BaselinePredictorsTest {
    private final AvailabilitySeries s = Series.daily(1.0, 0.5, 1.0, 0.8);

    @Test
    void lastValueRepeatsTheLastObservedSlot() {
        Predictor p = Predictors.trainer("last").train(s);

        assertThat(p.forecast(s, 3)).containsExactly(0.8, 0.8, 0.8);
        assertThat(p.outageProbability(s, 1)[0]).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void movingMeanAveragesTheWindow() {
        Predictor p = MovingMeanPredictor.trainer(2).train(s);

        assertThat(p.forecast(s, 1)[0]).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void ewmaSmoothsFromTheFirstObservation() {
        Predictor p = EwmaPredictor.trainer(0.5).train(s);

        // 1.0 -> 0.75 -> 0.875 -> 0.8375
        assertThat(p.forecast(s, 2)).containsExactly(new double[] {0.8375, 0.8375}, within(1e-12));
    }

    @Test
    void baselinesSkipSlotsThatWereNotObserved() {
        AvailabilitySeries masked = s.masked(new boolean[] {false, false, false, true});

        assertThat(Predictors.trainer("last").train(masked).forecast(masked, 1)[0]).isEqualTo(1.0);
    }

    @Test
    void theRegistryNamesTheKnownModelsWhenAskedForAnUnknownOne() {
        assertThat(Predictors.names()).contains("svr", "svr-tuned", "last", "mean", "ewma", "weibull", "markov");
        assertThatThrownBy(() -> Predictors.trainer("oracle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'oracle'").hasMessageContaining("svr");
        assertThatThrownBy(() -> Predictors.trainer("last").train(s).forecast(s, 0))
                .hasMessageContaining("horizon must be >= 1");
    }
}
