package io.edgeoff.device.detector;

/**
 * Phi-accrual suspicion level of one monitored site (Hayashibara et al., SRDS 2004): keeps a window of
 * heartbeat inter-arrival times, models them as normally distributed, and reports
 * {@code phi(t) = -log10(P(next heartbeat later than t))}, computed with a logistic approximation of the
 * normal tail. Before two heartbeats have arrived the expected interval and a quarter of it as standard
 * deviation are assumed. Not thread-safe (the detector guards it).
 */
public final class PhiAccrual {
    private final long[] intervals;
    private final long minStdNanos;
    private final long expectedIntervalNanos;
    private int count;
    private int next;
    private long lastNanos = Long.MIN_VALUE;

    /**
     * @param windowSize             intervals kept
     * @param expectedIntervalNanos  heartbeat interval assumed before the history has data
     * @param minStdNanos            floor of the standard deviation
     */
    public PhiAccrual(int windowSize, long expectedIntervalNanos, long minStdNanos) {
        this.intervals = new long[windowSize];
        this.expectedIntervalNanos = expectedIntervalNanos;
        this.minStdNanos = minStdNanos;
    }

    /** Records a heartbeat that arrived at {@code nowNanos}. */
    public void heartbeat(long nowNanos) {
        if (lastNanos != Long.MIN_VALUE) {
            intervals[next] = nowNanos - lastNanos;
            next = (next + 1) % intervals.length;
            count = Math.min(count + 1, intervals.length);
        }
        lastNanos = nowNanos;
    }

    /** Starts the clock without a heartbeat (a site not heard from yet is as late as the time since start). */
    public void startAt(long nowNanos) {
        if (lastNanos == Long.MIN_VALUE) {
            lastNanos = nowNanos;
        }
    }

    /** Forgets the history (after a site recovered from a failure, its old rhythm no longer applies). */
    public void reset() {
        count = 0;
        next = 0;
        lastNanos = Long.MIN_VALUE;
    }

    /** @return inter-arrival times recorded (at most the window size) */
    public int intervals() {
        return count;
    }

    /** @return time of the last heartbeat, ns, or {@link Long#MIN_VALUE} when none */
    public long lastNanos() {
        return lastNanos;
    }

    /** @return the suspicion level at {@code nowNanos}; 0 right after a heartbeat, growing while silent */
    public double phi(long nowNanos) {
        if (lastNanos == Long.MIN_VALUE) {
            return 0;
        }
        double mean;
        double std;
        if (count < 2) {
            mean = expectedIntervalNanos;
            std = expectedIntervalNanos / 4.0;
        } else {
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += intervals[i];
            }
            mean = sum / count;
            double squares = 0;
            for (int i = 0; i < count; i++) {
                double d = intervals[i] - mean;
                squares += d * d;
            }
            std = Math.sqrt(squares / count);
        }
        std = Math.max(std, minStdNanos);
        return phi(nowNanos - lastNanos, mean, std);
    }

    /** {@code -log10} of the probability that a normal(mean, std) interval exceeds {@code elapsed}. */
    static double phi(double elapsed, double mean, double std) {
        double y = (elapsed - mean) / std;
        double e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
        double tail = elapsed > mean ? e / (1.0 + e) : 1.0 - 1.0 / (1.0 + e);
        if (tail <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return -Math.log10(tail);
    }
}
