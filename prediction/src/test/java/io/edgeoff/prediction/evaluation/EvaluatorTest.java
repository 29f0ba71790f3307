package io.edgeoff.prediction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.NodeId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static AvailabilitySeries series(double... v) {
        return new AvailabilitySeries(new NodeId(1, 1), Instant.EPOCH, AvailabilitySeries.DAY, v, List.of());
    }

    @Test
    void chronologicalForecastsDoNotDependOnTheTestSlots() {
        double[] a = {1, 0.9, 1, 0.8, 1, 1, 0.7, 1, 1, 1};
        double[] b = a.clone();
        b[8] = 0;
        b[9] = 0.1;

        for (String model : List.of("svr", "last", "mean", "ewma", "weibull", "markov")) {
            EvaluationResult ra = Evaluator.ofDefaults().evaluate(Predictors.trainer(model), series(a), Protocol.CHRONOLOGICAL);
            EvaluationResult rb = Evaluator.ofDefaults().evaluate(Predictors.trainer(model), series(b), Protocol.CHRONOLOGICAL);
            assertThat(ra.predicted()).as(model).containsExactly(rb.predicted());
            assertThat(ra.trainSlots()).isEqualTo(8);
        }
    }

    @Test
    void walkForwardForecastsEachSlotFromTheSlotsBeforeIt() {
        double[] v = {1, 0.9, 1, 0.8, 1, 1, 0.7, 1, 0.6, 0.3};

        EvaluationResult r = Evaluator.ofDefaults().evaluate(Predictors.trainer("last"), series(v), Protocol.WALK_FORWARD);

        assertThat(r.testIndices()).containsExactly(8, 9);
        assertThat(r.predicted()).containsExactly(1.0, 0.6);
        assertThat(r.fitCount()).isEqualTo(2);
    }

    @Test
    void walkForwardRetrainsOnlyEveryRefitInterval() {
        double[] v = new double[50];
        Arrays.fill(v, 1.0);

        EvaluationResult r = Evaluator.ofDefaults().withRefitEvery(4).evaluate(Predictors.trainer("mean"), series(v),
                Protocol.WALK_FORWARD);

        assertThat(r.testIndices()).hasSize(10);
        assertThat(r.fitCount()).isEqualTo(3);
    }

    @Test
    void theRandomProtocolHidesItsTestSlotsFromTraining() {
        double[] v = new double[20];
        Arrays.fill(v, 1.0);
        Predictor.Trainer spy = new Predictor.Trainer() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public Predictor train(AvailabilitySeries history) {
                long hidden = Arrays.stream(history.values()).filter(Double::isNaN).count();
                assertThat(hidden).isEqualTo(4);
                return Predictors.trainer("mean").train(history);
            }
        };

        EvaluationResult r = Evaluator.ofDefaults().evaluate(spy, series(v), Protocol.RANDOM);

        assertThat(r.testIndices()).hasSize(4).isSorted();
        assertThat(r.metrics().rmse()).isZero();
    }

    @Test
    void aSeriesTooShortToSplitIsRejected() {
        assertThatThrownBy(() -> Evaluator.ofDefaults().evaluate(Predictors.trainer("last"), series(1.0), Protocol.CHRONOLOGICAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> Protocol.parse("shuffled")).hasMessageContaining("walk-forward");
    }

    @Test
    void theRandomSplitHidesTheSeedsShareOfSlotsAndDependsOnlyOnTheSeedAndLength() {
        Evaluator e = Evaluator.ofDefaults();

        boolean[] hidden = e.randomTestSlots(101);

        int count = 0;
        for (boolean h : hidden) {
            count += h ? 1 : 0;
        }
        assertThat(count).isEqualTo(101 - e.trainSize(101));
        assertThat(e.randomTestSlots(101)).isEqualTo(hidden);
        assertThat(e.withSeed(1).randomTestSlots(101)).isNotEqualTo(hidden);
        assertThat(e.randomTestSlots(1)).containsExactly(false);
    }
}
