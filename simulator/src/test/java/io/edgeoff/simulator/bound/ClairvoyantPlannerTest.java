package io.edgeoff.simulator.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureProcess;
import io.edgeoff.simulator.run.SamplingSimulation.AppPlan;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClairvoyantPlannerTest {
    private final Scenario scenario = Fixtures.seedScenario();
    private final CostModel costModel = scenario.costModel();
    private final int device = costModel.deviceIndex();

    /** Up or down per epoch and site for the whole epoch (the seed mode), or down during one window each (time). */
    private record Foresight(boolean[][] upPerEpoch, double[] downFrom, double[] downUntil) implements FailureProcess {
        @Override
        public double earliestSuccessStart(int epochsAhead, int site, double startSeconds, double durationSeconds) {
            if (!upPerEpoch[epochsAhead][site]) {
                return Double.POSITIVE_INFINITY;
            }
            boolean overlaps = startSeconds < downUntil[site] && startSeconds + durationSeconds > downFrom[site];
            return overlaps ? downUntil[site] : startSeconds;
        }

        @Override
        public void beginEpoch(double nowSeconds) {
        }

        @Override
        public boolean attemptFails(int site, double startSeconds, double durationSeconds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SiteOutlook outlook(int site, double nowSeconds) {
            return SiteOutlook.certain();
        }

        @Override
        public boolean[] actualUp(double nowSeconds) {
            throw new UnsupportedOperationException();
        }
    }

    private Foresight randomForesight(long seed, boolean windows) {
        SplittableRandom random = new SplittableRandom(seed);
        int sites = costModel.siteCount();
        boolean[][] up = new boolean[10][sites];
        for (boolean[] epoch : up) {
            for (int s = 0; s < sites; s++) {
                epoch[s] = s == device || random.nextDouble() < 0.6;
            }
        }
        double[] from = new double[sites];
        double[] until = new double[sites];
        for (int s = 0; s < sites; s++) {
            if (windows && s != device) {
                from[s] = random.nextDouble() * 1.5;
                until[s] = from[s] + random.nextDouble();
            }
        }
        return new Foresight(up, from, until);
    }

    /** Every placement of the DAG, each evaluated epoch by epoch: the independent computation of the optimum. */
    private double bruteForceFinish(AppPlan plan, AppInstance app, double start, Foresight foresight) {
        int n = app.size();
        int[] sites = new int[n];
        double best = Double.POSITIVE_INFINITY;
        long total = 1;
        for (int t = 0; t < n; t++) {
            total *= app.task(t).offloadable() ? costModel.siteCount() : 1;
        }
        for (long code = 0; code < total; code++) {
            long rest = code;
            for (int t = 0; t < n; t++) {
                if (app.task(t).offloadable()) {
                    sites[t] = (int) (rest % costModel.siteCount());
                    rest /= costModel.siteCount();
                } else {
                    sites[t] = device;
                }
            }
            best = Math.min(best, finish(plan, app, start, foresight, sites));
        }
        return best;
    }

    private double finish(AppPlan plan, AppInstance app, double start, Foresight foresight, int[] sites) {
        double epochStart = start;
        List<int[]> epochs = plan.epochs();
        for (int e = 0; e < epochs.size(); e++) {
            double longest = 0;
            for (int task : epochs.get(e)) {
                int predecessor = plan.designatedPredecessors()[task];
                int from = predecessor < 0 ? device : sites[predecessor];
                double seconds = costModel.cost(app.task(task), from, sites[task]).timeSeconds();
                double begin = sites[task] == device ? epochStart
                        : foresight.earliestSuccessStart(e, sites[task], epochStart, seconds);
                if (begin == Double.POSITIVE_INFINITY) {
                    return Double.POSITIVE_INFINITY;
                }
                longest = Math.max(longest, begin - epochStart + seconds);
            }
            epochStart += longest;
        }
        return epochStart;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void thePlanIsTheFastestOfAllPlacementsOfEverySeedApp(long seed) {
        ClairvoyantPlanner planner = new ClairvoyantPlanner(costModel);
        for (boolean windows : new boolean[] {false, true}) {
            Foresight foresight = randomForesight(seed, windows);
            for (Application application : scenario.applications()) {
                AppPlan plan = AppPlan.of(application);
                AppInstance app = AppInstance.draw(application, new SplittableRandom(seed));
                double start = 0.25 * seed;

                ClairvoyantPlanner.Plan best = planner.plan(plan, app, start, foresight);

                double expected = bruteForceFinish(plan, app, start, foresight);
                assertThat(best.finishSeconds()).as("%s, windows %s", application.name(), windows)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(finish(plan, app, start, foresight, best.sites())).as("the plan's own finish")
                        .isCloseTo(best.finishSeconds(), org.assertj.core.data.Offset.offset(1e-12));
                for (int t = 0; t < app.size(); t++) {
                    if (!app.task(t).offloadable()) {
                        assertThat(best.site(t)).isEqualTo(device);
                    }
                    assertThat(best.startSeconds(t)).isGreaterThanOrEqualTo(start);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void withEverySiteUpTheBoundNeverWaitsAndBeatsRunningEverythingLocally(long seed) {
        int sites = costModel.siteCount();
        boolean[][] up = new boolean[10][sites];
        for (boolean[] epoch : up) {
            java.util.Arrays.fill(epoch, true);
        }
        Foresight clear = new Foresight(up, new double[sites], new double[sites]);
        Application gps = scenario.application("GPS_NAVIGATOR");
        AppPlan plan = AppPlan.of(gps);
        AppInstance app = AppInstance.draw(gps, new SplittableRandom(seed));
        int[] local = new int[app.size()];
        java.util.Arrays.fill(local, device);

        ClairvoyantPlanner.Plan best = new ClairvoyantPlanner(costModel).plan(plan, app, 0, clear);

        assertThat(best.finishSeconds()).isEqualTo(bruteForceFinish(plan, app, 0, clear));
        assertThat(best.finishSeconds()).isLessThan(finish(plan, app, 0, clear, local));
        double epochStart = 0;
        for (int[] epoch : plan.epochs()) {
            double longest = 0;
            for (int task : epoch) {
                assertThat(best.startSeconds(task)).as("no wait without failures").isEqualTo(epochStart);
                int predecessor = plan.designatedPredecessors()[task];
                int from = predecessor < 0 ? device : best.site(predecessor);
                longest = Math.max(longest, costModel.cost(app.task(task), from, best.site(task)).timeSeconds());
            }
            epochStart += longest;
        }
    }

    @org.junit.jupiter.api.Test
    void anApplicationWithMorePlacementsThanTheCapIsRefusedWithItsName() {
        io.edgeoff.common.app.TaskKind kind = scenario.application("CHESS").tasks().get(2).kind();
        List<io.edgeoff.common.app.TaskSpec> tasks = new java.util.ArrayList<>();
        List<io.edgeoff.common.app.DagEdge> edges = new java.util.ArrayList<>();
        for (int t = 0; t < 9; t++) {
            tasks.add(new io.edgeoff.common.app.TaskSpec("T" + t, kind, 1, true));
            if (t > 0) {
                edges.add(new io.edgeoff.common.app.DagEdge("T" + (t - 1), "T" + t));
            }
        }
        Application chain = new Application("CHAIN9", tasks, edges);
        AppInstance app = AppInstance.means(chain);

        assertThatThrownBy(() -> new ClairvoyantPlanner(costModel).plan(AppPlan.of(chain), app, 0,
                randomForesight(1, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("application CHAIN9 has more than 1000000 placements of its offloadable tasks on 5 sites;"
                        + " the clairvoyant bound searches at most that many");
    }
}
