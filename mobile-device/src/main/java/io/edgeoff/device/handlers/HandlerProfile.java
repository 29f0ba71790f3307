package io.edgeoff.device.handlers;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the device learns of a handler's cost on a site: execution time as a linear function of the input size,
 * {@code seconds = a + b x inputBytes}, per (handler, site), learnt online from measured executions, starting
 * from a prior (from the parameter database, or a first guess) that counts as {@code priorWeight} executions.
 *
 * <p>Each (handler, site) keeps the sufficient statistics of its observations; a prediction is the ridge
 * regression that pulls the least-squares line towards the prior line with the weight of {@code priorWeight}
 * executions of its slowest observation (sizes scaled by {@link #SIZE_SCALE_BYTES} so both coefficients are
 * pulled alike). The squares are
 * relative ({@code 1 / measured^2} weights, measured times below {@link #MIN_SECONDS} counted as that): a
 * 1 ms task mispredicted by 1 ms weighs as much as a 1 s task mispredicted by 1 s. With no observation the
 * prediction is the prior; as observations accumulate the data dominate. Each observation also
 * scores the prediction made just before it (absolute relative error), so {@link Stats} reports how well the
 * profile predicted, per (handler, site). Not thread-safe: the device's runtime updates it from one thread.
 */
public final class HandlerProfile {
    /** Input sizes are counted in MiB inside the regression (keeps the 2x2 system well conditioned). */
    public static final double SIZE_SCALE_BYTES = 1 << 20;
    /** Shortest time a weight is computed from, s (a zero measurement would weigh infinitely). */
    public static final double MIN_SECONDS = 1e-4;

    /** A prior line: {@code seconds = interceptSeconds + secondsPerByte x inputBytes}. */
    public record Prior(double interceptSeconds, double secondsPerByte) {
        public Prior {
            if (!Double.isFinite(interceptSeconds) || !Double.isFinite(secondsPerByte)) {
                throw new IllegalArgumentException("prior coefficients must be finite, but were " + interceptSeconds
                        + " and " + secondsPerByte);
            }
        }
    }

    /**
     * How well a (handler, site) was predicted.
     *
     * @param executions                 observations so far
     * @param meanAbsoluteRelativeError  mean of |predicted - measured| / measured over the observations after the
     *                                   first {@code skip} (see {@link #stats(String, String, int)}), NaN when none
     */
    public record Stats(int executions, double meanAbsoluteRelativeError) {
    }

    private static final class Entry {
        final Prior prior;
        double n;
        double sw;
        double minW = Double.POSITIVE_INFINITY;
        double sx;
        double sy;
        double sxx;
        double sxy;
        final java.util.List<Double> errors = new java.util.ArrayList<>();

        Entry(Prior prior) {
            this.prior = prior;
        }
    }

    private final double priorWeight;
    private final Map<String, Entry> entries = new HashMap<>();
    private final java.util.function.BiFunction<String, String, Prior> priors;

    /**
     * @param priors       the prior of a (handler, site id) pair, e.g. from the parameter database
     * @param priorWeight  how many executions the prior counts as, &gt; 0
     */
    public HandlerProfile(java.util.function.BiFunction<String, String, Prior> priors, double priorWeight) {
        if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight must be > 0, but was " + priorWeight);
        }
        this.priors = Objects.requireNonNull(priors, "priors");
        this.priorWeight = priorWeight;
    }

    private Entry entry(String handler, String site) {
        return entries.computeIfAbsent(handler + "@" + site, k -> new Entry(priors.apply(handler, site)));
    }

    /** @return the predicted execution time, seconds (never below 0) */
    public double predictSeconds(String handler, String site, long inputBytes) {
        Entry e = entry(handler, site);
        double x = inputBytes / SIZE_SCALE_BYTES;
        double a0 = e.prior.interceptSeconds();
        double b0 = e.prior.secondsPerByte() * SIZE_SCALE_BYTES;
        // Weighted: (X'WX + lambda I) w = X'Wy + lambda w0; the prior counts as priorWeight executions of the
        // least weight seen (the slowest), so it never outweighs what was measured.
        double lambda = e.n == 0 ? priorWeight : priorWeight * e.minW;
        double m00 = e.sw + lambda;
        double m01 = e.sx;
        double m11 = e.sxx + lambda;
        double r0 = e.sy + lambda * a0;
        double r1 = e.sxy + lambda * b0;
        double det = m00 * m11 - m01 * m01;
        double a = (r0 * m11 - m01 * r1) / det;
        double b = (m00 * r1 - m01 * r0) / det;
        return Math.max(0, a + b * x);
    }

    /** Learns one measured execution (and scores the prediction made before it). */
    public void observe(String handler, String site, long inputBytes, double measuredSeconds) {
        if (inputBytes < 0) {
            throw new IllegalArgumentException("inputBytes must be >= 0, but was " + inputBytes);
        }
        if (!(measuredSeconds >= 0) || !Double.isFinite(measuredSeconds)) {
            throw new IllegalArgumentException("measuredSeconds must be finite and >= 0, but was " + measuredSeconds);
        }
        double predicted = predictSeconds(handler, site, inputBytes);
        Entry e = entry(handler, site);
        if (measuredSeconds > 0) {
            e.errors.add(Math.abs(predicted - measuredSeconds) / measuredSeconds);
        }
        double x = inputBytes / SIZE_SCALE_BYTES;
        double w = 1 / Math.pow(Math.max(MIN_SECONDS, measuredSeconds), 2);
        e.n++;
        e.sw += w;
        e.minW = Math.min(e.minW, w);
        e.sx += w * x;
        e.sy += w * measuredSeconds;
        e.sxx += w * x * x;
        e.sxy += w * x * measuredSeconds;
    }

    /** @return the executions and the mean prediction error after the first {@code skip} observations */
    public Stats stats(String handler, String site, int skip) {
        Entry e = entry(handler, site);
        double sum = 0;
        int counted = 0;
        for (int i = skip; i < e.errors.size(); i++) {
            sum += e.errors.get(i);
            counted++;
        }
        return new Stats((int) e.n, counted == 0 ? Double.NaN : sum / counted);
    }
}
