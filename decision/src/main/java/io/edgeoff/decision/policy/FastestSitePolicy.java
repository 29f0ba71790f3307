package io.edgeoff.decision.policy;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;

/**
 * The feasible site with the least expected time for the task, ignoring failures (ties to the lowest
 * index). Registered twice: {@code greedy} (re-decides without the failed site after a failure) and
 * {@code reactive} (after a failure re-executes on the device: our stand-in for the paper's
 * "Kubernetes scheduler with hybrid fault tolerance" baseline).
 */
public final class FastestSitePolicy implements OffloadingPolicy {
    private final String name;
    private final CostModel costModel;

    public FastestSitePolicy(String name, CostModel costModel) {
        this.name = name;
        this.costModel = costModel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        boolean[] feasible = Feasibility.feasibleSites(request, costModel.deviceIndex());
        TaskInstance task = request.app().task(request.taskIndex());
        CostModel planned = request.costModel(costModel);
        int best = -1;
        TaskCost bestCost = null;
        for (int site = 0; site < feasible.length; site++) {
            if (!feasible[site]) {
                continue;
            }
            TaskCost cost = planned.cost(task, request.previousSite(), site);
            if (best < 0 || cost.timeSeconds() < bestCost.timeSeconds()) {
                best = site;
                bestCost = cost;
            }
        }
        return new Decision(best, bestCost.timeSeconds(), bestCost.energyJoules());
    }
}
