package io.edgeoff.device.mobility;

import io.edgeoff.common.mobility.HandoverRule;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.OffloadResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scenario's handover rule applied to one offloading attempt, from its start: the cell it started in and when the
 * device's next handover comes. Under {@link HandoverRule#FAIL_AND_REDECIDE} the attempt is abandoned at the handover
 * ({@link #nanosUntilInterrupt()}); under {@link HandoverRule#FINISH_OLD_PATH} it completes over the links it started
 * with, and {@link #finishedOverOldPath()} says whether a handover came meanwhile. {@link #NONE}: a device that does
 * not move (the seed's).
 */
public final class HandoverWatch {
    /** No handover ever interrupts the attempt. */
    public static final HandoverWatch NONE = new HandoverWatch(HandoverRule.FINISH_OLD_PATH, "", Long.MAX_VALUE,
            DeviceClock.SYSTEM);

    private final HandoverRule rule;
    private final String startCell;
    private final long handoverNanos;
    private final DeviceClock clock;

    HandoverWatch(HandoverRule rule, String startCell, long handoverNanos, DeviceClock clock) {
        this.rule = rule;
        this.startCell = startCell;
        this.handoverNanos = handoverNanos;
        this.clock = clock;
    }

    /** @return the cell the device was in when the attempt started ("" without cells) */
    public String startCell() {
        return startCell;
    }

    public HandoverRule rule() {
        return rule;
    }

    /** @return true once the device has changed cell since the attempt started */
    public boolean handedOver() {
        return handoverNanos != Long.MAX_VALUE && clock.nanoTime() - handoverNanos >= 0;
    }

    /**
     * @return device-clock nanoseconds until the handover abandons the attempt (0: now or past); {@link Long#MAX_VALUE}
     *         when it never does (no handover ahead, or {@link HandoverRule#FINISH_OLD_PATH})
     */
    public long nanosUntilInterrupt() {
        if (rule != HandoverRule.FAIL_AND_REDECIDE || handoverNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, handoverNanos - clock.nanoTime());
    }

    /** @return true when the rule abandons the attempt now: {@link HandoverRule#FAIL_AND_REDECIDE} and handed over */
    public boolean interrupts() {
        return rule == HandoverRule.FAIL_AND_REDECIDE && handedOver();
    }

    /** @return true when the attempt ran over a handover and kept its old path ({@link HandoverRule#FINISH_OLD_PATH}) */
    public boolean finishedOverOldPath() {
        return rule == HandoverRule.FINISH_OLD_PATH && handedOver();
    }

    /**
     * Waits for an attempt's reply at most {@code limitNanos}; when the rule abandons the attempt at a handover that
     * comes first, cancels it then and returns a {@link FailureKind#HANDOVER} failure.
     *
     * @throws TimeoutException when {@code limitNanos} passed first (the caller's deadline)
     */
    public OffloadResult await(CompletableFuture<OffloadResult> reply, long limitNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        long handover = nanosUntilInterrupt();
        if (handover >= limitNanos) {
            return reply.get(limitNanos, TimeUnit.NANOSECONDS);
        }
        try {
            return reply.get(handover, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            return new OffloadResult.Failed(FailureKind.HANDOVER, detail());
        }
    }

    /** The failure detail of an attempt abandoned at the handover. */
    public String detail() {
        return "the device left cell " + startCell + " while the attempt was in flight (handover rule "
                + rule.yamlName() + ")";
    }
}
