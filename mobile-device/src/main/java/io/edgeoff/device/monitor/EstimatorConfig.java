package io.edgeoff.device.monitor;

/**
 * Parameters of the {@link NetworkEstimator}.
 *
 * @param priorSamples         weight of the scenario's value, in samples (&gt;= 0): the k-th measurement moves the
 *                             estimate by {@code max(smoothing, 1 / (priorSamples + k))} of its distance to the sample
 *                             (default 1: the first measurement is averaged with the prior)
 * @param smoothing            the smallest weight of a new sample, in (0,1] (default 0.3): after the first few samples
 *                             the estimate is an exponentially weighted mean that follows a changing link or site
 * @param minTransferMillis    a transfer gives a bandwidth sample only when its time beyond the link's latency is at
 *                             least this long, ms, &gt; 0 (default 5: shorter transfers are dominated by timer and
 *                             scheduling noise)
 */
public record EstimatorConfig(double priorSamples, double smoothing, double minTransferMillis) {
    public EstimatorConfig {
        if (!(priorSamples >= 0) || !Double.isFinite(priorSamples)) {
            throw new IllegalArgumentException("priorSamples must be finite and >= 0, but was " + priorSamples);
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must be in (0,1], but was " + smoothing);
        }
        if (!(minTransferMillis > 0) || !Double.isFinite(minTransferMillis)) {
            throw new IllegalArgumentException("minTransferMillis must be finite and > 0, but was " + minTransferMillis);
        }
    }

    public static EstimatorConfig ofDefaults() {
        return new EstimatorConfig(1, 0.3, 5);
    }
}
