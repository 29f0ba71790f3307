package io.edgeoff.decision.policy;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;

/** {@code local}: every task runs on the device. */
public final class LocalPolicy implements OffloadingPolicy {
    private final CostModel costModel;

    public LocalPolicy(CostModel costModel) {
        this.costModel = costModel;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Decision decide(DecisionRequest request) {
        return Feasibility.onDevice(costModel, request);
    }
}
