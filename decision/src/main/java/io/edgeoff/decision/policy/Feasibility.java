package io.edgeoff.decision.policy;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.decision.DecisionRequest;

/** Which sites a task may run on: not excluded, and the device only for a task that is not offloadable. */
final class Feasibility {
    private Feasibility() {
    }

    static boolean[] feasibleSites(DecisionRequest request, int deviceIndex) {
        TaskInstance task = request.app().task(request.taskIndex());
        boolean[] excluded = request.excluded();
        boolean[] feasible = new boolean[excluded.length];
        for (int site = 0; site < feasible.length; site++) {
            feasible[site] = site == deviceIndex || (task.offloadable() && !excluded[site]);
        }
        return feasible;
    }
}
