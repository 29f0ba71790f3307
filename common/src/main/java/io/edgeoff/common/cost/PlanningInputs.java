package io.edgeoff.common.cost;

import java.util.List;
import java.util.Optional;

/**
 * Estimates that override the scenario's values when the cost model plans ({@link CostModel#with}): per remote
 * site the device-site link's latency and bandwidth and the site's queueing delay, each marked measured or prior.
 * Links between two remote sites, which the device cannot measure, keep the scenario's values. {@link #none()}
 * (no site) plans with the scenario's values alone, as the simulator does.
 *
 * @param sites one entry per remote site that has estimates (any order, each site at most once)
 */
public record PlanningInputs(List<SiteInputs> sites) {
    private static final PlanningInputs NONE = new PlanningInputs(List.of());

    public PlanningInputs {
        sites = List.copyOf(sites);
        if (sites.stream().map(SiteInputs::siteId).distinct().count() != sites.size()) {
            throw new IllegalArgumentException("each site may have one entry, but the sites were "
                    + sites.stream().map(SiteInputs::siteId).toList());
        }
    }

    /** The scenario's values, nothing overridden. */
    public static PlanningInputs none() {
        return NONE;
    }

    /** @return true when nothing is overridden */
    public boolean isNone() {
        return sites.isEmpty();
    }

    /** @return the entry of {@code siteId}, if any */
    public Optional<SiteInputs> site(String siteId) {
        return sites.stream().filter(s -> s.siteId().equals(siteId)).findFirst();
    }

    /** One line per site ({@link SiteInputs#describe()}), joined with "; ", or "scenario values". */
    public String describe() {
        return isNone() ? "scenario values" : String.join("; ", sites.stream().map(SiteInputs::describe).toList());
    }
}
