package io.edgeoff.decision.external;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Whether to call an external policy now, so that a policy that hangs does not cost a full time budget per decision.
 * A state machine shared by every thread calling one endpoint:
 * <pre>
 *   CLOSED    -- {@value #THRESHOLD} calls in a row late or down --&gt; OPEN
 *   OPEN      -- cool-down passed, the next caller tries --------&gt; HALF_OPEN
 *   HALF_OPEN -- that call answered (any answer) ------------------&gt; CLOSED
 *   HALF_OPEN -- that call late or down ---------------------------&gt; OPEN (cool-down again)
 * </pre>
 * While OPEN, and while the one trial call of HALF_OPEN is in flight, decisions are not sent: the fallback decides
 * ({@link FallbackCause#SKIPPED}). An answer of any kind (also a bad status or nonsense) means the policy is
 * reachable and closes the gate. Thread-safe; time comes from the injected monotonic clock.
 */
final class CallGate {
    /** Consecutive late or down calls that open the gate. */
    static final int THRESHOLD = 5;
    /** How long an open gate stays open before one trial call. */
    static final Duration COOL_DOWN = Duration.ofSeconds(1);

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final LongSupplier nanoTime;
    private final long coolDownNanos;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAtNanos;

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}) */
    CallGate(LongSupplier nanoTime, Duration coolDown) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.coolDownNanos = coolDown.toNanos();
    }

    /** @return true when the caller may call the policy now (it then reports {@link #answered} or {@link #failed}) */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoTime.getAsLong() - openedAtNanos >= coolDownNanos) {
                    state = State.HALF_OPEN;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /** The call got an answer (valid or not): the policy is reachable. */
    synchronized void answered() {
        state = State.CLOSED;
        consecutiveFailures = 0;
    }

    /** The call was late or the policy down. */
    synchronized void failed() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= THRESHOLD) {
            state = State.OPEN;
            openedAtNanos = nanoTime.getAsLong();
        }
    }

    synchronized State state() {
        return state;
    }
}
