package io.edgeoff.decision.placement;

/**
 * Runs one attempt of a task on one site for the {@link PlacementLoop}: the simulator's runner applies the cost
 * model and the failure process in virtual time; the device's offloads over HTTP or runs the local kernel and
 * measures. Either way it reports exactly once, through {@link Placement#succeeded} or {@link Placement#failed},
 * the attempt's duration and the device energy of it, the latter from the cost model
 * ({@code CostModel.energyJoules}, with measured durations on the device).
 *
 * @param <C> how a failed attempt failed (the device's failure kind; the simulator's failure cause)
 */
@FunctionalInterface
public interface AttemptRunner<C> {

    /**
     * @param site            the site to run on (validated by the loop; the device is a valid site)
     * @param elapsedSeconds  time since the task became ready (the failed attempts before this one), s
     * @param out             where the outcome is reported
     */
    void run(int site, double elapsedSeconds, Placement<C> out);
}
