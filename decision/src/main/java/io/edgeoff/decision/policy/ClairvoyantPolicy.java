package io.edgeoff.decision.policy;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;

/**
 * The clairvoyant bound {@code clairvoyant}, simulator only (its registry entry says it needs the simulator's ground
 * truth, so a live device refuses it): it places every task where a plan of the whole execution says. The simulator
 * makes that plan before each execution with every future failure of the run known
 * ({@code io.edgeoff.simulator.bound.ClairvoyantPlanner}: exact search over the DAG's placements for the least
 * response time) and hands it over with {@link #follow}; the plan may also start a task later than its epoch, when
 * a site comes back up, which the simulator's attempt runner applies. No policy's response time is below it.
 */
public final class ClairvoyantPolicy implements OffloadingPolicy {
    /** Registry name. */
    public static final String NAME = "clairvoyant";

    private AppInstance planned;
    private int[] sites = new int[0];

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Follows {@code sites} (per task index, its site) while placing the tasks of {@code app}.
     *
     * @throws IllegalArgumentException when there is not one site per task
     */
    public void follow(AppInstance app, int[] sites) {
        if (sites.length != app.size()) {
            throw new IllegalArgumentException("the plan must have one site per task: " + app.size()
                    + " tasks, but " + sites.length + " sites");
        }
        this.planned = app;
        this.sites = sites.clone();
    }

    @Override
    public Decision decide(DecisionRequest request) {
        if (planned == null || request.app() != planned) {
            throw new IllegalStateException("the clairvoyant policy follows the simulator's plan of each execution;"
                    + " it runs only in the simulator");
        }
        return new Decision(sites[request.taskIndex()], Double.NaN, Double.NaN);
    }
}
