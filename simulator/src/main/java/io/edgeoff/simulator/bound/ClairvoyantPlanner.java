package io.edgeoff.simulator.bound;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.simulator.failure.FailureProcess;
import io.edgeoff.simulator.run.SamplingSimulation.AppPlan;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Plans one application execution for the least response time with every failure of the run known in advance:
 * an exact branch-and-bound over the placements of all the DAG's tasks.
 *
 * <p><b>The model is the simulator's.</b> Tasks run in epochs (ready sets); every task of an epoch starts at the
 * epoch's start, the epoch lasts as long as its slowest task, and a task placed on {@code to} after its designated
 * predecessor ran on {@code from} takes {@code CostModel.cost(task, from, to).timeSeconds()}. Response time is the
 * sum of the epochs. The planner minimises exactly that: time only (not energy, not the weighted reward).
 *
 * <p><b>What it knows.</b> {@link FailureProcess#earliestSuccessStart} tells it, for every site, epoch and start,
 * the earliest moment at which an attempt there succeeds in the run being simulated: the future failure draws of
 * the {@code seed} mode and the trace's outages of the {@code time} mode. It may start a task on a site later than
 * its epoch's start (it waits, with the device idle, until the site is up for long enough). Waiting is what every
 * policy's failed attempts amount to (a failed attempt delays the task by its detection time and then it runs
 * elsewhere or later), so the plan is a relaxation of every policy's run: for each policy placement, the planner's
 * finish of every epoch is at or before the policy's, and the finish is monotone in the start time, so on the
 * same sampling the bound's execution {@code k} ends no later than any policy's execution {@code k}. In {@code
 * seed} mode a site's state is constant during an epoch, no wait ever helps, and since every policy sees the same
 * draws in the same epochs, the bound is below every policy execution by execution.
 *
 * <p><b>Search.</b> Depth first over the tasks in epoch order, each over its feasible sites (the device only for
 * a task that is not offloadable), cheapest first, pruning a branch when its time so far plus a lower bound of the
 * rest (per remaining epoch, the largest of its tasks' cheapest costs over every pair of sites) cannot beat the
 * best plan found. Worst case {@code O(S^k * n)} cost evaluations for {@code k} offloadable tasks of {@code n} on
 * {@code S} sites; an application with more than {@link #MAX_PLACEMENTS} placements is refused (the seed's largest,
 * GPS_NAVIGATOR, has {@code 5^4 = 625}). Not thread-safe; one instance per sampling.
 */
public final class ClairvoyantPlanner {
    /** Largest number of placements ({@code S^k}) of one application the planner searches. */
    public static final long MAX_PLACEMENTS = 1_000_000;

    private final CostModel costModel;
    private final int siteCount;
    private final int device;

    /**
     * A plan of one execution.
     *
     * @param sites          per task index, its site
     * @param startSeconds   per task index, the virtual time its (only) attempt starts, s
     * @param finishSeconds  the virtual time the execution ends, s
     */
    public record Plan(int[] sites, double[] startSeconds, double finishSeconds) {
        public Plan {
            sites = sites.clone();
            startSeconds = startSeconds.clone();
            if (sites.length != startSeconds.length) {
                throw new IllegalArgumentException("one start per task is needed: " + sites.length + " sites, "
                        + startSeconds.length + " starts");
            }
        }

        @Override
        public int[] sites() {
            return sites.clone();
        }

        @Override
        public double[] startSeconds() {
            return startSeconds.clone();
        }

        /** @return the planned site of task {@code task} */
        public int site(int task) {
            return sites[task];
        }

        /** @return the planned start of task {@code task}, s */
        public double startSeconds(int task) {
            return startSeconds[task];
        }
    }

    public ClairvoyantPlanner(CostModel costModel) {
        this.costModel = Objects.requireNonNull(costModel, "costModel");
        this.siteCount = costModel.siteCount();
        this.device = costModel.deviceIndex();
    }

    /**
     * The fastest plan of {@code app} starting at {@code startSeconds}.
     *
     * @param plan          the application's epochs and designated predecessors
     * @param app           the execution's instance (task sizes)
     * @param startSeconds  virtual time the execution starts, s
     * @param failures      the run's failure process, asked about the epochs ahead (the first epoch is the next to
     *                      begin)
     * @throws IllegalArgumentException when the application has more than {@link #MAX_PLACEMENTS} placements
     */
    public Plan plan(AppPlan plan, AppInstance app, double startSeconds, FailureProcess failures) {
        return new Search(plan, app, startSeconds, failures).run();
    }

    /** One execution's search state. */
    private final class Search {
        private final AppInstance app;
        private final FailureProcess failures;
        private final int[] predecessors;
        private final int[] order;
        private final int[] epochOf;
        private final boolean[] firstOfEpoch;
        /** Per position in {@link #order}: the largest cheapest cost of the epoch's tasks at or after it, s. */
        private final double[] restOfEpochBound;
        /** Per epoch: the sum of the later epochs' bounds, s. */
        private final double[] laterEpochsBound;
        private final double[] epochStart;
        private final int[] sites;
        private final double[] starts;
        private int[] bestSites;
        private double[] bestStarts;
        private double bestFinish = Double.POSITIVE_INFINITY;

        Search(AppPlan plan, AppInstance app, double startSeconds, FailureProcess failures) {
            this.app = app;
            this.failures = Objects.requireNonNull(failures, "failures");
            this.predecessors = plan.designatedPredecessors();
            List<int[]> epochs = plan.epochs();
            int n = app.size();
            requireSearchable(app);
            order = new int[n];
            epochOf = new int[n];
            firstOfEpoch = new boolean[n];
            restOfEpochBound = new double[n + 1];
            laterEpochsBound = new double[epochs.size() + 1];
            double[] epochBound = new double[epochs.size()];
            int position = 0;
            for (int e = 0; e < epochs.size(); e++) {
                int[] tasks = epochs.get(e);
                for (int i = 0; i < tasks.length; i++) {
                    order[position + i] = tasks[i];
                    epochOf[position + i] = e;
                    firstOfEpoch[position + i] = i == 0;
                }
                double rest = 0;
                for (int i = tasks.length - 1; i >= 0; i--) {
                    rest = Math.max(rest, cheapestSeconds(app.task(tasks[i])));
                    restOfEpochBound[position + i] = rest;
                }
                epochBound[e] = rest;
                position += tasks.length;
            }
            if (position != n) {
                throw new IllegalArgumentException("the epochs of " + app.application().name() + " hold " + position
                        + " tasks, but the application has " + n);
            }
            for (int e = epochs.size() - 1; e >= 0; e--) {
                laterEpochsBound[e] = laterEpochsBound[e + 1] + epochBound[e];
            }
            epochStart = new double[epochs.size() + 1];
            epochStart[0] = startSeconds;
            sites = new int[n];
            starts = new double[n];
        }

        Plan run() {
            if (order.length == 0) {
                return new Plan(new int[0], new double[0], epochStart[0]);
            }
            search(0, 0);
            if (bestSites == null) {
                throw new IllegalStateException("no plan of " + app.application().name()
                        + " found; the device never fails, so one always exists");
            }
            return new Plan(bestSites, bestStarts, bestFinish);
        }

        /** Places the task at {@code position}; {@code epochSeconds} is the current epoch's longest task so far. */
        private void search(int position, double epochSeconds) {
            if (position == order.length) {
                double finish = epochStart[epochOf[position - 1]] + epochSeconds;
                if (finish < bestFinish) {
                    bestFinish = finish;
                    bestSites = sites.clone();
                    bestStarts = starts.clone();
                }
                return;
            }
            int epoch = epochOf[position];
            double current = epochSeconds;
            if (firstOfEpoch[position] && position > 0) {
                epochStart[epoch] = epochStart[epoch - 1] + epochSeconds;
                current = 0;
            }
            double start = epochStart[epoch];
            if (start + Math.max(current, restOfEpochBound[position]) + laterEpochsBound[epoch + 1] >= bestFinish) {
                return;
            }
            int task = order[position];
            TaskInstance instance = app.task(task);
            int from = predecessors[task] < 0 ? device : sites[predecessors[task]];
            int[] candidates = new int[siteCount];
            double[] begins = new double[siteCount];
            double[] durations = new double[siteCount];
            int count = 0;
            for (int site = 0; site < siteCount; site++) {
                if (site != device && !instance.offloadable()) {
                    continue;
                }
                double costSeconds = costModel.cost(instance, from, site).timeSeconds();
                double begin = site == device ? start
                        : failures.earliestSuccessStart(epoch, site, start, costSeconds);
                if (begin == Double.POSITIVE_INFINITY) {
                    continue;
                }
                candidates[count] = site;
                begins[count] = begin;
                durations[count] = (begin - start) + costSeconds;
                count++;
            }
            for (int k : cheapestFirst(durations, count)) {
                sites[task] = candidates[k];
                starts[task] = begins[k];
                search(position + 1, Math.max(current, durations[k]));
            }
        }

        private static int[] cheapestFirst(double[] durations, int count) {
            Integer[] index = new Integer[count];
            for (int i = 0; i < count; i++) {
                index[i] = i;
            }
            Arrays.sort(index, (a, b) -> Double.compare(durations[a], durations[b]));
            int[] sorted = new int[count];
            for (int i = 0; i < count; i++) {
                sorted[i] = index[i];
            }
            return sorted;
        }
    }

    /** The least time {@code task} can take from any site to any feasible site, s (no failure, no wait). */
    private double cheapestSeconds(TaskInstance task) {
        double least = Double.POSITIVE_INFINITY;
        for (int from = 0; from < siteCount; from++) {
            for (int to = 0; to < siteCount; to++) {
                if (to == device || task.offloadable()) {
                    least = Math.min(least, costModel.cost(task, from, to).timeSeconds());
                }
            }
        }
        return least;
    }

    private void requireSearchable(AppInstance app) {
        long placements = 1;
        for (int t = 0; t < app.size() && placements <= MAX_PLACEMENTS; t++) {
            if (app.task(t).offloadable()) {
                placements *= siteCount;
            }
        }
        if (placements > MAX_PLACEMENTS) {
            throw new IllegalArgumentException("application " + app.application().name() + " has more than "
                    + MAX_PLACEMENTS + " placements of its offloadable tasks on " + siteCount
                    + " sites; the clairvoyant bound searches at most that many");
        }
    }
}
