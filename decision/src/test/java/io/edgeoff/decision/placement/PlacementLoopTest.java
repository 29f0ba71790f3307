package io.edgeoff.decision.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.SuspicionResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class PlacementLoopTest {
    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel costModel = seed.costModel();
    private final int md = seed.siteIndex("MD");
    private final int ed = seed.siteIndex("ED");
    private final int ec = seed.siteIndex("EC");
    private final int er = seed.siteIndex("ER");
    private final int cd = seed.siteIndex("CD");
    private final AppInstance chess = AppInstance.means(seed.application("CHESS"));
    private final int offloadable = firstTask(true);
    private final int pinned = firstTask(false);
    private final List<DecisionRequest> asked = new ArrayList<>();

    private int firstTask(boolean offloadable) {
        for (int t = 0; t < chess.size(); t++) {
            if (chess.task(t).offloadable() == offloadable) {
                return t;
            }
        }
        throw new IllegalStateException("CHESS has no such task");
    }

    /** A policy answering by {@code rule}, recording what it was asked. */
    private OffloadingPolicy policy(ToIntFunction<DecisionRequest> rule) {
        return new OffloadingPolicy() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public Decision decide(DecisionRequest request) {
                asked.add(request);
                return new Decision(rule.applyAsInt(request), 1, 1);
            }
        };
    }

    /** Offloadable tasks to the first remote site not excluded (scenario order). */
    private OffloadingPolicy firstFree() {
        return policy(r -> {
            for (int s = 0; s < r.excluded().length; s++) {
                if (s != md && !r.excluded()[s]) {
                    return s;
                }
            }
            return md;
        });
    }

    /** Every remote site in {@code down} fails after 1.5 s and 2 J; anything else takes 1 s and 1 J. */
    private static AttemptRunner<String> sitesDown(Set<Integer> down) {
        return (site, elapsed, out) -> {
            if (down.contains(site)) {
                out.failed("down", 1.5, 2);
            } else {
                out.succeeded(1, 1);
            }
        };
    }

    private OutlookProvider outlook(Set<Integer> suspected) {
        List<SiteOutlook> list = new ArrayList<>();
        for (int s = 0; s < costModel.siteCount(); s++) {
            list.add(suspected.contains(s) ? new SiteOutlook(0.9, 1, 0, 10, 1, true) : SiteOutlook.ofAvailability(0.9));
        }
        return elapsed -> list;
    }

    private Placement<String> place(PlacementLoop loop, int task, AttemptRunner<String> runner, OutlookProvider o) {
        int[] placement = new int[chess.size()];
        Arrays.fill(placement, -1);
        return loop.place(chess, task, md, placement, o, runner, new Placement<>());
    }

    private PlacementLoop loop(OffloadingPolicy policy, FailureResponse onFailure, SuspicionResponse onSuspicion,
                               int cap) {
        return new PlacementLoop(costModel, policy, onFailure, onSuspicion, new PlacementRules(cap));
    }

    @Test
    void aSiteThatCannotRunTheTaskIsNeverChosen() {
        TaskSupport noHandlerOnEdAndEc = (site, app, task) -> site != ed && site != ec;
        PlacementLoop loop = new PlacementLoop(costModel, firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                SuspicionResponse.IGNORE, new PlacementRules(4), noHandlerOnEdAndEc);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of()), outlook(Set.of()));

        assertThat(p.finalSite()).isEqualTo(er);
        assertThat(asked.get(0).excluded()[ed]).isTrue();
        assertThat(asked.get(0).excluded()[ec]).isTrue();
        assertThat(asked.get(0).excluded()[md]).isFalse();
    }

    @Test
    void whenNoRemoteSiteCanRunTheTaskItRunsOnTheDeviceWithoutAskingThePolicy() {
        PlacementLoop loop = new PlacementLoop(costModel, policy(r -> ed), FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                SuspicionResponse.IGNORE, new PlacementRules(4), (site, app, task) -> false);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of()), outlook(Set.of()));

        assertThat(p.finalSite()).isEqualTo(md);
        assertThat(p.reason()).isEqualTo(PlacementReason.NO_REMOTE_SITE_LEFT);
        assertThat(asked).isEmpty();
    }

    @Test
    void aFailedSiteIsExcludedAndThePolicyAskedAgain() {
        PlacementLoop loop = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, 4);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of(ed)), outlook(Set.of()));

        assertThat(p.attempts()).extracting(Placement.Attempt::site).containsExactly(ed, ec);
        assertThat(p.failure(0)).isEqualTo("down");
        assertThat(p.succeeded(1)).isTrue();
        assertThat(p.finalSite()).isEqualTo(ec);
        assertThat(p.reason()).isEqualTo(PlacementReason.POLICY_CHOICE);
        assertThat(p.totalSeconds()).isEqualTo(2.5);
        assertThat(p.totalEnergyJoules()).isEqualTo(3.0);
        assertThat(asked.get(1).excluded()[ed]).isTrue();
    }

    @Test
    void deviceOnlyAfterAFailureSendsTheTaskToTheDeviceWithoutAskingAgain() {
        PlacementLoop loop = loop(firstFree(), FailureResponse.DEVICE_ONLY, SuspicionResponse.IGNORE, 4);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of(ed)), outlook(Set.of()));

        assertThat(p.attempts()).extracting(Placement.Attempt::site).containsExactly(ed, md);
        assertThat(p.reason()).isEqualTo(PlacementReason.NO_REMOTE_SITE_LEFT);
        assertThat(asked).hasSize(1);
    }

    @Test
    void theAttemptCapSendsTheTaskToTheDeviceAfterThatManyRemoteAttempts() {
        PlacementLoop loop = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, 2);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of(ed, ec, er, cd)), outlook(Set.of()));

        assertThat(p.attempts()).extracting(Placement.Attempt::site).containsExactly(ed, ec, md);
        assertThat(p.remoteAttempts()).isEqualTo(2);
        assertThat(p.failures()).isEqualTo(2);
        assertThat(p.reason()).isEqualTo(PlacementReason.ATTEMPT_CAP_REACHED);
    }

    @Test
    void withEveryRemoteSiteFailedTheTaskRunsOnTheDevice() {
        PlacementLoop loop = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, 4);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of(ed, ec, er, cd)), outlook(Set.of()));

        assertThat(p.attempts()).extracting(Placement.Attempt::site).containsExactly(ed, ec, er, cd, md);
        assertThat(p.reason()).isEqualTo(PlacementReason.ATTEMPT_CAP_REACHED);
    }

    @Test
    void suspectedSitesAreExcludedOnlyUnderExcludeSuspected() {
        PlacementLoop excluding = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                SuspicionResponse.EXCLUDE_SUSPECTED, 4);
        PlacementLoop ignoring = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                SuspicionResponse.IGNORE, 4);

        Placement<String> a = place(excluding, offloadable, sitesDown(Set.of()), outlook(Set.of(ed)));
        Placement<String> b = place(ignoring, offloadable, sitesDown(Set.of()), outlook(Set.of(ed)));

        assertThat(a.finalSite()).isEqualTo(ec);
        assertThat(b.finalSite()).isEqualTo(ed);
    }

    @Test
    void everyRemoteSiteSuspectedLeavesOnlyTheDevice() {
        PlacementLoop loop = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                SuspicionResponse.EXCLUDE_SUSPECTED, 4);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of()), outlook(Set.of(ed, ec, er, cd)));

        assertThat(p.finalSite()).isEqualTo(md);
        assertThat(p.reason()).isEqualTo(PlacementReason.NO_REMOTE_SITE_LEFT);
        assertThat(asked).isEmpty();
    }

    @Test
    void aTaskThatIsNotOffloadableRunsOnTheDeviceWithoutAskingThePolicy() {
        PlacementLoop loop = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, 4);

        Placement<String> p = place(loop, pinned, sitesDown(Set.of()), outlook(Set.of()));

        assertThat(p.finalSite()).isEqualTo(md);
        assertThat(p.reason()).isEqualTo(PlacementReason.NOT_OFFLOADABLE);
        assertThat(asked).isEmpty();
    }

    @Test
    void anExcludedChoiceFallsBackToTheDeviceWithANamedReason() {
        PlacementLoop loop = loop(policy(r -> ed), FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                SuspicionResponse.IGNORE, 4);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of(ed)), outlook(Set.of()));

        assertThat(p.attempts()).extracting(Placement.Attempt::site).containsExactly(ed, md);
        assertThat(p.reason()).isEqualTo(PlacementReason.CHOICE_EXCLUDED);
        assertThat(p.reason().isInvalidChoice()).isTrue();
    }

    @Test
    void anOutOfRangeChoiceFallsBackToTheDeviceWithANamedReason() {
        PlacementLoop loop = loop(policy(r -> 99), FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                SuspicionResponse.IGNORE, 4);

        Placement<String> p = place(loop, offloadable, sitesDown(Set.of()), outlook(Set.of()));

        assertThat(p.finalSite()).isEqualTo(md);
        assertThat(p.reason()).isEqualTo(PlacementReason.CHOICE_OUT_OF_RANGE);
    }

    @Test
    void theBufferIsReusedFromTaskToTask() {
        PlacementLoop loop = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, 4);
        Placement<String> buffer = new Placement<>();
        int[] placement = new int[chess.size()];
        Arrays.fill(placement, -1);

        loop.place(chess, offloadable, md, placement, outlook(Set.of()), sitesDown(Set.of(ed, ec, er)), buffer);
        loop.place(chess, offloadable, md, placement, outlook(Set.of()), sitesDown(Set.of()), buffer);

        assertThat(buffer.attemptCount()).isEqualTo(1);
        assertThat(buffer.finalSite()).isEqualTo(ed);
        assertThat(asked.get(asked.size() - 1).excluded()).containsOnly(false);
    }

    @Test
    void aRunnerThatReportsNothingOrAFailingDeviceIsAnError() {
        PlacementLoop loop = loop(policy(r -> md), FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                SuspicionResponse.IGNORE, 4);

        assertThatThrownBy(() -> place(loop, offloadable, (site, elapsed, out) -> { }, outlook(Set.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reported no outcome");
        assertThatThrownBy(() -> place(loop, offloadable, (site, elapsed, out) -> out.failed("x", 1, 1),
                outlook(Set.of()))).isInstanceOf(IllegalStateException.class).hasMessageContaining("device");
    }

    @Test
    void elapsedTimeReachesTheRunnerAndTheOutlook() {
        List<Double> seen = new ArrayList<>();
        PlacementLoop loop = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, 4);
        OutlookProvider base = outlook(Set.of());

        place(loop, offloadable, sitesDown(Set.of(ed, ec)), elapsed -> {
            seen.add(elapsed);
            return base.outlook(elapsed);
        });

        assertThat(seen).containsExactly(0.0, 1.5, 3.0);
    }

    @Test
    void theProvidersMeasuredInputsReachThePolicyAndTheScenarioIsTheDefault() {
        PlacementLoop loop = loop(firstFree(), FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, 4);
        io.edgeoff.common.cost.PlanningInputs measured = new io.edgeoff.common.cost.PlanningInputs(List.of(
                new io.edgeoff.common.cost.SiteInputs("ED", 300, io.edgeoff.common.cost.InputSource.MEASURED, 2500,
                        io.edgeoff.common.cost.InputSource.PRIOR, 0, io.edgeoff.common.cost.InputSource.PRIOR)));
        OutlookProvider base = outlook(Set.of());
        OutlookProvider live = new OutlookProvider() {
            @Override
            public List<SiteOutlook> outlook(double elapsedSeconds) {
                return base.outlook(elapsedSeconds);
            }

            @Override
            public io.edgeoff.common.cost.PlanningInputs inputs(double elapsedSeconds) {
                return measured;
            }
        };

        place(loop, offloadable, sitesDown(Set.of()), base);
        place(loop, offloadable, sitesDown(Set.of()), live);

        assertThat(asked.get(0).inputs().isNone()).isTrue();
        assertThat(asked.get(0).costModel(costModel)).isSameAs(costModel);
        assertThat(asked.get(1).inputs()).isSameAs(measured);
        assertThat(asked.get(1).costModel(costModel).network().latencyMillis(md, ed)).isEqualTo(300.0);
    }
}
