package io.edgeoff.decision;

import io.edgeoff.common.app.AppInstance;
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
 * @param actualUp      only in the simulator, for the diagnostic {@code oracle} policy: which sites are up
 */
public record DecisionRequest(AppInstance app, int taskIndex, int previousSite, int[] placement, boolean[] excluded,
                              List<SiteOutlook> outlook, Optional<boolean[]> actualUp) {
    public DecisionRequest {
        Objects.requireNonNull(app, "app");
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
}
