package io.edgeoff.common.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntervalFormatTest {

    @Test
    void anUndefinedHalfWidthIsNotApplicableInTextEmptyInCsvAndNullInJson() {
        double undefined = MeanInterval.of(4.2).halfWidth95();

        assertThat(IntervalFormat.text("%.3f", undefined)).isEqualTo("n/a");
        assertThat(IntervalFormat.csv("%.6f", undefined)).isEmpty();
        assertThat(IntervalFormat.csv(undefined)).isEmpty();
        assertThat(IntervalFormat.json(undefined)).isNull();
    }

    @Test
    void aDefinedHalfWidthIsFormattedWithTheRootLocale() {
        assertThat(IntervalFormat.text("%.3f", 1.23456)).isEqualTo("1.235");
        assertThat(IntervalFormat.csv("%.6f", 0.5)).isEqualTo("0.500000");
        assertThat(IntervalFormat.csv(0.25)).isEqualTo("0.25");
        assertThat(IntervalFormat.json(0.0)).isEqualTo(0.0);
    }

    @Test
    void csvReadsBackWhatItWrote() {
        assertThat(IntervalFormat.parseCsv(IntervalFormat.csv(Double.NaN))).isNaN();
        assertThat(IntervalFormat.parseCsv("NaN")).isNaN();
        assertThat(IntervalFormat.parseCsv(IntervalFormat.csv("%.6f", 0.125))).isEqualTo(0.125);
    }
}
