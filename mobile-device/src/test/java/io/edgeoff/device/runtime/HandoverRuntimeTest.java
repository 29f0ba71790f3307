package io.edgeoff.device.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.mobility.HandoverRule;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.SuspicionResponse;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.device.ManualClock;
import io.edgeoff.device.PreferencePolicy;
import io.edgeoff.device.SilentClient;
import io.edgeoff.device.TestPolicies;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.OffloadResult;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.mobility.CellTracker;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.siteapi.TaskReply;
import io.edgeoff.siteapi.TaskRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The live runtime of a moving device, on a manual clock: the commuter is at HOME (ED one Wi-Fi hop away) until
 * 8 s, then at STATION (EC one hop away, ED over cellular). A task offloaded to ED at 6 s whose site takes 3 s is in
 * flight at the handover; the scenario's rule decides what happens to it.
 */
class HandoverRuntimeTest {
    private static final double SITE_SECONDS = 3;
    private static final double EPS = 1e-6;

    private final Scenario commuter = ScenarioYaml.load("commuter-3-hotspots");
    private final CostModel costModel = commuter.costModel();
    private final ManualClock clock = new ManualClock();
    private final int device = costModel.deviceIndex();
    private final int ed = commuter.siteIndex("ED");
    private final int ec = commuter.siteIndex("EC");
    private final AppInstance app = AppInstance.means(new Application("ONE",
            List.of(new TaskSpec("WORK", commuter.application("CHESS").tasks().get(2).kind(), 1, true)), List.of()));
    private final TaskInstance task = app.task(0);

    @Test
    void failAndRedecideAbandonsTheAttemptAtTheHandoverAndDecidesAgainWithTheNewCellsLinks() {
        CellTracker cells = tracker(HandoverRule.FAIL_AND_REDECIDE);

        Run run = execute(cells);

        List<Attempt> attempts = run.result.tasks().get(0).attempts();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).failure()).isEqualTo(FailureKind.HANDOVER);
        assertThat(attempts.get(0).handoverInterrupted()).isTrue();
        assertThat(attempts.get(0).cell()).isEqualTo("HOME");
        assertThat(attempts.get(0).siteId()).isEqualTo("ED");
        Attempt second = attempts.get(1);
        assertThat(second.succeeded()).isTrue();
        assertThat(second.siteId()).as("ED is excluded after the failed attempt, as after any failure").isEqualTo("EC");
        assertThat(second.cell()).isEqualTo("STATION");
        CostModel station = stationPath();
        assertThat(second.seconds()).as("uplink and downlink over STATION's Wi-Fi to EC, 5 ms each way")
                .isCloseTo(station.cost(task, device, ec).uplinkSeconds() + SITE_SECONDS
                        + station.cost(task, device, ec).downlinkSeconds(), within(EPS));
        assertThat(run.detectorFailuresAtEd).as("a handover is not a failure of the site").isZero();
    }

    @Test
    void finishOldPathCompletesTheAttemptOverTheLinksItStartedWith() {
        CellTracker cells = tracker(HandoverRule.FINISH_OLD_PATH);

        Run run = execute(cells);

        Attempt only = run.result.tasks().get(0).attempts().get(0);
        assertThat(run.result.tasks().get(0).attempts()).hasSize(1);
        assertThat(only.succeeded()).isTrue();
        assertThat(only.siteId()).isEqualTo("ED");
        assertThat(only.cell()).isEqualTo("HOME");
        assertThat(only.finishedOverOldPath()).isTrue();
        CostModel home = homePath();
        assertThat(only.seconds()).as("the reply comes back over HOME's Wi-Fi, not STATION's 60 ms cellular link")
                .isCloseTo(home.cost(task, device, ed).uplinkSeconds() + SITE_SECONDS
                        + home.cost(task, device, ed).downlinkSeconds(), within(EPS));
        assertThat(cells.cell()).isEqualTo("STATION");
    }

    private CellTracker tracker(HandoverRule rule) {
        Fleet file = commuter.fleet();
        Fleet fleet = new Fleet(file.devices(), file.cells(), Optional.of(rule), file.lookaheadSeconds());
        CellTracker cells = new CellTracker(costModel, fleet.devices().get(0), fleet, clock, 1);
        cells.start();
        clock.advanceMillis(6000);
        return cells;
    }

    private CostModel homePath() {
        return new io.edgeoff.common.mobility.DeviceLinks(costModel, commuter.fleet().devices().get(0),
                commuter.fleet()).actual(1);
    }

    private CostModel stationPath() {
        return new io.edgeoff.common.mobility.DeviceLinks(costModel, commuter.fleet().devices().get(0),
                commuter.fleet()).actual(9);
    }

    private record Run(ExecutionResult result, long detectorFailuresAtEd) {
    }

    private Run execute(CellTracker cells) {
        List<SiteEndpoint> endpoints = commuter.remoteSites().stream()
                .map(s -> new SiteEndpoint(s.id(), URI.create("http://127.0.0.1:9/"), "t")).toList();
        SlowSites client = new SlowSites();
        try (FailureDetector detector = new FailureDetector(endpoints, client, DetectorConfig.ofDefaults(), clock);
             ResourceMonitor monitor = new ResourceMonitor(endpoints, client, Duration.ofSeconds(1),
                     Duration.ofMillis(500), clock);
             DeviceRuntime runtime = DeviceRuntime.builder().scenario(commuter, costModel).endpoints(endpoints)
                     .client(client).detector(detector).monitor(monitor)
                     .links(LinkEmulator.following(cells::path, clock)).cells(cells)
                     .config(new RuntimeConfig(1, PlacementRules.ofDefaults(), false)).clock(clock).build()) {
            ExecutionResult result = runtime.execute("r", 0, app,
                    TestPolicies.spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE),
                    new PreferencePolicy(device, List.of(ed, ec)), 1);
            return new Run(result, detector.stats().failuresPerSite().getOrDefault("ED", 0));
        }
    }

    /** Sites that take {@value #SITE_SECONDS} s of the clock's time per task. */
    private final class SlowSites extends SilentClient {
        @Override
        public CompletableFuture<OffloadResult> submit(SiteEndpoint site, TaskRequest request, Duration deadline) {
            clock.sleepNanos(Math.round(SITE_SECONDS * 1e9));
            byte[] output = new byte[(int) Math.round(request.outKB() * 1024)];
            return CompletableFuture.completedFuture(new OffloadResult.Completed(new TaskReply(
                    request.idempotencyKey(), site.siteId(), output, 0, SITE_SECONDS * 1000, false)));
        }
    }
}
