package io.edgeoff.decision.policy;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import java.util.SplittableRandom;

/** {@code random}: a uniformly drawn feasible site, from a source seeded by the policy context. */
public final class RandomPolicy implements OffloadingPolicy {
    private final CostModel costModel;
    private final SplittableRandom random;

    public RandomPolicy(CostModel costModel, long seed) {
        this.costModel = costModel;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Decision decide(DecisionRequest request) {
        boolean[] feasible = Feasibility.feasibleSites(request, costModel.deviceIndex());
        int count = 0;
        for (boolean f : feasible) {
            count += f ? 1 : 0;
        }
        int pick = random.nextInt(count);
        int site = 0;
        for (int s = 0; s < feasible.length; s++) {
            if (feasible[s] && pick-- == 0) {
                site = s;
                break;
            }
        }
        TaskCost cost = request.costModel(costModel).cost(request.app().task(request.taskIndex()), request.previousSite(), site);
        return new Decision(site, cost.timeSeconds(), cost.energyJoules());
    }
}
