package io.edgeoff.decision.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.DagPlacement;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.SiteOutlook;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DagMdpPolicyTest {
    private final Scenario scenario = ScenarioYaml.load("seed");
    private final CostModel costModel = scenario.costModel();
    private final DagMdpPolicy planner = new DagMdpPolicy(costModel, CostWeights.seed());
    private final int md = scenario.siteIndex("MD");

    static List<String> seedApps() {
        return List.of("ANTIVIRUS", "GPS_NAVIGATOR", "CHESS", "FACEBOOK", "FACERECOGNIZER");
    }

    /**
     * Independent check: without failures the planner's expected cost must equal the minimum, over
     * every placement of every task, of the summed normalised costs (brute force).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("seedApps")
    void withoutFailuresThePlanIsTheCheapestOfAllPlacements(String appName) {
        Application application = scenario.application(appName);
        AppInstance app = AppInstance.draw(application, new SplittableRandom(appName.hashCode()));
        int first = application.topologicalOrder()[0];
        DecisionRequest request = Requests.first(scenario, app, application.tasks().get(first).name(),
                Requests.availability(scenario, Map.of()));

        DagMdpPolicy.Plan plan = planner.plan(request);

        double brute = bruteForce(app, new int[app.size()], 0);
        assertThat(plan.expectedCost()).isCloseTo(brute, within(1e-9));
        assertThat(costOf(app, plan.plannedSites())).isCloseTo(brute, within(1e-9));
    }

    private double bruteForce(AppInstance app, int[] placement, int task) {
        if (task == app.size()) {
            return costOf(app, placement);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int site = 0; site < scenario.sites().size(); site++) {
            if (site != md && !app.task(task).offloadable()) {
                continue;
            }
            placement[task] = site;
            best = Math.min(best, bruteForce(app, placement, task + 1));
        }
        return best;
    }

    private double costOf(AppInstance app, int[] placement) {
        double localSeconds = 0;
        for (TaskInstance t : app.tasks()) {
            localSeconds += t.millionInstructions() / 1000.0;
        }
        double localJoules = 0.9 * localSeconds;
        double total = 0;
        for (int task = 0; task < app.size(); task++) {
            int from = DagPlacement.previousSite(app.application(), task, placement, md);
            TaskCost cost = costModel.cost(app.task(task), from, placement[task]);
            total += 0.5 * cost.timeSeconds() / localSeconds + 0.5 * cost.energyJoules() / localJoules;
        }
        return total;
    }

    @Test
    void aSiteThatIsSurelyDownIsAvoidedAndOneThatIsUpIsUsed() {
        AppInstance app = AppInstance.means(scenario.application("CHESS"));
        DecisionRequest healthy = Requests.first(scenario, app, "COMPUTE_MOVE", Requests.availability(scenario, Map.of()));
        int favourite = planner.decide(healthy).siteIndex();
        String id = scenario.sites().get(favourite).id();

        DecisionRequest down = Requests.first(scenario, app, "COMPUTE_MOVE", Requests.availability(scenario, Map.of(id, 0.0)));

        assertThat(favourite).isNotEqualTo(md);
        assertThat(planner.decide(down).siteIndex()).isNotEqualTo(favourite);
    }

    @Test
    void suspectedAndExcludedSitesAreNotChosen() {
        AppInstance app = AppInstance.means(scenario.application("CHESS"));
        DecisionRequest healthy = Requests.first(scenario, app, "COMPUTE_MOVE", Requests.availability(scenario, Map.of()));
        int favourite = planner.decide(healthy).siteIndex();
        boolean[] excluded = new boolean[5];
        excluded[favourite] = true;
        List<SiteOutlook> suspected = new java.util.ArrayList<>(healthy.outlook());
        suspected.set(favourite, new SiteOutlook(1, 0, 0, Double.POSITIVE_INFINITY, 0, true));

        int afterExclusion = planner.decide(Requests.withPrevious(healthy, md, excluded)).siteIndex();
        int whenSuspected = planner.decide(new DecisionRequest(app, healthy.taskIndex(), md, healthy.placement(),
                new boolean[5], suspected, java.util.Optional.empty())).siteIndex();

        assertThat(afterExclusion).isNotEqualTo(favourite);
        assertThat(whenSuspected).isNotEqualTo(favourite);
    }

    @Test
    void aHighFailureRateDuringExecutionMakesLongTasksStayLocal() {
        AppInstance app = new AppInstance(scenario.application("CHESS"), List.of(
                new TaskInstance("GUI", 1, 1, 1, 1, false, false),
                new TaskInstance("UPDATE_CHESS", 1, 1, 1, 1, true, false),
                new TaskInstance("COMPUTE_MOVE", 600, 5, 5, 2, true, false),
                new TaskInstance("OUTPUT", 1, 1, 1, 1, false, true)));
        List<SiteOutlook> flaky = new java.util.ArrayList<>();
        for (var site : scenario.sites()) {
            flaky.add(site.isRemote() ? new SiteOutlook(1, 0, 50.0, 1, 0, false) : SiteOutlook.certain());
        }
        DecisionRequest request = Requests.first(scenario, app, "COMPUTE_MOVE", flaky);
        DecisionRequest stable = Requests.first(scenario, app, "COMPUTE_MOVE", Requests.availability(scenario, Map.of()));

        assertThat(planner.decide(stable).siteIndex()).isNotEqualTo(md);
        assertThat(planner.decide(request).siteIndex()).isEqualTo(md);
    }

    @Test
    void expectedCostGrowsWithTheProbabilityOfFailure() {
        AppInstance app = AppInstance.means(scenario.application("FACERECOGNIZER"));
        double previous = -1;
        for (double availability : new double[] {1.0, 0.9, 0.7, 0.5}) {
            DecisionRequest request = Requests.first(scenario, app, "GUI", Requests.availability(scenario,
                    Map.of("ED", availability, "EC", availability, "ER", availability, "CD", availability)));

            double cost = planner.plan(request).expectedCost();

            assertThat(cost).isGreaterThanOrEqualTo(previous);
            previous = cost;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void thePlanOnlyUsesFeasibleSites(int seed) {
        Application application = scenario.application("GPS_NAVIGATOR");
        AppInstance app = AppInstance.draw(application, new SplittableRandom(seed));
        DecisionRequest request = Requests.first(scenario, app, application.tasks().get(application.topologicalOrder()[0]).name(),
                Requests.availability(scenario, Map.of("EC", 0.5, "ED", 0.9)));

        int[] planned = planner.plan(request).plannedSites();

        for (int task = 0; task < app.size(); task++) {
            if (!app.task(task).offloadable()) {
                assertThat(planned[task]).isEqualTo(md);
            }
        }
    }
}
