package io.edgeoff.prediction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void matchesAHandComputation() {
        double[] y = {1.0, 0.5, 1.0, 0.9};
        double[] f = {0.9, 0.9, 1.0, 1.0};
        double[] p = {0.1, 0.2, 0.0, 0.5};

        Metrics m = Metrics.of(y, f, p, 0.05);

        // errors 0.1, -0.4, 0, -0.1: SSE 0.18; mean y 0.85, SST 0.0225 + 0.1225 + 0.0225 + 0.0025 = 0.17
        assertThat(m.rmse()).isCloseTo(Math.sqrt(0.18 / 4), within(1e-12));
        assertThat(m.nrmse()).isCloseTo(Math.sqrt(0.045) / 0.85, within(1e-12));
        assertThat(m.mae()).isCloseTo(0.6 / 4, within(1e-12));
        assertThat(m.r2()).isCloseTo(1 - 0.18 / 0.17, within(1e-12));
        assertThat(m.epsilonRisk()).isCloseTo((0.05 + 0.35 + 0 + 0.05) / 4, within(1e-12));
        // outage indicators 0, 1, 0, 1: (0.01 + 0.64 + 0 + 0.25) / 4
        assertThat(m.brier()).isCloseTo(0.9 / 4, within(1e-12));
    }

    @Test
    void rSquaredIsUndefinedForAConstantActualSeries() {
        Metrics m = Metrics.of(new double[] {1, 1}, new double[] {1, 0.9}, new double[] {0, 0}, 0.001);

        assertThat(m.r2()).isNaN();
        assertThat(m.nrmse()).isCloseTo(Math.sqrt(0.005), within(1e-12));
    }
}
