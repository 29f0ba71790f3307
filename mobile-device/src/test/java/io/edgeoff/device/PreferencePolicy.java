package io.edgeoff.device;

import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import java.util.List;

/** Test policy: the first non-excluded site of a preference list; the device for local-only tasks. */
public record PreferencePolicy(int device, List<Integer> preference) implements OffloadingPolicy {
    @Override
    public String name() {
        return "preference";
    }

    @Override
    public Decision decide(DecisionRequest r) {
        if (!r.app().task(r.taskIndex()).offloadable()) {
            return new Decision(device, Double.NaN, Double.NaN);
        }
        for (int site : preference) {
            if (site >= r.excluded().length || !r.excluded()[site]) { // an index past the sites is returned as is
                return new Decision(site, Double.NaN, Double.NaN);
            }
        }
        return new Decision(device, Double.NaN, Double.NaN);
    }
}
