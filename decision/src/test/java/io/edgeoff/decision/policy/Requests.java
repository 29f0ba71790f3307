package io.edgeoff.decision.policy;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.SiteOutlook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds decision requests on a scenario for tests. */
final class Requests {
    private Requests() {
    }

    static List<SiteOutlook> availability(Scenario scenario, Map<String, Double> availability) {
        List<SiteOutlook> outlook = new ArrayList<>();
        scenario.sites().forEach(site -> outlook.add(site.isRemote()
                ? SiteOutlook.ofAvailability(availability.getOrDefault(site.id(), 1.0))
                : SiteOutlook.certain()));
        return outlook;
    }

    static DecisionRequest first(Scenario scenario, AppInstance app, String task, List<SiteOutlook> outlook) {
        int[] placement = new int[app.size()];
        Arrays.fill(placement, -1);
        int taskIndex = app.application().indexOf(task);
        return new DecisionRequest(app, taskIndex, scenario.siteIndex("MD"), placement,
                new boolean[scenario.sites().size()], outlook, Optional.empty());
    }

    static DecisionRequest withPrevious(DecisionRequest request, int previousSite, boolean[] excluded) {
        return new DecisionRequest(request.app(), request.taskIndex(), previousSite, request.placement(), excluded,
                request.outlook(), Optional.empty());
    }
}
