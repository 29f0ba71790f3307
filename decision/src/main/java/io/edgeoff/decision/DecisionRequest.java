package io.edgeoff.decision;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.PlanningInputs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a policy sees when choosing a site for one task. Sites are addressed by their index in
 * the scenario's site order. Arrays are not copied (this sits on the hot path): callers must not
 * change them while a decision is being made.
 *
 * @param app           the application execution the task belongs to
 * @param taskIndex     index of the task to place
 * @param previousSite  site index where the previous task (the one this task's input comes from) ran
 * @param placement     for each task of {@code app}, the site index where it ran, or -1 if not finished
 * @param excluded      sites that must not be chosen for this task (failed attempts so far); length = site count
 * @param outlook       one {@link SiteOutlook} per site
 * @param actualUp      only in the simulator, for the diagnostic {@code myopic-oracle} policy: which sites are up
 * @param inputs        the device's measured link and queue estimates the policy plans with
 *                      ({@link CostModel#with}); {@link PlanningInputs#none()} for the scenario's values
 */
public record DecisionRequest(AppInstance app, int taskIndex, int previousSite, int[] placement, boolean[] excluded,
                              List<SiteOutlook> outlook, Optional<boolean[]> actualUp, PlanningInputs inputs) {
    public DecisionRequest {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(excluded, "excluded");
        Objects.requireNonNull(actualUp, "actualUp");
        outlook = List.copyOf(outlook);
        if (taskIndex < 0 || taskIndex >= app.size()) {
            throw new IllegalArgumentException("taskIndex must be in [0," + app.size() + "), but was " + taskIndex);
        }
        if (placement.length != app.size()) {
            throw new IllegalArgumentException("placement must have one entry per task (" + app.size()
                    + "), but has " + placement.length);
        }
        if (excluded.length != outlook.size()) {
            throw new IllegalArgumentException("excluded must have one entry per site (" + outlook.size()
                    + "), but has " + excluded.length);
        }
        if (previousSite < 0 || previousSite >= outlook.size()) {
            throw new IllegalArgumentException("previousSite must be in [0," + outlook.size() + "), but was "
                    + previousSite);
        }
    }

    /** A request planned with the scenario's values ({@link PlanningInputs#none()}). */
    public DecisionRequest(AppInstance app, int taskIndex, int previousSite, int[] placement, boolean[] excluded,
                           List<SiteOutlook> outlook, Optional<boolean[]> actualUp) {
        this(app, taskIndex, previousSite, placement, excluded, outlook, actualUp, PlanningInputs.none());
    }

    /** The cost model this decision plans with: {@code base} with this request's {@link #inputs()}. */
    public CostModel costModel(CostModel base) {
        return base.with(inputs);
    }
}
