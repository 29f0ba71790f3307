package io.edgeoff.decision.policy;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.common.cost.TaskCost;

/**
 * Diagnostic policy {@code myopic-oracle} (called {@code oracle} before issue 18), simulator only (its registry entry says it needs ground truth, so a live
 * device refuses it): it knows which sites are really up ({@link DecisionRequest#actualUp()}) and puts each task on the up, non-excluded site where the task itself
 * finishes soonest (ties to the lowest site index). It never fails in the {@code seed} failure mode, so it bounds
 * what any predictor-driven policy can reach there. It is myopic (one task at a time) like the seed's engines,
 * so it is an upper bound on failure avoidance, not on placement: {@code mdp}, which plans the whole DAG, is faster.
 * The true bound on response time is {@code clairvoyant} ({@link ClairvoyantPolicy}).
 */
public final class MyopicOraclePolicy implements OffloadingPolicy {
    /** Registry name. */
    public static final String NAME = "myopic-oracle";

    private final CostModel costModel;

    public MyopicOraclePolicy(CostModel costModel) {
        this.costModel = costModel;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        boolean[] up = request.actualUp().orElseThrow(() -> new IllegalStateException(
                "the myopic-oracle policy needs the actual site states; it runs only in the simulator"));
        TaskInstance task = request.app().task(request.taskIndex());
        CostModel costModel = request.costModel(this.costModel);
        int device = costModel.deviceIndex();
        int from = request.previousSite();
        int best = device;
        TaskCost bestCost = costModel.cost(task, from, device);
        if (task.offloadable()) {
            for (int site = 0; site < costModel.siteCount(); site++) {
                if (site == device || request.excluded()[site] || !up[site]) {
                    continue;
                }
                TaskCost cost = costModel.cost(task, from, site);
                if (cost.timeSeconds() < bestCost.timeSeconds()) {
                    best = site;
                    bestCost = cost;
                }
            }
        }
        return new Decision(best, bestCost.timeSeconds(), bestCost.energyJoules());
    }
}
