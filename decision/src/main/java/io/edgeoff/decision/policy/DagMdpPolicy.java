package io.edgeoff.decision.policy;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.decision.DagPlacement;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.ExplainablePolicy;
import io.edgeoff.decision.Explanation;
import io.edgeoff.decision.SiteOutlook;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mdp}: edgeoff's own proactive planner and the default policy. It plans the placement of every
 * task of the application that has not finished yet, not only the next one, as a finite-horizon MDP
 * solved exactly by backward induction (see {@code docs/DECISION.md}).
 *
 * <ul>
 *   <li><b>Stages</b>: the task to place now, then the other unfinished tasks in topological order.</li>
 *   <li><b>State</b> at a stage: the sites of the already planned tasks whose output a later task
 *       still needs as its input (its "designated predecessor", {@link DagPlacement}). Finished
 *       tasks are fixed, so the state space is {@code sites^(live tasks)}, small for real DAGs.</li>
 *   <li><b>Actions</b>: any feasible site (the device always; remote sites only for offloadable
 *       tasks, and at the first stage not the sites excluded after failed attempts).</li>
 *   <li><b>Transitions</b>: an attempt on remote site {@code a} fails with probability
 *       {@code q = 1 - (1 - down(a)) * exp(-rate(a) * time of the task on a)}: the site may already be
 *       down (predicted availability) or fail while the task runs (failure rate). A suspected site
 *       has {@code q = 1}. After a failure the device pays the detection cost and the task is retried
 *       on the best other remote site; after a second failure it runs on the device.</li>
 *   <li><b>Cost</b> (minimised): {@code w_t * T / T_ref + w_e * E / E_ref} of each attempt, where
 *       {@code T_ref} and {@code E_ref} are the time and energy of running the whole application on the
 *       device; unlike the seed's sigmoid this never saturates, so a 20 s task is worse than a 10 s one.</li>
 * </ul>
 * When the state space of a stage would exceed {@link #MAX_STATES_PER_STAGE}, the planner forgets
 * the oldest live tasks (assumes their output is on the device) and says so in the explanation.
 */
public final class DagMdpPolicy implements ExplainablePolicy {
    /** Cap on the states of one stage. */
    public static final int MAX_STATES_PER_STAGE = 1 << 16;

    private final CostModel costModel;
    private final CostWeights weights;
    private final Map<Application, int[]> designatedCache = new IdentityHashMap<>();
    private final Map<Application, int[]> topologicalCache = new IdentityHashMap<>();

    public DagMdpPolicy(CostModel costModel, CostWeights weights) {
        this.costModel = costModel;
        this.weights = weights;
    }

    @Override
    public String name() {
        return "mdp";
    }

    @Override
    public Decision decide(DecisionRequest request) {
        if (!request.app().task(request.taskIndex()).offloadable()) {
            // the only feasible action; the plan of the later tasks does not change it
            return Feasibility.onDevice(costModel, request);
        }
        return new Planner(request).solve(false).decision();
    }

    @Override
    public Explanation explain(DecisionRequest request) {
        Plan plan = new Planner(request).solve(true);
        return new Explanation(plan.decision(), plan.rows(),
                "expected normalised cost to finish the application (lower is better), state = sites of the"
                        + " planned tasks whose output a later task still needs (- when none)");
    }

    /** The solved plan: decision for the request plus, per stage, the policy and values. */
    public Plan plan(DecisionRequest request) {
        return new Planner(request).solve(false);
    }

    /**
     * @param decision the decision for the requested task
     * @param expectedCost expected normalised cost of finishing the application from here
     * @param plannedSites the site each unfinished task gets if no attempt fails (-1 for finished tasks)
     * @param rows the policy and value of every state of every stage (empty unless explained)
     */
    public record Plan(Decision decision, double expectedCost, int[] plannedSites, List<Explanation.StateRow> rows) {
    }

    private int[] designated(Application application) {
        return designatedCache.computeIfAbsent(application, DagPlacement::designatedPredecessors);
    }

    private int[] topologicalOrder(Application application) {
        return topologicalCache.computeIfAbsent(application, Application::topologicalOrder);
    }

    /** One planning problem; holds the per-stage tables. */
    private final class Planner {
        /** The policy's cost model planning with the request's measured inputs. */
        private final CostModel costModel;
        private final DecisionRequest request;
        private final AppInstance app;
        private final int sites;
        private final int device;
        private final int[] designated;
        private final int[] order;
        private final int[] stageOf;
        private final int[][] live;
        private final double timeRef;
        private final double energyRef;
        private double[][] values;
        private int[][] policy;

        Planner(DecisionRequest request) {
            this.costModel = request.costModel(DagMdpPolicy.this.costModel);
            this.request = request;
            this.app = request.app();
            this.sites = costModel.siteCount();
            this.device = costModel.deviceIndex();
            this.designated = designated(app.application());
            this.order = stageOrder();
            this.stageOf = new int[app.size()];
            java.util.Arrays.fill(stageOf, -1);
            for (int k = 0; k < order.length; k++) {
                stageOf[order[k]] = k;
            }
            this.live = liveSets();
            double localSeconds = 0;
            for (TaskInstance task : app.tasks()) {
                localSeconds += task.millionInstructions() / costModel.sites().get(device).mips();
            }
            this.timeRef = localSeconds > 0 ? localSeconds : 1.0;
            double localJoules = costModel.power().localExecutionWatts() * localSeconds;
            this.energyRef = localJoules > 0 ? localJoules : 1.0;
        }

        private int[] stageOrder() {
            int[] topo = topologicalOrder(app.application());
            int[] placement = request.placement();
            int[] stages = new int[topo.length];
            int count = 0;
            stages[count++] = request.taskIndex();
            for (int task : topo) {
                if (task != request.taskIndex() && placement[task] < 0) {
                    stages[count++] = task;
                }
            }
            return java.util.Arrays.copyOf(stages, count);
        }

        /** live[k] = planned tasks (stage < k) whose output a task at stage >= k needs; oldest first. */
        private int[][] liveSets() {
            int m = order.length;
            int[] lastUse = new int[app.size()];
            java.util.Arrays.fill(lastUse, -1);
            for (int k = 0; k < m; k++) {
                int p = designated[order[k]];
                if (p >= 0 && stageOf[p] >= 0) {
                    lastUse[p] = Math.max(lastUse[p], k);
                }
            }
            int maxLive = sites <= 1 ? m : 0;
            for (long states = sites; sites > 1 && states <= MAX_STATES_PER_STAGE; states *= sites) {
                maxLive++;
            }
            int[][] result = new int[m + 1][];
            int[] set = new int[m];
            for (int k = 0; k <= m; k++) {
                int size = 0;
                for (int j = 0; j < k; j++) {
                    int task = order[j];
                    if (lastUse[task] >= k) {
                        set[size++] = task;
                    }
                }
                int drop = Math.max(0, size - maxLive);
                result[k] = java.util.Arrays.copyOfRange(set, drop, size);
            }
            return result;
        }

        private int stateCount(int k) {
            int count = 1;
            for (int i = 0; i < live[k].length; i++) {
                count *= sites;
            }
            return count;
        }

        /** Site of {@code task} in state {@code state} of stage {@code k}, or -1 if not tracked. */
        private int siteInState(int k, int state, int task) {
            int[] set = live[k];
            int x = state;
            for (int i = 0; i < set.length; i++) {
                int site = x % sites;
                x /= sites;
                if (set[i] == task) {
                    return site;
                }
            }
            return -1;
        }

        private int indexIn(int[] set, int task) {
            for (int i = 0; i < set.length; i++) {
                if (set[i] == task) {
                    return i;
                }
            }
            return -1;
        }

        private int nextState(int k, int state, int placedTask, int site) {
            int[] next = live[k + 1];
            int index = 0;
            int radix = 1;
            for (int i = 0; i < next.length; i++) {
                int task = next[i];
                int s = task == placedTask ? site : siteInState(k, state, task);
                index += Math.max(s, 0) * radix;
                radix *= sites;
            }
            return index;
        }

        private int previousSite(int k, int state) {
            int p = designated[order[k]];
            if (p < 0) {
                return device;
            }
            if (stageOf[p] < 0) {
                return request.placement()[p];
            }
            int s = siteInState(k, state, p);
            return s >= 0 ? s : device;
        }

        private double scalar(TaskCost cost) {
            return weights.time() * cost.timeSeconds() / timeRef + weights.energy() * cost.energyJoules() / energyRef;
        }

        private double failureProbability(int site, double executionSeconds) {
            SiteOutlook outlook = request.outlook().get(site);
            if (outlook.suspected()) {
                return 1.0;
            }
            double up = (1.0 - outlook.downProbability()) * Math.exp(-outlook.failureRatePerSecond() * executionSeconds);
            return 1.0 - up;
        }

        Plan solve(boolean withRows) {
            int m = order.length;
            values = new double[m + 1][];
            policy = new int[m][];
            values[m] = new double[stateCount(m)];
            double[] succ = new double[sites];
            double[] q = new double[sites];
            double[] once = new double[sites];
            double[][] stepCost = new double[sites][sites];
            double[] failCost = new double[sites];
            for (int k = m - 1; k >= 0; k--) {
                int task = order[k];
                TaskInstance instance = app.task(task);
                int states = stateCount(k);
                values[k] = new double[states];
                policy[k] = new int[states];
                int predecessor = designated[task];
                boolean fixedFrom = predecessor < 0 || stageOf[predecessor] < 0;
                int fromLow = fixedFrom ? previousSite(k, 0) : 0;
                int fromHigh = fixedFrom ? fromLow : sites - 1;
                for (int from = fromLow; from <= fromHigh; from++) {
                    failCost[from] = scalar(costModel.failedAttemptCost(from));
                    for (int a = 0; a < sites; a++) {
                        if (!feasible(k, instance, a)) {
                            stepCost[from][a] = Double.NaN;
                            continue;
                        }
                        TaskCost cost = costModel.cost(instance, from, a);
                        stepCost[from][a] = scalar(cost);
                        if (a != device) {
                            q[a] = failureProbability(a, cost.executionSeconds());
                        }
                    }
                }
                int[] source = new int[live[k + 1].length];
                int placedRadix = 0;
                int radix = 1;
                for (int i = 0; i < source.length; i++) {
                    source[i] = indexIn(live[k], live[k + 1][i]);
                    if (live[k + 1][i] == task) {
                        placedRadix = radix;
                    }
                    radix *= sites;
                }
                int[] digits = new int[live[k].length];
                for (int x = 0; x < states; x++) {
                    int rest = x;
                    for (int i = 0; i < digits.length; i++) {
                        digits[i] = rest % sites;
                        rest /= sites;
                    }
                    int base = 0;
                    radix = 1;
                    for (int i = 0; i < source.length; i++) {
                        base += source[i] >= 0 ? digits[source[i]] * radix : 0;
                        radix *= sites;
                    }
                    int from = previousSite(k, x);
                    double fail = failCost[from];
                    double best1 = Double.POSITIVE_INFINITY;
                    double best2 = Double.POSITIVE_INFINITY;
                    int best1Site = -1;
                    for (int a = 0; a < sites; a++) {
                        double step = stepCost[from][a];
                        succ[a] = Double.isNaN(step) ? Double.NaN : step + values[k + 1][base + a * placedRadix];
                    }
                    double local = succ[device];
                    for (int a = 0; a < sites; a++) {
                        if (a == device || Double.isNaN(succ[a])) {
                            continue;
                        }
                        once[a] = (1 - q[a]) * succ[a] + q[a] * (fail + local);
                        if (once[a] < best1) {
                            best2 = best1;
                            best1 = once[a];
                            best1Site = a;
                        } else if (once[a] < best2) {
                            best2 = once[a];
                        }
                    }
                    int choice = device;
                    double value = local;
                    for (int a = 0; a < sites; a++) {
                        if (Double.isNaN(succ[a])) {
                            continue;
                        }
                        double qa;
                        if (a == device) {
                            qa = local;
                        } else {
                            double recovery = Math.min(local, a == best1Site ? best2 : best1);
                            qa = (1 - q[a]) * succ[a] + q[a] * (fail + recovery);
                        }
                        if (qa < value || (qa == value && a < choice)) {
                            value = qa;
                            choice = a;
                        }
                    }
                    values[k][x] = value;
                    policy[k][x] = choice;
                }
            }
            int first = policy[0][0];
            TaskCost cost = costModel.cost(app.task(order[0]), request.previousSite(), first);
            Decision decision = new Decision(first, cost.timeSeconds(), cost.energyJoules());
            return new Plan(decision, values[0][0], plannedPath(), withRows ? rows() : List.of());
        }

        private boolean feasible(int k, TaskInstance instance, int site) {
            if (site == device) {
                return true;
            }
            if (!instance.offloadable()) {
                return false;
            }
            return k > 0 || !request.excluded()[site];
        }

        private int[] plannedPath() {
            int[] planned = new int[app.size()];
            java.util.Arrays.fill(planned, -1);
            int state = 0;
            for (int k = 0; k < order.length; k++) {
                int site = policy[k][state];
                planned[order[k]] = site;
                state = nextState(k, state, order[k], site);
            }
            return planned;
        }

        private List<Explanation.StateRow> rows() {
            List<Explanation.StateRow> rows = new ArrayList<>();
            for (int k = 0; k < order.length; k++) {
                for (int x = 0; x < policy[k].length; x++) {
                    rows.add(new Explanation.StateRow(app.task(order[k]).name(), label(k, x), policy[k][x], values[k][x]));
                }
            }
            return rows;
        }

        private String label(int k, int state) {
            int[] set = live[k];
            if (set.length == 0) {
                return "-";
            }
            StringBuilder label = new StringBuilder();
            for (int task : set) {
                label.append(label.length() == 0 ? "" : ",").append(app.task(task).name()).append('@')
                        .append(costModel.sites().get(siteInState(k, state, task)).id());
            }
            return label.toString();
        }
    }
}
