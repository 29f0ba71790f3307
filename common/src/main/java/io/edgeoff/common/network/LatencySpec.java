package io.edgeoff.common.network;

import java.util.random.RandomGenerator;

/**
 * One-way latency of a link: a fixed part plus an optional normally distributed part that is
 * drawn once per configuration (the seed draws cloud latencies as {@code 54 + N(200, 33.5)} ms).
 *
 * @param fixedMillis       fixed latency in ms, &gt;= 0
 * @param normalMeanMillis  mean of the normal part in ms (0 for none)
 * @param normalSdMillis    standard deviation of the normal part in ms, &gt;= 0 (0 for none)
 */
public record LatencySpec(double fixedMillis, double normalMeanMillis, double normalSdMillis) {
    public LatencySpec {
        if (!(fixedMillis >= 0) || !Double.isFinite(fixedMillis)) {
            throw new IllegalArgumentException("latencyMillis must be >= 0, but was " + fixedMillis);
        }
        if (!Double.isFinite(normalMeanMillis)) {
            throw new IllegalArgumentException("latency normal meanMillis must be finite, but was " + normalMeanMillis);
        }
        if (!(normalSdMillis >= 0) || !Double.isFinite(normalSdMillis)) {
            throw new IllegalArgumentException("latency normal sdMillis must be >= 0, but was " + normalSdMillis);
        }
        if (fixedMillis + normalMeanMillis < 0) {
            throw new IllegalArgumentException("mean latency must be >= 0, but was " + (fixedMillis + normalMeanMillis));
        }
    }

    /** A fixed latency. */
    public static LatencySpec fixed(double millis) {
        return new LatencySpec(millis, 0, 0);
    }

    /** @return true when the latency has a random part */
    public boolean isDistribution() {
        return normalSdMillis > 0 || normalMeanMillis != 0;
    }

    /** @return the expected latency in ms */
    public double meanMillis() {
        return fixedMillis + normalMeanMillis;
    }

    /** Draws one latency in ms (never negative). */
    public double sampleMillis(RandomGenerator random) {
        if (!isDistribution()) {
            return fixedMillis;
        }
        return Math.max(0.0, fixedMillis + normalMeanMillis + normalSdMillis * random.nextGaussian());
    }
}
