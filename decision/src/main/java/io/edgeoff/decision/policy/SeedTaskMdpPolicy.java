package io.edgeoff.decision.policy;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.SeedReward;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.common.site.Site;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.ExplainablePolicy;
import io.edgeoff.decision.Explanation;
import io.edgeoff.decision.mdp.FiniteMdp;
import io.edgeoff.decision.mdp.MdpSolution;
import io.edgeoff.decision.mdp.PolicyIteration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The seed's per-task MDP (ORIGINAL.md section 6), shared by {@code seed-mdp-svr}, {@code efpo},
 * {@code energy-efficient} and {@code mobile-cloud}; they differ in the failure estimate, the discount,
 * the reward weights and the sites allowed.
 *
 * <p>States and actions are the scenario's sites. For a valid remote action {@code a}:
 * {@code P[a][s][a] = 1 - fp(a)}, {@code P[a][s][device] = fp(a)} (a failure falls back to the device);
 * for the device action {@code P[device][s][device] = 1}. {@code R[a][s][k]} is the seed reward of
 * running the task from {@code s} on {@code k}, rounded to 3 decimals, wherever {@code P[a][s][k] > 0}, else 0.
 * An action that is invalid this time (excluded after a failure, not allowed, or any remote site for a
 * task that is not offloadable) leads to the device with reward 0. Solved with policy iteration; the
 * decision is {@code policy[previous site]}. Should that be an invalid action (possible only on an
 * exact tie of values), the valid action with the highest Q-value is taken instead.
 */
public final class SeedTaskMdpPolicy implements ExplainablePolicy {
    private final String name;
    private final CostModel costModel;
    private final SeedReward reward;
    private final double discount;
    private final FailureEstimate failureEstimate;
    private final Predicate<Site> allowed;

    public SeedTaskMdpPolicy(String name, CostModel costModel, SeedReward reward, double discount,
                             FailureEstimate failureEstimate, Predicate<Site> allowed) {
        this.name = name;
        this.costModel = costModel;
        this.reward = reward;
        this.discount = discount;
        this.failureEstimate = failureEstimate;
        this.allowed = allowed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        if (!request.app().task(request.taskIndex()).offloadable()) {
            // every remote action is invalid: the MDP's answer is the device (explain() shows the full model)
            return Feasibility.onDevice(costModel, request);
        }
        return solve(request).decision;
    }

    @Override
    public Explanation explain(DecisionRequest request) {
        Solved solved = solve(request);
        List<Explanation.StateRow> rows = new ArrayList<>();
        for (int s = 0; s < solved.solution.policy().length; s++) {
            rows.add(new Explanation.StateRow(request.app().task(request.taskIndex()).name(), costModel.sites().get(s).id(), solved.solution.policy()[s],
                    solved.solution.values()[s]));
        }
        return new Explanation(solved.decision, rows,
                "discounted seed reward (higher is better), state = site of the previous task");
    }

    private record Solved(Decision decision, MdpSolution solution) {
    }

    private Solved solve(DecisionRequest request) {
        CostModel costModel = request.costModel(this.costModel);
        int n = costModel.siteCount();
        int device = costModel.deviceIndex();
        TaskInstance task = request.app().task(request.taskIndex());
        boolean[] valid = Feasibility.feasibleSites(request, device);
        double[] fp = new double[n];
        for (int a = 0; a < n; a++) {
            Site site = costModel.sites().get(a);
            valid[a] = a == device || (valid[a] && allowed.test(site));
            fp[a] = a == device ? 0.0 : failureEstimate.failureProbability(site, request.outlook().get(a));
        }
        double[][] rewards = new double[n][n];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < n; k++) {
                rewards[s][k] = round3(reward.reward(costModel.cost(task, s, k)));
            }
        }
        double[][][] p = new double[n][n][n];
        double[][][] r = new double[n][n][n];
        for (int a = 0; a < n; a++) {
            for (int s = 0; s < n; s++) {
                if (!valid[a]) {
                    p[a][s][device] = 1.0;
                } else if (a == device) {
                    p[a][s][device] = 1.0;
                    r[a][s][device] = rewards[s][device];
                } else {
                    p[a][s][a] = 1.0 - fp[a];
                    p[a][s][device] += fp[a];
                    r[a][s][a] = p[a][s][a] > 0 ? rewards[s][a] : 0.0;
                    if (fp[a] > 0) {
                        r[a][s][device] = rewards[s][device];
                    }
                }
            }
        }
        FiniteMdp mdp = new FiniteMdp(p, r, discount);
        MdpSolution solution = PolicyIteration.solve(mdp);
        int state = request.previousSite();
        int choice = solution.policy()[state];
        if (!valid[choice]) {
            choice = device;
            double best = mdp.qValue(device, state, solution.values());
            for (int a = 0; a < n; a++) {
                double q = mdp.qValue(a, state, solution.values());
                if (valid[a] && q > best) {
                    best = q;
                    choice = a;
                }
            }
        }
        TaskCost cost = costModel.cost(task, state, choice);
        return new Solved(new Decision(choice, cost.timeSeconds(), cost.energyJoules()), solution);
    }

    static double round3(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }
}
