package io.edgeoff.prediction.predictor;

/**
 * Maximum-likelihood fit of a two-parameter Weibull distribution, with optional right-censored observations.
 *
 * <p>For failures {@code x_i} (d of them) and censored times {@code c_j}, the shape {@code k} solves
 * {@code sum(t^k ln t) / sum(t^k) - 1/k - mean(ln x) = 0} over all times t, and the scale is
 * {@code lambda = (sum(t^k) / d)^(1/k)}. Solved by bisection on k in [0.01, 50].
 *
 * @param shape shape k &gt; 0 (k &lt; 1: decreasing hazard)
 * @param scale scale lambda &gt; 0, in the unit of the data
 */
public record WeibullFit(double shape, double scale) {
    public WeibullFit {
        if (!(shape > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("Weibull shape and scale must be > 0, but were " + shape + ", " + scale);
        }
    }

    /**
     * @param failures observed times, each &gt; 0, at least one
     * @param censored right-censored times (survived at least this long), each &gt; 0
     */
    public static WeibullFit mle(double[] failures, double[] censored) {
        if (failures.length == 0) {
            throw new IllegalArgumentException("a Weibull fit needs at least one failure time");
        }
        double norm = 0;
        for (double x : failures) {
            if (!(x > 0)) {
                throw new IllegalArgumentException("failure times must be > 0, but one was " + x);
            }
            norm += x;
        }
        norm /= failures.length;
        double[] all = new double[failures.length + censored.length];
        double meanLnX = 0;
        for (int i = 0; i < failures.length; i++) {
            all[i] = failures[i] / norm;
            meanLnX += Math.log(all[i]);
        }
        meanLnX /= failures.length;
        for (int j = 0; j < censored.length; j++) {
            if (!(censored[j] > 0)) {
                throw new IllegalArgumentException("censored times must be > 0, but one was " + censored[j]);
            }
            all[failures.length + j] = censored[j] / norm;
        }
        double lo = 0.01;
        double hi = 50;
        if (score(all, meanLnX, lo) > 0) {
            hi = lo;
        } else if (score(all, meanLnX, hi) < 0) {
            lo = hi;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-10; it++) {
            double mid = Math.sqrt(lo * hi);
            if (score(all, meanLnX, mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double k = (lo + hi) / 2;
        double sum = 0;
        for (double t : all) {
            sum += Math.pow(t, k);
        }
        double scale = Math.pow(sum / failures.length, 1 / k) * norm;
        return new WeibullFit(k, scale);
    }

    /** Increasing in k; zero at the MLE. */
    private static double score(double[] t, double meanLnX, double k) {
        double num = 0;
        double den = 0;
        for (double x : t) {
            double p = Math.pow(x, k);
            num += p * Math.log(x);
            den += p;
        }
        return num / den - 1 / k - meanLnX;
    }

    /** Cumulative hazard {@code (t / scale)^shape}. */
    public double cumulativeHazard(double t) {
        return t <= 0 ? 0 : Math.pow(t / scale, shape);
    }

    /** Probability of a failure in {@code (t, t + dt]} given survival to t. */
    public double conditionalFailure(double t, double dt) {
        return 1 - Math.exp(cumulativeHazard(t) - cumulativeHazard(t + dt));
    }

    /** Mean {@code scale * Gamma(1 + 1/shape)}. */
    public double mean() {
        return scale * Math.exp(logGamma(1 + 1 / shape));
    }

    /** Lanczos approximation of ln Gamma(x), x &gt; 0. */
    static double logGamma(double x) {
        double[] g = {676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = 0.99999999999980993;
        double t = x + 7.5;
        for (int i = 0; i < g.length; i++) {
            a += g[i] / (x + i + 1);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
