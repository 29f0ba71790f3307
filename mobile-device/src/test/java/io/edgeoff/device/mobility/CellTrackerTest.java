package io.edgeoff.device.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.InputSource;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.device.ManualClock;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.OffloadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CellTrackerTest {
    private final Scenario commuter = ScenarioYaml.load("commuter-3-hotspots");
    private final CostModel base = commuter.costModel();
    private final ManualClock clock = new ManualClock();
    private final CellTracker cells = new CellTracker(base, commuter.fleet().devices().get(0), commuter.fleet(), clock,
            1);

    @Test
    void followsTheScheduleOnTheDeviceClockFromTheRunsStart() {
        clock.advanceMillis(30_000); // before start: schedule time 0
        cells.start();

        String first = cells.cell();
        clock.advanceMillis(8_000);
        String second = cells.cell();
        clock.advanceMillis(16_000);

        assertThat(List.of(first, second, cells.cell())).containsExactly("HOME", "STATION", "HOME");
    }

    @Test
    void aScheduleCanStartPartWayIn() {
        CellTracker fast = new CellTracker(base, commuter.fleet().devices().get(0), commuter.fleet(), clock, 2);
        fast.start(17);

        clock.advanceMillis(2_000);

        assertThat(fast.seconds()).isEqualTo(21.0);
        assertThat(fast.cell()).isEqualTo("OFFICE");
    }

    @Test
    void startingPartWayInAnotherCellIsHeardAsAHandover() {
        List<String> heard = new ArrayList<>();
        cells.addListener((from, to, changed) -> heard.add(from + "->" + to));

        cells.start(10);
        cells.cell();

        assertThat(heard).containsExactly("HOME->STATION");
    }

    @Test
    void aSpeedupRunsTheScheduleFaster() {
        CellTracker fast = new CellTracker(base, commuter.fleet().devices().get(0), commuter.fleet(), clock, 4);
        fast.start();

        clock.advanceMillis(2_500);

        assertThat(fast.cell()).isEqualTo("STATION");
        assertThat(fast.seconds()).isEqualTo(10.0);
    }

    @Test
    void aMeasuredLinkWinsUntilTheLookaheadWhereTheNextCellsWorseLinkWins() {
        cells.start();
        PlanningInputs measured = new PlanningInputs(List.of(new SiteInputs("ED", 20, InputSource.MEASURED, 4000,
                InputSource.MEASURED, 7, InputSource.MEASURED), new SiteInputs("EC", 60, InputSource.PRIOR, 300,
                InputSource.PRIOR, 0, InputSource.PRIOR)));

        clock.advanceMillis(3_000);
        PlanningInputs early = cells.merge(measured);
        clock.advanceMillis(3_500); // 1.5 s before leaving HOME; the lookahead is 2 s
        PlanningInputs late = cells.merge(measured);

        assertThat(early.site("ED").orElseThrow().latencyMillis()).isEqualTo(20);
        assertThat(early.site("ED").orElseThrow().queueDelayMillis()).isEqualTo(7);
        assertThat(late.site("ED").orElseThrow().latencyMillis()).as("STATION reaches ED over cellular").isEqualTo(60);
        assertThat(late.site("ED").orElseThrow().bandwidthKBps()).isEqualTo(300);
        assertThat(early.site("EC").orElseThrow().latencyMillis()).as("not measured: the cell's (cellular)")
                .isEqualTo(60);
    }

    @Test
    void aHandoverTellsTheListenersWhichLinksChanged() {
        cells.start();
        List<String> heard = new ArrayList<>();
        cells.addListener((from, to, changed) -> heard.add(from + "->" + to + " "
                + changed.stream().map(AccessLink::siteId).sorted().toList()));

        cells.cell();
        clock.advanceMillis(9_000);
        cells.cell();
        cells.cell();

        assertThat(heard).containsExactly("HOME->STATION [EC, ED]");
    }

    @Test
    void theEstimatorsPriorsAreTheDevicesLinksAndStartOverAtAHandover() {
        var estimator = new io.edgeoff.device.monitor.NetworkEstimator(base,
                io.edgeoff.device.monitor.EstimatorConfig.ofDefaults());
        cells.relinkAtHandovers(estimator);
        cells.start();
        double home = estimator.inputs("ED").latencyMillis();
        estimator.roundTrip("ED", 20); // a measured 10 ms one way at HOME

        clock.advanceMillis(9_000);
        cells.cell();

        assertThat(home).as("HOME's Wi-Fi, not the scenario's cellular link").isEqualTo(5);
        assertThat(estimator.inputs("ED").latencyMillis()).as("STATION reaches ED over cellular").isEqualTo(60);
        assertThat(estimator.inputs("ED").latencySource()).isEqualTo(InputSource.PRIOR);
    }

    @Test
    void aWatchSaysWhenTheRuleAbandonsAnAttempt() {
        cells.start();
        clock.advanceMillis(6_000);

        HandoverWatch watch = cells.watch();

        assertThat(watch.startCell()).isEqualTo("HOME");
        assertThat(watch.nanosUntilInterrupt()).isEqualTo(2_000_000_000L);
        assertThat(watch.interrupts()).isFalse();
        clock.advanceMillis(2_000);
        assertThat(watch.interrupts()).isTrue();
        assertThat(HandoverWatch.NONE.nanosUntilInterrupt()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aReplyStillAwaitedAtTheHandoverIsAbandonedThenUnderFailAndRedecide() throws Exception {
        cells.start();
        clock.advanceMillis(7_990); // 10 ms before leaving HOME
        CompletableFuture<OffloadResult> reply = new CompletableFuture<>();

        OffloadResult result = cells.watch().await(reply, 60_000_000_000L);

        assertThat(result).isInstanceOf(OffloadResult.Failed.class);
        assertThat(((OffloadResult.Failed) result).kind()).isEqualTo(FailureKind.HANDOVER);
        assertThat(reply).isCancelled();
    }

    @Test
    void theCallersDeadlineStillAppliesBeforeAHandover() {
        cells.start();
        HandoverWatch watch = cells.watch(); // the handover is 8 s away

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> watch.await(new CompletableFuture<>(), 10_000_000L))
                .isInstanceOf(TimeoutException.class);
    }
}
