package io.edgeoff.site.execution;

import java.util.function.LongSupplier;

/** Measured throughput: million instructions completed per second over the last {@value #WINDOW_SECONDS} whole seconds. */
public final class ThroughputMeter {
    /** Length of the measurement window, s. */
    public static final int WINDOW_SECONDS = 10;

    private final LongSupplier nanoTime;
    private final double[] bucketMi = new double[WINDOW_SECONDS + 1];
    private final long[] bucketSecond = new long[WINDOW_SECONDS + 1];

    public ThroughputMeter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    /** Records {@code millionInstructions} completed now. */
    public synchronized void record(double millionInstructions) {
        long second = Math.floorDiv(nanoTime.getAsLong(), 1_000_000_000L);
        int slot = (int) Math.floorMod(second, (long) bucketMi.length);
        if (bucketSecond[slot] != second) {
            bucketSecond[slot] = second;
            bucketMi[slot] = 0;
        }
        bucketMi[slot] += millionInstructions;
    }

    /** @return MI per second over the last {@value #WINDOW_SECONDS} completed seconds */
    public synchronized double recentMips() {
        long now = Math.floorDiv(nanoTime.getAsLong(), 1_000_000_000L);
        double sum = 0;
        for (int i = 0; i < bucketMi.length; i++) {
            long age = now - bucketSecond[i];
            if (age >= 1 && age <= WINDOW_SECONDS) {
                sum += bucketMi[i];
            }
        }
        return sum / WINDOW_SECONDS;
    }
}
