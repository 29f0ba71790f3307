package io.edgeoff.decision.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.SeedReward;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.ExplainablePolicy;
import io.edgeoff.decision.Explanation;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.SiteOutlook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedTaskMdpPolicyTest {
    private final Scenario scenario = ScenarioYaml.load("seed");
    private final CostModel costModel = scenario.costModel();
    private final Application chess = scenario.application("CHESS");
    private final AppInstance app = AppInstance.means(chess);
    private final int md = scenario.siteIndex("MD");

    private ExplainablePolicy seedMdpSvr() {
        return (ExplainablePolicy) Policies.create("seed-mdp-svr", PolicyContext.of(costModel, 1));
    }

    /** Independent computation: with fp = 0 and gamma 0.01 the choice is the site of highest rounded reward. */
    private int myopicBest(TaskInstance task, int from) {
        SeedReward reward = new SeedReward(io.edgeoff.common.cost.CostWeights.seed());
        int best = md;
        double bestReward = Double.NEGATIVE_INFINITY;
        for (int site = 0; site < scenario.sites().size(); site++) {
            double r = Math.round(reward.reward(costModel.cost(task, from, site)) * 1000.0) / 1000.0;
            if (r > bestReward) {
                bestReward = r;
                best = site;
            }
        }
        return best;
    }

    @Test
    void withCertainSitesTheSeedMdpPicksTheHighestRewardSite() {
        DecisionRequest request = Requests.first(scenario, app, "COMPUTE_MOVE",
                Requests.availability(scenario, Map.of()));
        var policy = Policies.create("seed-mdp-svr", PolicyContext.of(costModel, 1));

        for (int from = 0; from < scenario.sites().size(); from++) {
            Decision decision = policy.decide(Requests.withPrevious(request, from, new boolean[5]));

            assertThat(decision.siteIndex()).as("from %s", scenario.sites().get(from).id())
                    .isEqualTo(myopicBest(app.task(request.taskIndex()), from));
        }
    }

    @Test
    void edgeSitesPredictedAtLeast95PercentCountAsCertain() {
        FailureEstimate estimate = FailureEstimate.predictedAvailability(0.95);
        Site ed = scenario.site("ED");
        Site cd = scenario.site("CD");

        assertThat(estimate.failureProbability(ed, SiteOutlook.ofAvailability(0.96))).isZero();
        assertThat(estimate.failureProbability(ed, SiteOutlook.ofAvailability(0.90))).isCloseTo(0.10, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(estimate.failureProbability(cd, SiteOutlook.ofAvailability(0.96))).isCloseTo(0.04, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void efpoFailureProbabilityGrowsWithTimeSinceTheLastFailureAndIsRounded() {
        FailureEstimate estimate = FailureEstimate.mtbf();
        Site ec = scenario.site("EC");
        SiteOutlook outlook = new SiteOutlook(1, 0, 0, 100, 50, false);

        assertThat(estimate.failureProbability(ec, outlook)).isEqualTo(0.39); // 1 - e^-0.5 = 0.3935
        assertThat(estimate.failureProbability(ec, SiteOutlook.certain())).isZero();
    }

    @Test
    void efpoSeesASiteThatNeverFailedAsNeverFailing() {
        // what the prediction module reports for a site without failures: no MTBF, no last failure
        SiteOutlook neverFailed = new SiteOutlook(1, 0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, false);
        // the site's former answer for it (MTBF = time since the last failure = hours observed): fp 0.63
        SiteOutlook formerAnswer = new SiteOutlook(1, 0, 0, 100, 100, false);

        assertThat(FailureEstimate.mtbf().failureProbability(scenario.site("EC"), neverFailed)).isZero();
        assertThat(FailureEstimate.mtbf().failureProbability(scenario.site("EC"), formerAnswer)).isEqualTo(0.63);
    }

    @Test
    void efpoOnSitesThatNeverFailedDecidesAsTheSameMdpWithFailureProbabilityZero() {
        SiteOutlook neverFailed = new SiteOutlook(0.9, 0.1, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                false);
        List<SiteOutlook> outlook = scenario.sites().stream()
                .map(site -> site.isRemote() ? neverFailed : SiteOutlook.certain()).toList();
        var efpo = Policies.create("efpo", PolicyContext.of(costModel, 1));
        var fpZero = new SeedTaskMdpPolicy("efpo-fp0", costModel, new SeedReward(PolicyContext.of(costModel, 1).weights()),
                Policies.EFPO_DISCOUNT, FailureEstimate.none(), site -> true);

        for (String task : List.of("UPDATE_CHESS", "COMPUTE_MOVE")) {
            DecisionRequest request = Requests.first(scenario, app, task, outlook);
            for (int from = 0; from < scenario.sites().size(); from++) {
                DecisionRequest r = Requests.withPrevious(request, from, new boolean[5]);

                assertThat(efpo.decide(r).siteIndex()).as("%s from %s", task, from)
                        .isEqualTo(fpZero.decide(r).siteIndex());
            }
        }
    }

    @Test
    void aSiteThatIsSurelyDownIsNotChosen() {
        DecisionRequest healthy = Requests.first(scenario, app, "COMPUTE_MOVE", Requests.availability(scenario, Map.of()));
        int favourite = seedMdpSvr().decide(healthy).siteIndex();
        String favouriteId = scenario.sites().get(favourite).id();

        DecisionRequest down = Requests.first(scenario, app, "COMPUTE_MOVE",
                Requests.availability(scenario, Map.of(favouriteId, 0.0)));

        assertThat(favourite).isNotEqualTo(md);
        assertThat(seedMdpSvr().decide(down).siteIndex()).isNotEqualTo(favourite);
    }

    @Test
    void excludedSitesAreNeverChosenAndLocalOnlyTasksStayOnTheDevice() {
        DecisionRequest request = Requests.first(scenario, app, "COMPUTE_MOVE", Requests.availability(scenario, Map.of()));
        boolean[] allRemoteExcluded = {false, true, true, true, true};
        DecisionRequest gui = Requests.first(scenario, app, "GUI", Requests.availability(scenario, Map.of()));

        for (String name : List.of("seed-mdp-svr", "efpo", "energy-efficient", "mobile-cloud")) {
            var policy = Policies.create(name, PolicyContext.of(costModel, 1));
            assertThat(policy.decide(Requests.withPrevious(request, md, allRemoteExcluded)).siteIndex()).isEqualTo(md);
            assertThat(policy.decide(gui).siteIndex()).as(name).isEqualTo(md);
        }
    }

    @Test
    void mobileCloudOnlyUsesTheDeviceAndTheCloud() {
        var policy = Policies.create("mobile-cloud", PolicyContext.of(costModel, 1));
        int cd = scenario.siteIndex("CD");

        for (String task : List.of("UPDATE_CHESS", "COMPUTE_MOVE")) {
            int site = policy.decide(Requests.first(scenario, app, task, Requests.availability(scenario, Map.of())))
                    .siteIndex();
            assertThat(site).isIn(md, cd);
        }
    }

    @Test
    void explanationHasOneRowPerSiteAndTheDecisionIsThePolicyOfThePreviousSite() {
        DecisionRequest request = Requests.first(scenario, app, "COMPUTE_MOVE", Requests.availability(scenario,
                Map.of("EC", 0.85, "ER", 0.99, "CD", 0.96, "ED", 0.97)));

        Explanation explanation = seedMdpSvr().explain(request);

        assertThat(explanation.states()).extracting(Explanation.StateRow::state)
                .containsExactly("MD", "ED", "EC", "ER", "CD");
        assertThat(explanation.states().get(md).actionSite()).isEqualTo(explanation.decision().siteIndex());
    }
}
