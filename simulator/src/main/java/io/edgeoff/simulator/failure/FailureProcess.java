package io.edgeoff.simulator.failure;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.simulator.engine.Simulation;

/**
 * The failures of every site during one sampling, and what the device knows about them. Sites are
 * addressed by scenario index; the device and remote sites without a trace node never fail. One instance
 * per sampling, used by one thread.
 */
public interface FailureProcess {

    /** Called once before the first event; may schedule events (outage transitions). */
    default void start(Simulation simulation) {
    }

    /** Called when a device starts an application execution, at virtual time {@code nowSeconds}. */
    default void beginExecution(double nowSeconds) {
    }

    /** Called at the start of every epoch (ready set of tasks), at virtual time {@code nowSeconds}. */
    void beginEpoch(double nowSeconds);

    /**
     * @return true when an attempt to run on {@code site} from {@code startSeconds} for {@code durationSeconds}
     *         (virtual time) fails
     */
    boolean attemptFails(int site, double startSeconds, double durationSeconds);

    /** What the device knows about {@code site} now (predicted availability, MTBF, ...). */
    SiteOutlook outlook(int site, double nowSeconds);

    /**
     * What the clairvoyant bound knows: the earliest virtual time at or after {@code startSeconds} at which an
     * attempt of {@code durationSeconds} on {@code site} succeeds ({@link #attemptFails} is false), during the epoch
     * {@code epochsAhead} epochs from now ({@code 0}: the epoch that the next {@link #beginEpoch} starts). It sees
     * exactly the failures the run will see, without changing them: a process that draws its failures draws ahead
     * and hands the same draws to the epochs when they begin.
     *
     * @return a time &gt;= {@code startSeconds}, s, or {@link Double#POSITIVE_INFINITY} when no attempt there can
     *         succeed in that epoch
     * @throws UnsupportedOperationException when this process cannot foresee its failures
     */
    default double earliestSuccessStart(int epochsAhead, int site, double startSeconds, double durationSeconds) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot foresee its failures");
    }

    /**
     * Which sites are really up now (for the diagnostic {@code myopic-oracle} policy). The returned array is
     * owned by the process and changes as time goes on; callers must not modify it.
     */
    boolean[] actualUp(double nowSeconds);

    /**
     * @return virtual time of {@code site}'s last change between up and down ({@link #actualUp}), s; 0 when it
     *         has not changed since the start (what the simulator's failure-detector model measures silence from)
     */
    default double stateSinceSeconds(int site) {
        return 0;
    }

    /** @return number of epochs begun so far (diagnostics) */
    default long epochs() {
        return 0;
    }
}
