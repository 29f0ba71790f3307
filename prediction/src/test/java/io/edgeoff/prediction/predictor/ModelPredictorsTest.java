package io.edgeoff.prediction.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelPredictorsTest {
    @Test
    void svrOnAConstantSeriesForecastsThatConstant() {
        double[] v = new double[60];
        Arrays.fill(v, 0.9);
        AvailabilitySeries s = Series.daily(v);

        SvrPredictor p = (SvrPredictor) Predictors.trainer("svr").train(s);

        assertThat(Arrays.stream(p.forecast(s, 5)).boxed().toList()).allSatisfy(x -> assertThat(x).isCloseTo(0.9, within(0.002)));
        assertThat(p.epsilon()).isEqualTo(0.001);
        assertThat(p.c()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void svrFollowsASmoothTrendInsideTheTrainingRange() {
        double[] v = new double[100];
        Arrays.setAll(v, i -> 0.5 + 0.4 * i / 99.0);
        SvrPredictor p = (SvrPredictor) Predictors.trainer("svr").train(Series.daily(v));

        assertThat(p.predictRaw(50)).isCloseTo(v[50], within(0.01));
    }

    @Test
    void theSeedsCIsTheLargerOfMeanPlusAndMinusThreeSd() {
        assertThat(SvrPredictor.seedC(new double[] {1, 0})).isCloseTo(2.0, within(1e-12)); // 0.5 + 3 * 0.5
        assertThat(SvrPredictor.scaleGamma(new double[] {0, 1, 2, 3})).isCloseTo(1 / 1.25, within(1e-12));
    }

    @Test
    void weibullMaximumLikelihoodRecoversKnownParameters() {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 * Math.pow(-Math.log(1 - rnd.nextDouble()), 1 / 0.7);
        }

        WeibullFit fit = WeibullFit.mle(x, new double[0]);

        assertThat(fit.shape()).isCloseTo(0.7, within(0.015));
        assertThat(fit.scale()).isCloseTo(100, within(3.0));
        assertThat(fit.conditionalFailure(0, 1e9)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void weibullHazardDecreasesWithTimeSinceTheLastFailureWhenShapeIsBelowOne() {
        WeibullFit fit = new WeibullFit(0.6, 500);

        assertThat(fit.conditionalFailure(10, 24)).isGreaterThan(fit.conditionalFailure(1000, 24));
        assertThat(fit.mean()).isCloseTo(500 * 1.5045754, within(1e-3)); // Gamma(1 + 1/0.6)
    }

    @Test
    void markovForecastsCertainOutageForANodeDownAtTheEndOfTheHistory() {
        // down from noon of the last day to beyond the end of the history
        AvailabilitySeries s = Series.daily(1, 1, 0.5, 1, 1, 1, 0.6, 1, 1, 1, 0.5);

        Predictor p = Predictors.trainer("markov").train(s);

        assertThat(p.outageProbability(s, 1)[0]).isEqualTo(1.0);
        assertThat(p.forecast(s, 1)[0]).isLessThan(1.0);
    }

    @Test
    void aBlendAveragesItsMembers() {
        AvailabilitySeries s = Series.daily(1, 0.5, 1, 0.8);

        double blend = BlendPredictor.trainer(java.util.List.of("last", "always-up")).train(s).forecast(s, 1)[0];

        assertThat(blend).isCloseTo((0.8 + 1.0) / 2, within(1e-12));
    }

    @Test
    void autoSelectsTheCandidateWithTheBestValidationBrierScore() {
        // outages every other day: persistence always predicts the wrong state, always-up is right half the time
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 1.0 : 0.9;
        }

        String chosen = AutoPredictor.select(Series.daily(v), java.util.List.of("last", "always-up"),
                AutoPredictor.Criterion.BRIER);

        assertThat(chosen).isEqualTo("always-up");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyModelForecastsValuesInTheUnitInterval(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[80];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble() < 0.2 ? rnd.nextDouble() : 1.0;
        }
        AvailabilitySeries s = Series.daily(v);

        for (String name : Predictors.names()) {
            Predictor p = Predictors.trainer(name, seed).train(s);
            assertThat(Arrays.stream(p.forecast(s, 10)).boxed().toList()).as(name).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
            assertThat(Arrays.stream(p.outageProbability(s, 10)).boxed().toList()).as(name).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
        }
    }
}
