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
     * Which sites are really up now (for the diagnostic {@code oracle} policy). The returned array is
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
