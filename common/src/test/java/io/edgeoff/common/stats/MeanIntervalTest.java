package io.edgeoff.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeanIntervalTest {

    @ParameterizedTest
    @CsvSource({
        // degrees of freedom, t(0.975, df) from a printed table (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2)
        "1, 12.706", "2, 4.303", "3, 3.182", "7, 2.365", "19, 2.093", "30, 2.042", "100, 1.984", "199, 1.972"})
    void studentTFactorMatchesThePrintedTable(int degreesOfFreedom, double table) {
        double t = MeanInterval.t975(degreesOfFreedom);

        assertThat(t).isCloseTo(table, within(5e-4));
    }

    @Test
    void studentTFactorApproachesTheNormalQuantileForLargeSamples() {
        // t(0.975, 10 000) = 1.96020; the normal quantile is 1.95996
        assertThat(MeanInterval.t975(10_000)).isCloseTo(1.9602, within(1e-4));
    }

    @Test
    void eightValuesUseSevenDegreesOfFreedom() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance 32/7, t(0.975, 7) = 2.3646 (table)
        MeanInterval m = MeanInterval.of(2, 4, 4, 4, 5, 5, 7, 9);

        assertThat(m.mean()).isEqualTo(5.0);
        assertThat(m.n()).isEqualTo(8);
        assertThat(m.halfWidth95()).isCloseTo(2.3646 * Math.sqrt(32.0 / 7.0) / Math.sqrt(8), within(1e-4));
        assertThat(m.lower()).isCloseTo(5 - m.halfWidth95(), within(1e-15));
        assertThat(m.upper()).isCloseTo(5 + m.halfWidth95(), within(1e-15));
    }

    @Test
    void fourValuesUseTheFactorThreePointOneEightNotOnePointNineSix() {
        // 1, 2, 3, 4: sample sd 1.290994; t(0.975, 3) = 3.1824 (table); 3.1824 * 1.290994 / 2 = 2.0542
        // (1.96 would give 1.2652)
        MeanInterval m = MeanInterval.of(1, 2, 3, 4);

        assertThat(m.mean()).isEqualTo(2.5);
        assertThat(m.halfWidth95()).isCloseTo(2.0542, within(1e-4));
    }

    @Test
    void twoValuesUseTwelvePointSevenOneTimesTheStandardError() {
        // 1, 3: sd sqrt(2), standard error 1, so the half-width is t(0.975, 1) = 12.706
        MeanInterval m = MeanInterval.of(1, 3);

        assertThat(m.mean()).isEqualTo(2.0);
        assertThat(m.halfWidth95()).isCloseTo(12.706, within(5e-4));
    }

    @Test
    void aSingleValueHasAMeanButNoHalfWidth() {
        MeanInterval m = MeanInterval.of(3);

        assertThat(m.mean()).isEqualTo(3.0);
        assertThat(m.n()).isEqualTo(1);
        assertThat(m.hasHalfWidth()).isFalse();
        assertThat(m.halfWidth95()).isNaN();
        assertThat(m.lower()).isNaN();
        assertThat(m).isEqualTo(new MeanInterval(3, Double.NaN, 1));
    }

    @Test
    void aConstantSampleHasHalfWidthZero() {
        MeanInterval m = MeanInterval.of(0.1, 0.1, 0.1, 0.1, 0.1);

        assertThat(m.hasHalfWidth()).isTrue();
        assertThat(m.halfWidth95()).isZero();
    }

    @Test
    void varianceStaysExactForValuesFarFromZero() {
        // 1e9 + {4, 7, 13, 16}: variance 30, where sum(x^2) - n mean^2 loses every digit
        MeanInterval m = MeanInterval.of(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);

        assertThat(m.halfWidth95()).isCloseTo(MeanInterval.t975(3) * Math.sqrt(30.0 / 4), within(1e-9));
    }

    @Test
    void anEmptySampleIsRejectedNamingN() {
        assertThatThrownBy(() -> MeanInterval.of()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n was 0");
        assertThatThrownBy(() -> new MeanInterval(1, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 1, but was 0");
    }

    @Test
    void aValueThatIsNotFiniteIsRejectedNamingIt() {
        assertThatThrownBy(() -> MeanInterval.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values[1] must be finite, but was NaN");
    }

    @Test
    void theRecordKeepsTheNEqualsOneRuleAndANonNegativeHalfWidth() {
        assertThatThrownBy(() -> new MeanInterval(1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be NaN (undefined), but was 0.0");
        assertThatThrownBy(() -> new MeanInterval(1, Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("for n = 2, but was NaN");
        assertThatThrownBy(() -> new MeanInterval(1, -0.5, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but was -0.5");
        assertThatThrownBy(() -> MeanInterval.t975(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degreesOfFreedom must be >= 1, but was 0");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 5725})
    void halfWidthIsTheStudentFormulaOnRandomSamples(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(199);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 100 + 7 * random.nextGaussian();
        }

        MeanInterval m = MeanInterval.of(values);

        double mean = 0;
        for (double v : values) {
            mean += v / n;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        assertThat(m.mean()).isCloseTo(mean, within(1e-9));
        assertThat(m.halfWidth95()).isCloseTo(MeanInterval.t975(n - 1) * Math.sqrt(squares / (n - 1) / n),
                within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 5725})
    void theIntervalGrowsAsTheSampleShrinksForTheSameSpread(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sd = 0.5 + 10 * random.nextDouble();
        double previous = Double.POSITIVE_INFINITY;
        for (int n = 2; n <= 60; n++) {

            MeanInterval m = MeanInterval.of(withSampleSd(random, n, sd));

            assertThat(m.halfWidth95()).as("n = %d", n).isLessThan(previous);
            assertThat(m.halfWidth95()).isGreaterThan(1.959 * sd / Math.sqrt(n));
            previous = m.halfWidth95();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 10})
    void aboutNinetyFivePercentOfIntervalsCoverTheTrueMean(int n) {
        SplittableRandom random = new SplittableRandom(5725 + n);
        int trials = 4000;
        int covered = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = 3 + 2 * random.nextGaussian();
            }

            MeanInterval m = MeanInterval.of(values);

            if (m.lower() <= 3 && 3 <= m.upper()) {
                covered++;
            }
        }
        // binomial sd at p = 0.95 over 4000 trials is 0.0034; z = 1.96 would cover 0.70 at n = 2, 0.86 at n = 4
        assertThat(covered / (double) trials).isBetween(0.935, 0.965);
    }

    /** {@code n} values whose sample standard deviation is exactly {@code sd} (up to rounding). */
    private static double[] withSampleSd(SplittableRandom random, int n, double sd) {
        double[] z = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
            mean += z[i] / n;
        }
        double squares = 0;
        for (double v : z) {
            squares += (v - mean) * (v - mean);
        }
        double scale = sd / Math.sqrt(squares / (n - 1));
        for (int i = 0; i < n; i++) {
            z[i] = 50 + (z[i] - mean) * scale;
        }
        return z;
    }
}
