package io.edgeoff.simulator.metrics;

/**
 * A sample mean with the half-width of its 95 % confidence interval, {@code 1.96 * sd / sqrt(n)} with the
 * sample standard deviation ({@code n - 1}); the half-width is 0 for a single value.
 *
 * @param mean  sample mean
 * @param ci95  half-width of the 95 % confidence interval, &gt;= 0
 */
public record MeanCi(double mean, double ci95) {
    /** The normal quantile of the seed's intervals. */
    public static final double Z95 = 1.96;

    public MeanCi {
        if (!(ci95 >= 0)) {
            throw new IllegalArgumentException("ci95 must be >= 0, but was " + ci95);
        }
    }

    /**
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public static MeanCi of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("a mean needs at least one value");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanCi(mean, 0.0);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        return new MeanCi(mean, Z95 * sd / Math.sqrt(n));
    }
}
