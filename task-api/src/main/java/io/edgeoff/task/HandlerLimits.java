package io.edgeoff.task;

import java.time.Duration;

/**
 * The budget of one handler call.
 *
 * @param timeBudget          longest wall-clock time of the call, &gt; 0
 * @param memoryBudgetBytes   most bytes the call's thread may allocate (an upper bound of what it can hold), &gt; 0
 * @param maxOutputBytes      largest output, bytes, &gt;= 0
 */
public record HandlerLimits(Duration timeBudget, long memoryBudgetBytes, int maxOutputBytes) {
    /** 30 s, 1 GiB allocated, 1 MiB of output. */
    public static final HandlerLimits DEFAULT = new HandlerLimits(Duration.ofSeconds(30), 1L << 30, 1 << 20);

    public HandlerLimits {
        if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be > 0, but was " + timeBudget);
        }
        if (memoryBudgetBytes <= 0) {
            throw new IllegalArgumentException("memoryBudgetBytes must be > 0, but was " + memoryBudgetBytes);
        }
        if (maxOutputBytes < 0) {
            throw new IllegalArgumentException("maxOutputBytes must be >= 0, but was " + maxOutputBytes);
        }
    }
}
