package io.edgeoff.decision.policy;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.decision.Decision;
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

    /** The decision to run the requested task on the device, with its cost from the previous site. */
    static Decision onDevice(CostModel costModel, DecisionRequest request) {
        int device = costModel.deviceIndex();
        TaskCost cost = request.costModel(costModel).cost(request.app().task(request.taskIndex()), request.previousSite(), device);
        return new Decision(device, cost.timeSeconds(), cost.energyJoules());
    }
}
