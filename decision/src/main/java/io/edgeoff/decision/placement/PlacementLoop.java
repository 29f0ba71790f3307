package io.edgeoff.decision.placement;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.SuspicionResponse;
import java.util.List;
import java.util.Objects;

/**
 * Places one task: the one loop of the simulator and the device.
 *
 * <pre>
 *   excluded = {}
 *   loop:
 *     sites that cannot run the task (TaskSupport: no handler for it) are excluded
 *     not offloadable                    -&gt; device   (NOT_OFFLOADABLE)
 *     remote attempts == cap             -&gt; device   (ATTEMPT_CAP_REACHED)
 *     outlook = provider.outlook(elapsed); under EXCLUDE_SUSPECTED exclude every suspected site,
 *                                        under IGNORE show the policy the outlook without suspicions
 *     inputs = provider.inputs(elapsed)  (measured links and queues live; the scenario's values simulated)
 *     every remote site excluded         -&gt; device   (NO_REMOTE_SITE_LEFT)
 *     site = policy.decide(request)
 *       out of range / excluded          -&gt; device   (CHOICE_OUT_OF_RANGE / CHOICE_EXCLUDED)
 *     runner.run(site)                   (reports time and energy)
 *       success                          -&gt; done
 *       failure                          -&gt; exclude the site (DEVICE_ONLY: every remote site); loop
 * </pre>
 *
 * The device never fails (an attempt there always completes). Immutable and thread-safe when its policy is: the
 * per-task state lives in the caller's {@link Placement}. Allocates one {@link DecisionRequest} per decision and,
 * under {@link SuspicionResponse#IGNORE} while some site is suspected, a copy of the outlook without the suspicions.
 */
public final class PlacementLoop {
    private final CostModel costModel;
    private final OffloadingPolicy policy;
    private final boolean deviceOnlyAfterFailure;
    private final boolean excludeSuspected;
    private final PlacementRules rules;
    private final int device;
    private final int siteCount;
    private final TaskSupport support;

    /**
     * @param costModel    the run's cost model (sites, device index)
     * @param spec         the policy's registry entry (its failure and suspicion responses)
     * @param policy       the policy instance of the run, created from {@code spec}
     * @param rules        the attempt cap
     */
    public PlacementLoop(CostModel costModel, PolicySpec spec, OffloadingPolicy policy, PlacementRules rules) {
        this(costModel, policy, spec.onFailure(), spec.onSuspicion(), rules);
    }

    public PlacementLoop(CostModel costModel, OffloadingPolicy policy, FailureResponse onFailure,
                         SuspicionResponse onSuspicion, PlacementRules rules) {
        this(costModel, policy, onFailure, onSuspicion, rules, TaskSupport.ALL);
    }

    /**
     * @param support  which remote sites can run which task (a site without the task's handler cannot); a site that
     *                 cannot is excluded before the policy is asked, so it is never chosen
     */
    public PlacementLoop(CostModel costModel, PolicySpec spec, OffloadingPolicy policy, PlacementRules rules,
                         TaskSupport support) {
        this(costModel, policy, spec.onFailure(), spec.onSuspicion(), rules, support);
    }

    public PlacementLoop(CostModel costModel, OffloadingPolicy policy, FailureResponse onFailure,
                         SuspicionResponse onSuspicion, PlacementRules rules, TaskSupport support) {
        this.support = Objects.requireNonNull(support, "support");
        this.costModel = Objects.requireNonNull(costModel, "costModel");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.deviceOnlyAfterFailure = Objects.requireNonNull(onFailure, "onFailure") == FailureResponse.DEVICE_ONLY;
        this.excludeSuspected = Objects.requireNonNull(onSuspicion, "onSuspicion")
                == SuspicionResponse.EXCLUDE_SUSPECTED;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.device = costModel.deviceIndex();
        this.siteCount = costModel.siteCount();
    }

    public OffloadingPolicy policy() {
        return policy;
    }

    public PlacementRules rules() {
        return rules;
    }

    /**
     * Places task {@code task} of {@code app} and runs it to completion.
     *
     * @param app        the instance the policy sees (the device's profiler plan; in the simulator the instance itself)
     * @param task       task index
     * @param from       site of the task's designated predecessor (where its input is)
     * @param placement  per task of {@code app}, where it ran, or -1 (read by the policy, not changed)
     * @param outlooks   the sites' outlooks before each decision
     * @param runner     runs the attempts
     * @param out        filled with the attempts, the final site and the reason; returned
     * @return {@code out}
     */
    public <C> Placement<C> place(AppInstance app, int task, int from, int[] placement, OutlookProvider outlooks,
                                  AttemptRunner<C> runner, Placement<C> out) {
        out.reset(task, siteCount);
        boolean[] excluded = out.excluded();
        if (support != TaskSupport.ALL) {
            for (int s = 0; s < siteCount; s++) {
                if (s != device && !support.canRun(s, app, task)) {
                    excluded[s] = true;
                }
            }
        }
        boolean offloadable = app.task(task).offloadable();
        double elapsed = 0;
        while (true) {
            int site = choose(app, task, from, placement, offloadable, excluded, elapsed, outlooks, out);
            runner.run(site, elapsed, out);
            if (!out.reported()) {
                throw new IllegalStateException("the attempt runner reported no outcome for task " + task
                        + " on site " + site);
            }
            elapsed += out.lastSeconds();
            if (out.lastSucceeded()) {
                out.finish(site);
                return out;
            }
            if (site == device) {
                throw new IllegalStateException("an attempt on the device failed (task " + task
                        + "); the device is the loop's fallback and must not fail");
            }
            excluded[site] = true;
            if (deviceOnlyAfterFailure) {
                for (int s = 0; s < siteCount; s++) {
                    excluded[s] |= s != device;
                }
            }
        }
    }

    /** Chooses the next attempt's site and records it as begun in {@code out}. */
    private int choose(AppInstance app, int task, int from, int[] placement, boolean offloadable, boolean[] excluded,
                       double elapsed, OutlookProvider outlooks, Placement<?> out) {
        if (!offloadable) {
            return begin(out, device, PlacementReason.NOT_OFFLOADABLE);
        }
        if (out.remoteAttempts() >= rules.maxRemoteAttempts()) {
            return begin(out, device, PlacementReason.ATTEMPT_CAP_REACHED);
        }
        List<SiteOutlook> outlook = outlooks.outlook(elapsed);
        boolean anyRemote = false;
        for (int s = 0; s < siteCount; s++) {
            if (s == device) {
                continue;
            }
            if (excludeSuspected && outlook.get(s).suspected()) {
                excluded[s] = true;
            }
            anyRemote |= !excluded[s];
        }
        if (!anyRemote) {
            return begin(out, device, PlacementReason.NO_REMOTE_SITE_LEFT);
        }
        if (!excludeSuspected) {
            outlook = withoutSuspicions(outlook);
        }
        Decision decision = policy.decide(new DecisionRequest(app, task, from, placement, excluded, outlook,
                outlooks.actualUp(elapsed), outlooks.inputs(elapsed)));
        int site = decision.siteIndex();
        if (site >= siteCount) {
            return begin(out, device, PlacementReason.CHOICE_OUT_OF_RANGE);
        }
        if (excluded[site]) {
            return begin(out, device, PlacementReason.CHOICE_EXCLUDED);
        }
        return begin(out, site, PlacementReason.POLICY_CHOICE);
    }

    /** {@code outlook} as a policy that ignores the failure detector sees it (the same list when nothing is suspected). */
    static List<SiteOutlook> withoutSuspicions(List<SiteOutlook> outlook) {
        boolean any = false;
        for (SiteOutlook o : outlook) {
            any |= o.suspected();
        }
        if (!any) {
            return outlook;
        }
        List<SiteOutlook> plain = new java.util.ArrayList<>(outlook.size());
        for (SiteOutlook o : outlook) {
            plain.add(o.withSuspicion(false));
        }
        return plain;
    }

    private int begin(Placement<?> out, int site, PlacementReason why) {
        out.begin(site, why, site != device);
        return site;
    }

    /** @return which sites can run which task */
    public TaskSupport support() {
        return support;
    }

    /** @return the cost model the loop places on */
    public CostModel costModel() {
        return costModel;
    }
}
