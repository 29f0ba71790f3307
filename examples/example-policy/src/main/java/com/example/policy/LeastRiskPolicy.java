package com.example.policy;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;

/**
 * Places each task where its expected time is least, counting the risk of a failed attempt: with {@code p} the
 * site's probability of refusing an attempt started now (its outlook's down probability), {@code t} the cost
 * model's time there and {@code t_device} the time on the device,
 * <pre>
 *   E[time at s] = (1 - p) * t  +  p * (failure detection time + t_device)
 * </pre>
 * (a failed attempt is noticed after the detection time and the task then runs on the device, the worst case).
 * Excluded sites are skipped, a task that is not offloadable stays on the device. Stateless, so one instance per
 * run is plenty.
 */
public final class LeastRiskPolicy implements OffloadingPolicy {
    /** The registry name. */
    public static final String NAME = "least-risk";

    private final CostModel base;

    public LeastRiskPolicy(CostModel base) {
        this.base = base;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        CostModel costs = request.costModel(base);
        int device = costs.deviceIndex();
        TaskInstance task = request.app().task(request.taskIndex());
        TaskCost onDevice = costs.cost(task, request.previousSite(), device);
        if (!task.offloadable()) {
            return new Decision(device, onDevice.timeSeconds(), onDevice.energyJoules());
        }
        int best = device;
        double bestTime = onDevice.timeSeconds();
        for (int site = 0; site < costs.siteCount(); site++) {
            if (site == device || request.excluded()[site]) {
                continue;
            }
            double p = request.outlook().get(site).downProbability();
            double t = costs.cost(task, request.previousSite(), site).timeSeconds();
            double expected = (1 - p) * t + p * (costs.failureDetectionSeconds() + onDevice.timeSeconds());
            if (expected < bestTime) {
                best = site;
                bestTime = expected;
            }
        }
        return new Decision(best, bestTime, costs.cost(task, request.previousSite(), best).energyJoules());
    }
}
