package io.edgeoff.common.cost;

import java.util.List;
import java.util.Optional;

/**
 * Estimates that override the scenario's values when the cost model plans ({@link CostModel#with}): per remote
 * site the device-site link's latency and bandwidth and the site's queueing delay, each marked measured or prior.
 * Links between two remote sites, which the device cannot measure, keep the scenario's values. {@link #none()}
 * (no site) plans with the scenario's values alone, as the simulator does.
 *
 * <p>{@code speeds} are the device's learnt costs of the task being decided (live only, for a task whose code the
 * device profiles): each names a site's effective speed for this task, so that the cost model's execution time there is
 * the profile's prediction ({@link SiteSpeed}).
 *
 * @param sites  one entry per remote site that has estimates (any order, each site at most once)
 * @param speeds one entry per site (the device included) whose execution time for the task is predicted, each at most
 *               once; empty: the scenario's MIPS
 */
public record PlanningInputs(List<SiteInputs> sites, List<SiteSpeed> speeds) {
    private static final PlanningInputs NONE = new PlanningInputs(List.of());

    /** Link and queue estimates only. */
    public PlanningInputs(List<SiteInputs> sites) {
        this(sites, List.of());
    }

    public PlanningInputs {
        sites = List.copyOf(sites);
        speeds = List.copyOf(speeds);
        if (speeds.stream().map(SiteSpeed::siteId).distinct().count() != speeds.size()) {
            throw new IllegalArgumentException("each site may have one speed, but the speeds were for "
                    + speeds.stream().map(SiteSpeed::siteId).toList());
        }
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
        return sites.isEmpty() && speeds.isEmpty();
    }

    /** @return these inputs with {@code speeds} instead of this one's */
    public PlanningInputs withSpeeds(List<SiteSpeed> speeds) {
        return new PlanningInputs(sites, speeds);
    }

    /** @return the entry of {@code siteId}, if any */
    public Optional<SiteInputs> site(String siteId) {
        return sites.stream().filter(s -> s.siteId().equals(siteId)).findFirst();
    }

    /** One line per site ({@link SiteInputs#describe()}), joined with "; ", or "scenario values". */
    public String describe() {
        if (isNone()) {
            return "scenario values";
        }
        java.util.List<String> parts = new java.util.ArrayList<>(sites.stream().map(SiteInputs::describe).toList());
        if (!speeds.isEmpty()) {
            parts.add("learnt speeds " + String.join(", ", speeds.stream().map(s -> String.format(java.util.Locale.ROOT,
                    "%s %.0f MIPS", s.siteId(), s.mips())).toList()));
        }
        return parts.isEmpty() ? "scenario values" : String.join("; ", parts);
    }
}
