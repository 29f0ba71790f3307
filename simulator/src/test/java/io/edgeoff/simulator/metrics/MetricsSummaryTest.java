package io.edgeoff.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsSummaryTest {

    @Test
    void aSingleSamplingHasMeansButNoIntervals() {
        SamplingMetrics a = new SamplingMetrics(1, "p", 0, 10, 40, 60, 50, 99.8, 2, 20, 90, new long[] {20, 20},
                new long[] {0, 2});

        MetricsSummary s = MetricsSummary.of(List.of("MD", "EC"), List.of(a));

        assertThat(s.responseTimeSeconds().mean()).isEqualTo(60.0);
        assertThat(s.responseTimeSeconds().hasHalfWidth()).isFalse();
        assertThat(s.tasksPerSite().get("EC").halfWidth95()).isNaN();
    }

    @Test
    void aSummaryOfNoSamplingsIsRejected() {
        assertThatThrownBy(() -> MetricsSummary.of(List.of("MD"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryAveragesEveryMetricPerSampling() {
        SamplingMetrics a = new SamplingMetrics(1, "p", 0, 10, 40, 60, 50, 99.8, 2, 20, 90, new long[] {20, 20},
                new long[] {0, 2});
        SamplingMetrics b = new SamplingMetrics(1, "p", 1, 10, 42, 80, 70, 99.7, 4, 10, 60, new long[] {30, 12},
                new long[] {0, 4});

        MetricsSummary s = MetricsSummary.of(List.of("MD", "EC"), List.of(a, b));

        assertThat(s.samplings()).isEqualTo(2);
        assertThat(s.responseTimeSeconds().mean()).isEqualTo(70.0);
        // 60 and 80: sd sqrt(200), standard error 10, t(0.975, 1) = 12.706 (table)
        assertThat(s.responseTimeSeconds().halfWidth95()).isCloseTo(127.06, within(0.01));
        assertThat(s.energyJoules().mean()).isEqualTo(60.0);
        assertThat(s.batteryPercent().mean()).isCloseTo(99.75, within(1e-12));
        assertThat(s.failures().mean()).isEqualTo(3.0);
        assertThat(s.serviceAvailability().mean()).isEqualTo(75.0);
        assertThat(s.tasksPerSite().get("MD").mean()).isEqualTo(25.0);
        assertThat(s.tasksPerSite().get("EC").mean()).isEqualTo(16.0);
        assertThat(s.failuresPerSite().get("EC").mean()).isEqualTo(3.0);
    }

    @Test
    void serviceAvailabilityIsSuccessfulOverAttemptedOffloads() {
        assertThat(SamplingMetrics.serviceAvailability(9, 10)).isEqualTo(90.0);
        assertThat(SamplingMetrics.serviceAvailability(0, 0)).isEqualTo(100.0);
        assertThat(SamplingMetrics.batteryPercent(342, 34_200)).isCloseTo(99.0, within(1e-12));
    }
}
