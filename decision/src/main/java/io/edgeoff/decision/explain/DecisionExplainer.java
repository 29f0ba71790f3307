package io.edgeoff.decision.explain;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.decision.DagPlacement;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.ExplainablePolicy;
import io.edgeoff.decision.Explanation;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.SiteOutlook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a policy over every task of an application execution in topological order, assuming no
 * attempt fails, and collects the decisions with the policy and values of every state the policy
 * considered. For a policy without a model ({@code local}, {@code greedy}, ...) the "policy" of a
 * state is what it decides from that previous site and the "value" the expected time of that choice.
 */
public final class DecisionExplainer {
    private final CostModel costModel;

    public DecisionExplainer(CostModel costModel) {
        this.costModel = costModel;
    }

    /**
     * @param app          the execution to place (for one task: a one-task application)
     * @param firstFrom    site the application's input starts from (the device normally)
     * @param outlook      one outlook per site
     */
    public Report explain(OffloadingPolicy policy, AppInstance app, int firstFrom, List<SiteOutlook> outlook) {
        return explain(policy, app, firstFrom, outlook, PlanningInputs.none());
    }

    /**
     * As {@link #explain(OffloadingPolicy, AppInstance, int, List)}, planning with {@code inputs} (measured link and
     * queue estimates; {@link PlanningInputs#none()} for the scenario's values). The report lists, per remote site,
     * the latency, bandwidth and queueing delay used and whether each was measured or the scenario's prior.
     */
    public Report explain(OffloadingPolicy policy, AppInstance app, int firstFrom, List<SiteOutlook> outlook,
                          PlanningInputs inputs) {
        CostModel planned = costModel.with(inputs);
        int[] placement = new int[app.size()];
        Arrays.fill(placement, -1);
        List<TaskDecision> decisions = new ArrayList<>();
        Map<String, Map<String, String>> policyTable = new LinkedHashMap<>();
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        String valueKind = "expected time of the chosen site, s (this policy has no value function)";
        for (int task : app.application().topologicalOrder()) {
            int from = app.application().predecessors()[task].length == 0 ? firstFrom
                    : DagPlacement.previousSite(app.application(), task, placement, costModel.deviceIndex());
            DecisionRequest request = new DecisionRequest(app, task, from, placement,
                    new boolean[costModel.siteCount()], outlook, Optional.empty(), inputs);
            Decision decision;
            if (policy instanceof ExplainablePolicy explainable) {
                Explanation explanation = explainable.explain(request);
                decision = explanation.decision();
                valueKind = explanation.valueKind();
                // a planner explains every later task too: keep each task's table from its first explanation
                java.util.Set<String> explained = java.util.Set.copyOf(policyTable.keySet());
                for (Explanation.StateRow row : explanation.states()) {
                    if (explained.contains(row.task())) {
                        continue;
                    }
                    policyTable.computeIfAbsent(row.task(), t -> new LinkedHashMap<>())
                            .put(row.state(), siteId(row.actionSite()));
                    values.computeIfAbsent(row.task(), t -> new LinkedHashMap<>()).put(row.state(), row.value());
                }
            } else {
                decision = policy.decide(request);
                for (int state = 0; state < costModel.siteCount(); state++) {
                    Decision alt = policy.decide(new DecisionRequest(app, task, state, placement,
                            new boolean[costModel.siteCount()], outlook, Optional.empty(), inputs));
                    policyTable.computeIfAbsent(app.task(task).name(), t -> new LinkedHashMap<>())
                            .put(siteId(state), siteId(alt.siteIndex()));
                    values.computeIfAbsent(app.task(task).name(), t -> new LinkedHashMap<>())
                            .put(siteId(state), alt.expectedTimeSeconds());
                }
            }
            TaskCost cost = planned.cost(app.task(task), from, decision.siteIndex());
            decisions.add(new TaskDecision(app.task(task).name(), siteId(from), siteId(decision.siteIndex()),
                    cost.timeSeconds(), cost.energyJoules()));
            placement[task] = decision.siteIndex();
        }
        return new Report(policy.name(), decisions, policyTable, values, valueKind, used(inputs));
    }

    /** Per remote site, what was planned with: the given estimate, else the scenario's value (prior). */
    private List<SiteInputs> used(PlanningInputs inputs) {
        List<SiteInputs> used = new ArrayList<>();
        for (int s = 0; s < costModel.siteCount(); s++) {
            if (s != costModel.deviceIndex()) {
                int site = s;
                used.add(inputs.site(siteId(s)).orElseGet(() -> SiteInputs.priorOf(costModel, site)));
            }
        }
        return used;
    }

    private String siteId(int index) {
        return costModel.sites().get(index).id();
    }

    /**
     * @param task                 task name
     * @param from                 site its input comes from
     * @param site                 chosen site
     * @param expectedTimeSeconds  time of the task there if nothing fails, s
     * @param expectedEnergyJoules device energy meanwhile, J
     */
    public record TaskDecision(String task, String from, String site, double expectedTimeSeconds,
                               double expectedEnergyJoules) {
    }

    /**
     * @param policy    policy name
     * @param decisions one per task, in topological order
     * @param policyTable task name to (state to chosen site)
     * @param values    task name to (state to value)
     * @param valueKind what the values mean
     * @param inputs    per remote site, the link latency, bandwidth and queueing delay planned with (measured or prior)
     */
    public record Report(String policy, List<TaskDecision> decisions, Map<String, Map<String, String>> policyTable,
                         Map<String, Map<String, Double>> values, String valueKind, List<SiteInputs> inputs) {

        public double totalTimeSeconds() {
            return decisions.stream().mapToDouble(TaskDecision::expectedTimeSeconds).sum();
        }

        public double totalEnergyJoules() {
            return decisions.stream().mapToDouble(TaskDecision::expectedEnergyJoules).sum();
        }
    }
}
