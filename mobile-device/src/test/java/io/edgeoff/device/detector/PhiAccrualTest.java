package io.edgeoff.device.detector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhiAccrualTest {
    private static final long MS = 1_000_000L;

    @Test
    void suspicionGrowsTheLongerASiteStaysSilent() {
        PhiAccrual phi = new PhiAccrual(100, 100 * MS, 10 * MS);
        for (int i = 0; i <= 20; i++) {
            phi.heartbeat(i * 100 * MS);
        }
        long last = 2000 * MS;

        double early = phi.phi(last + 50 * MS);
        double onTime = phi.phi(last + 100 * MS);
        double late = phi.phi(last + 200 * MS);

        assertThat(early).isLessThan(onTime);
        assertThat(onTime).isLessThan(late);
        assertThat(onTime).isBetween(0.2, 0.4);
        assertThat(late).isGreaterThan(8);
    }

    @Test
    void aJitteryHistoryToleratesMoreLatenessThanARegularOne() {
        PhiAccrual regular = new PhiAccrual(100, 100 * MS, 1 * MS);
        PhiAccrual jittery = new PhiAccrual(100, 100 * MS, 1 * MS);
        long t1 = 0;
        long t2 = 0;
        for (int i = 0; i < 40; i++) {
            t1 += 100 * MS;
            t2 += (i % 2 == 0 ? 50 : 150) * MS;
            regular.heartbeat(t1);
            jittery.heartbeat(t2);
        }

        assertThat(jittery.phi(t2 + 180 * MS)).isLessThan(regular.phi(t1 + 180 * MS));
    }

    @Test
    void phiMatchesTheNormalTailAtOneStandardDeviation() {
        // P(X > mean + sd) = 0.1587 for a normal distribution, so phi = -log10(0.1587) = 0.80
        assertThat(PhiAccrual.phi(110, 100, 10)).isCloseTo(0.80, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void resetForgetsTheHistory() {
        PhiAccrual phi = new PhiAccrual(10, 100 * MS, 10 * MS);
        phi.heartbeat(0);
        phi.heartbeat(100 * MS);

        phi.reset();

        assertThat(phi.lastNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(phi.phi(10_000 * MS)).isZero();
    }
}
