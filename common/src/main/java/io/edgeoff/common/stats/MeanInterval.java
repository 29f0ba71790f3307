package io.edgeoff.common.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A sample mean with the half-width of its two-sided 95 % confidence interval,
 * {@code t(0.975, n - 1) * s / sqrt(n)}: {@code s} is the sample standard deviation (divisor {@code n - 1}) and
 * {@code t(0.975, n - 1)} the Student's t quantile with {@code n - 1} degrees of freedom (12.706 at {@code n = 2},
 * 3.182 at {@code n = 4}, 2.093 at {@code n = 20}, approaching 1.960 as {@code n} grows), from Apache Commons Math.
 * The interval assumes independent samples of a roughly normal quantity (or {@code n} large enough for the mean to be).
 *
 * <p>With one value the spread is unknown and so is the interval: {@code halfWidth95} is {@link Double#NaN}
 * ({@link #hasHalfWidth()} is false), never 0, which would claim certainty. Writers render it with
 * {@link IntervalFormat}: "n/a" in text, an empty CSV field, {@code null} in JSON.
 *
 * @param mean        sample mean, finite
 * @param halfWidth95 half-width of the 95 % confidence interval, finite and &gt;= 0 when {@code n >= 2},
 *                    {@code NaN} when {@code n == 1}; in the unit of the values
 * @param n           number of values, &gt;= 1
 */
public record MeanInterval(double mean, double halfWidth95, int n) {
    /** The confidence level of every interval here. */
    public static final double CONFIDENCE = 0.95;

    /** Quantiles already solved for, by degrees of freedom (a report asks for the same few n many times). */
    private static final Map<Integer, Double> T975 = new ConcurrentHashMap<>();

    public MeanInterval {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, but was " + n);
        }
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, but was " + mean);
        }
        if (n == 1 && !Double.isNaN(halfWidth95)) {
            throw new IllegalArgumentException("halfWidth95 of a single value must be NaN (undefined), but was "
                    + halfWidth95);
        }
        if (n >= 2 && !(halfWidth95 >= 0 && Double.isFinite(halfWidth95))) {
            throw new IllegalArgumentException("halfWidth95 must be finite and >= 0 for n = " + n + ", but was "
                    + halfWidth95);
        }
    }

    /**
     * Mean and 95 % interval of {@code values}. The mean is {@code sum / n}; the variance is the corrected two-pass
     * sum of squares around it (Chan, Golub and LeVeque 1983), numerically stable for values far from 0 with a small
     * spread (where the textbook {@code sum(x^2) - n mean^2} cancels); a constant sample gives exactly 0.
     *
     * @param values at least one finite value
     * @throws IllegalArgumentException when {@code values} is empty or holds a value that is not finite
     */
    public static MeanInterval of(double... values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("a mean needs at least one value, but n was 0");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must be finite, but was " + values[i]);
            }
            sum += values[i];
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(mean, Double.NaN, 1);
        }
        double squares = 0;
        double residual = 0;
        for (double x : values) {
            double d = x - mean;
            squares += d * d;
            residual += d;
        }
        double variance = Math.max(0, (squares - residual * residual / n) / (n - 1));
        return new MeanInterval(mean, t975(n - 1) * Math.sqrt(variance / n), n);
    }

    /**
     * The two-sided 95 % Student's t factor, the 0.975 quantile of t with {@code degreesOfFreedom} degrees.
     *
     * @param degreesOfFreedom &gt;= 1 ({@code n - 1})
     */
    public static double t975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degreesOfFreedom must be >= 1, but was " + degreesOfFreedom);
        }
        // no random generator: only the quantile is needed, never a sample
        return T975.computeIfAbsent(degreesOfFreedom,
                df -> new TDistribution(null, df).inverseCumulativeProbability(0.5 + CONFIDENCE / 2));
    }

    /** @return whether the half-width is defined ({@code n >= 2}) */
    public boolean hasHalfWidth() {
        return n >= 2;
    }

    /** @return {@code mean - halfWidth95}, NaN when {@code n == 1} */
    public double lower() {
        return mean - halfWidth95;
    }

    /** @return {@code mean + halfWidth95}, NaN when {@code n == 1} */
    public double upper() {
        return mean + halfWidth95;
    }
}
