package io.edgeoff.decision.placement;

import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.decision.SiteOutlook;
import java.util.List;
import java.util.Optional;

/**
 * What the placement loop shows the policy about the sites before each of a task's decisions: the simulator's
 * outlook of the current epoch (predictions and its failure-detector model), or the device's resource monitor and
 * failure detector. {@link SiteOutlook#suspected()} is what the loop's suspicion response acts on.
 */
public interface OutlookProvider {

    /**
     * @param elapsedSeconds time since the task became ready, s
     * @return one outlook per site (scenario order); the loop does not modify it
     */
    List<SiteOutlook> outlook(double elapsedSeconds);

    /**
     * Which sites are really up, for a policy that needs the ground truth (only the simulator knows it).
     *
     * @param elapsedSeconds time since the task became ready, s
     */
    default Optional<boolean[]> actualUp(double elapsedSeconds) {
        return Optional.empty();
    }

    /**
     * The measured link and queue estimates the policy plans with ({@code CostModel.with}); the simulator plans
     * with the scenario's values ({@link PlanningInputs#none()}, the default).
     *
     * @param elapsedSeconds time since the task became ready, s
     */
    default PlanningInputs inputs(double elapsedSeconds) {
        return PlanningInputs.none();
    }
}
