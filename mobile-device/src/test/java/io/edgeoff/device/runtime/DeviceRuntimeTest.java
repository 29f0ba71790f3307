package io.edgeoff.device.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SuspicionResponse;
import io.edgeoff.decision.placement.PlacementReason;
import io.edgeoff.device.TestPolicies;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.testing.Measurements;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.FakeSite;
import io.edgeoff.device.PreferencePolicy;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.workload.MixedWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceRuntimeTest {
    private static final int MD = 0;
    private static final int ED = 1;
    private static final int EC = 2;

    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel costModel = seed.costModel();
    private final Map<String, FakeSite> sites = new LinkedHashMap<>();
    private final InMemoryOutcomeSink sink = new InMemoryOutcomeSink();
    private HttpSiteClient client;
    private FailureDetector detector;
    private ResourceMonitor monitor;

    @BeforeEach
    void startSites() throws Exception {
        for (String id : List.of("ED", "EC", "ER", "CD")) {
            sites.put(id, new FakeSite(id, seed.site(id).mips(), 0.99));
        }
        client = new HttpSiteClient();
    }

    @AfterEach
    void stopSites() {
        if (detector != null) {
            detector.close();
        }
        if (monitor != null) {
            monitor.close();
        }
        sites.values().forEach(FakeSite::close);
        client.close();
    }

    private static final SuspicionResponse IGNORE_SUSPICION = SuspicionResponse.IGNORE;
    private static final SuspicionResponse EXCLUDE_SUSPECTED = SuspicionResponse.EXCLUDE_SUSPECTED;
    private SuspicionResponse onSuspicion = EXCLUDE_SUSPECTED;
    private io.edgeoff.decision.placement.TaskSupport taskSupport = io.edgeoff.decision.placement.TaskSupport.ALL;

    private PolicySpec spec(FailureResponse onFailure) {
        return TestPolicies.spec(onFailure, onSuspicion);
    }

    private DeviceRuntime runtime(DetectorConfig detectorConfig, SuspicionResponse onSuspicion, LinkEmulator links,
                                  boolean startDetector) {
        this.onSuspicion = onSuspicion;
        RuntimeConfig config = RuntimeConfig.ofDefaults();
        List<SiteEndpoint> endpoints = sites.values().stream().map(FakeSite::endpoint).toList();
        detector = new FailureDetector(endpoints, client, detectorConfig, DeviceClock.SYSTEM);
        monitor = new ResourceMonitor(endpoints, client, Duration.ofSeconds(1), Duration.ofMillis(500),
                DeviceClock.SYSTEM);
        monitor.pollAll();
        if (startDetector) {
            detector.start();
        }
        return DeviceRuntime.builder().scenario(seed, costModel).endpoints(endpoints).client(client)
                .detector(detector).monitor(monitor).links(links).sink(sink).config(config).taskSupport(taskSupport)
                .build();
    }

    private DeviceRuntime runtime() {
        return runtime(DetectorConfig.ofDefaults(), EXCLUDE_SUSPECTED, LinkEmulator.disabled(), true);
    }

    /**
     * A runtime whose heartbeat detector is not started, for tests about placement and outcomes with healthy
     * sites: on a loaded machine the real detector may (rightly, by its timing rules) suspect a slow site and the
     * policy then places elsewhere, which these tests do not measure. Detection has tests of its own.
     */
    private DeviceRuntime runtimeWithoutHeartbeats() {
        return runtime(DetectorConfig.ofDefaults(), EXCLUDE_SUSPECTED, LinkEmulator.disabled(), false);
    }

    @Test
    void everyTaskOfEveryExecutionHasExactlyOneOutcome() {
        List<AppInstance> apps = new MixedWorkload(seed, 3).take(8);
        try (DeviceRuntime runtime = runtimeWithoutHeartbeats()) {

            for (int e = 0; e < apps.size(); e++) {
                runtime.execute("r1", e, apps.get(e), spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                        new PreferencePolicy(MD, List.of(EC, ED)), 1);
            }
        }

        int expected = apps.stream().mapToInt(AppInstance::size).sum();
        Set<String> keys = new HashSet<>();
        sink.tasks().forEach(t -> keys.add(t.execution() + "/" + t.taskIndex()));
        assertThat(sink.tasks()).hasSize(expected).allMatch(TaskOutcome::completed);
        assertThat(keys).hasSize(expected);
        assertThat(sink.tasks()).allSatisfy(t -> assertThat(t.siteId())
                .isEqualTo(apps.get(t.execution()).task(t.taskIndex()).offloadable() ? "EC" : "MD"));
        assertThat(sites.get("EC").executionsPerKey().values()).allMatch(n -> n == 1);
        assertThat(sink.executions()).hasSize(8).allMatch(r -> r.tasksLost() == 0 && r.offloadFailures() == 0);
    }

    @Test
    void readyTasksRunInParallel() {
        AppInstance antivirus = AppInstance.means(seed.application("ANTIVIRUS"));
        sites.get("EC").taskDelayMillis(300);
        try (DeviceRuntime runtime = runtimeWithoutHeartbeats()) {

            runtime.execute("r1", 0, antivirus, spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                    new PreferencePolicy(MD, List.of(EC)), 1);
        }

        assertThat(sites.get("EC").maxConcurrentTasks()).isEqualTo(2);
    }

    @Test
    void aFailedSiteIsExcludedAndTheTaskDecidedAgain() {
        sites.get("EC").crash();
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        try (DeviceRuntime runtime = runtime(DetectorConfig.ofDefaults(), IGNORE_SUSPICION,
                LinkEmulator.disabled(), false)) {

            runtime.execute("r1", 0, chess, spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                    new PreferencePolicy(MD, List.of(EC, ED)), 1);
        }

        TaskOutcome update = sink.tasks().stream().filter(t -> t.taskName().equals("UPDATE_CHESS")).findFirst()
                .orElseThrow();
        assertThat(update.siteId()).isEqualTo("ED");
        assertThat(update.attempts()).extracting(Attempt::siteId).containsExactly("EC", "ED");
        assertThat(update.attempts().get(0).failure()).isEqualTo(FailureKind.REFUSED);
        assertThat(sink.executions().get(0).offloadFailures()).isEqualTo(2); // UPDATE_CHESS and COMPUTE_MOVE each try EC once
    }

    @Test
    void aSiteWhoseOutputIsNotTheKernelsFailsTheAttempt() {
        sites.get("EC").mode(FakeSite.Mode.WRONG_OUTPUT);
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        try (DeviceRuntime runtime = runtime(DetectorConfig.ofDefaults(), IGNORE_SUSPICION,
                LinkEmulator.disabled(), false)) {

            runtime.execute("r1", 0, chess, spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                    new PreferencePolicy(MD, List.of(EC, ED)), 1);
        }

        TaskOutcome update = sink.tasks().stream().filter(t -> t.taskName().equals("UPDATE_CHESS")).findFirst()
                .orElseThrow();
        assertThat(update.attempts()).extracting(Attempt::siteId).containsExactly("EC", "ED");
        assertThat(update.attempts().get(0).detail()).isEqualTo("output does not match the compute kernel");
    }

    @Test
    void deviceOnlyPoliciesRunTheTaskLocallyAfterAFailure() {
        sites.get("EC").mode(FakeSite.Mode.ERROR);
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        try (DeviceRuntime runtime = runtime(DetectorConfig.ofDefaults(), IGNORE_SUSPICION,
                LinkEmulator.disabled(), false)) {

            runtime.execute("r1", 0, chess, spec(FailureResponse.DEVICE_ONLY),
                    new PreferencePolicy(MD, List.of(EC, ED)), 1);
        }

        TaskOutcome update = sink.tasks().stream().filter(t -> t.taskName().equals("UPDATE_CHESS")).findFirst()
                .orElseThrow();
        assertThat(update.attempts()).extracting(Attempt::siteId).containsExactly("EC", "MD");
        assertThat(update.attempts().get(0).failure()).isEqualTo(FailureKind.SERVER_ERROR);
    }

    @Test
    void aSiteCrashingMidRunLosesNoTaskAndCountsNoneTwice() throws Exception {
        List<AppInstance> apps = new MixedWorkload(seed, 11).take(12);
        List<ExecutionResult> results = new ArrayList<>();
        try (DeviceRuntime runtime = runtime()) {
            Thread run = new Thread(() -> {
                for (int e = 0; e < apps.size(); e++) {
                    results.add(runtime.execute("r1", e, apps.get(e), spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                            new PreferencePolicy(MD, List.of(EC, ED)), 1));
                }
            });
            sites.get("EC").taskDelayMillis(40);
            run.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sites.get("EC").tasks() >= 5);

            sites.get("EC").crash();
            run.join(60_000);
        }

        int expected = apps.stream().mapToInt(AppInstance::size).sum();
        assertThat(results).hasSize(12);
        assertThat(sink.tasks()).hasSize(expected).allMatch(TaskOutcome::completed);
        assertThat(sink.tasks().stream().map(t -> t.execution() + "/" + t.taskIndex()).distinct()).hasSize(expected);
        assertThat(sink.tasks()).anyMatch(t -> t.siteId().equals("ED"));
        assertThat(detector.isSuspected("EC")).isTrue();
    }

    @Test
    void anAttemptToAHungSiteFailsAtItsDeadlineAndTheTaskMovesOn() {
        sites.get("EC").mode(FakeSite.Mode.HANG);
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        DetectorConfig config = DetectorConfig.ofDefaults();
        try (DeviceRuntime runtime = runtime(config, IGNORE_SUSPICION, LinkEmulator.disabled(), true)) {

            runtime.execute("r1", 0, chess, spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                    new PreferencePolicy(MD, List.of(EC, ED)), 1);
        }

        TaskOutcome update = sink.tasks().stream().filter(t -> t.taskName().equals("UPDATE_CHESS")).findFirst()
                .orElseThrow();
        double deadline = config.deadlineFor(150.0 / 8000).toMillis() / 1000.0;
        double attemptSeconds = update.attempts().get(0).seconds();
        Measurements.record("device-hung-site-attempt", Map.of("deadlineSeconds", deadline, "attemptSeconds",
                attemptSeconds));
        assertThat(update.attempts().get(0).siteId()).isEqualTo("EC");
        assertThat(update.attempts().get(0).failure()).isEqualTo(FailureKind.TIMEOUT);
        // the deadline is a floor (the site never answers); above it only load adds, so the upper bound merely
        // says the attempt ended by its deadline and not by some default timeout or never
        assertThat(attemptSeconds).isGreaterThanOrEqualTo(deadline - 0.05).isLessThan(deadline + 10);
        assertThat(update.siteId()).isEqualTo("ED");
    }

    @Test
    void attemptsInFlightAreAbandonedAsSoonAsTheSiteAnswers5xxElsewhere() throws Exception {
        AppInstance antivirus = AppInstance.means(seed.application("ANTIVIRUS"));
        sites.get("EC").taskDelayMillis(3000);
        DetectorConfig patient = DetectorConfig.ofDefaults().withDeadline(100, Duration.ofSeconds(20));
        try (DeviceRuntime runtime = runtime(patient, IGNORE_SUSPICION, LinkEmulator.disabled(), true)) {
            Thread errorSoon = new Thread(() -> {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sites.get("EC").tasks() >= 2);
                sites.get("EC").mode(FakeSite.Mode.ERROR); // the next heartbeat gets a 503: hard evidence
            });
            errorSoon.start();

            long start = System.nanoTime();
            runtime.execute("r1", 0, antivirus, spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                    new PreferencePolicy(MD, List.of(EC, ED)), 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            errorSoon.join();

            Measurements.record("device-abandons-attempt-on-5xx-elsewhere", Map.of("siteTaskDelaySeconds", 3.0,
                    "executionSeconds", seconds));
        }
        // an attempt that waited for the site's reply would have succeeded on EC after 3 s; SUSPECTED on the
        // attempt and ED as the task's site show it was abandoned without a timing bound that load can exceed
        assertThat(sink.tasks()).filteredOn(t -> t.taskName().equals("SCAN_FILE")).singleElement()
                .satisfies(t -> {
                    assertThat(t.attempts().get(0).failure()).isEqualTo(FailureKind.SUSPECTED);
                    assertThat(t.siteId()).isEqualTo("ED");
                });
    }

    @Test
    void localEnergyIsTheLocalPowerTimesTheMeasuredExecutionTime() {
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        try (DeviceRuntime runtime = runtime()) {

            ExecutionResult result = runtime.execute("r1", 0, chess, spec(FailureResponse.DEVICE_ONLY),
                    new PreferencePolicy(MD, List.of()), 1);

            double ratedSeconds = chess.tasks().stream().mapToDouble(t -> t.millionInstructions() / 1000.0).sum();
            double attemptSeconds = result.tasks().stream().flatMap(t -> t.attempts().stream())
                    .mapToDouble(Attempt::seconds).sum();
            Measurements.record("device-local-chess", Map.of("ratedSeconds", ratedSeconds, "attemptSeconds",
                    attemptSeconds, "energyJoules", result.energyJoules()));
            // 0.9 W x the measured compute time, which lies between the paced floor and the whole attempt
            assertThat(result.energyJoules()).isGreaterThanOrEqualTo(0.9 * ratedSeconds - 1e-9)
                    .isLessThanOrEqualTo(0.9 * attemptSeconds + 1e-9);
            assertThat(result.responseSeconds()).isGreaterThanOrEqualTo(ratedSeconds);
        }
    }

    @Test
    void emulatedLinksDelayAnOffloadedTaskByItsUplinkTime() {
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        try (DeviceRuntime runtime = runtime(DetectorConfig.ofDefaults(), EXCLUDE_SUSPECTED,
                LinkEmulator.of(costModel, DeviceClock.SYSTEM), true)) {

            runtime.execute("r1", 0, chess, spec(FailureResponse.DEVICE_ONLY),
                    new PreferencePolicy(MD, List.of(EC)), 1);
        }

        int update = seed.application("CHESS").indexOf("UPDATE_CHESS");
        double uplink = costModel.cost(chess.task(update), MD, EC).uplinkSeconds();
        TaskOutcome outcome = sink.tasks().stream().filter(t -> t.taskIndex() == update).findFirst().orElseThrow();
        assertThat(outcome.attempts().get(0).seconds()).isGreaterThanOrEqualTo(uplink);
        assertThat(outcome.energyJoules()).isGreaterThanOrEqualTo(1.3 * uplink);
    }

    @Test
    void aPolicyThatNeedsTheSimulatorsGroundTruthIsRefusedWithAClearMessage() {
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        for (String name : java.util.List.of("myopic-oracle", "clairvoyant")) {
            PolicySpec oracle = io.edgeoff.decision.Policies.spec(name);
            try (DeviceRuntime runtime = runtimeWithoutHeartbeats()) {

                org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.execute("r1", 0, chess, oracle,
                                oracle.create(new io.edgeoff.decision.PolicyContext(costModel,
                                        io.edgeoff.common.cost.CostWeights.seed(), 1)), 1))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("policy " + name + " needs the simulator's ground truth");
            }
        }

        assertThat(sink.tasks()).isEmpty();
    }

    @Test
    void anOutOfRangeChoiceRunsTheTaskOnTheDeviceAndSaysSo() {
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        int update = seed.application("CHESS").indexOf("UPDATE_CHESS");
        try (DeviceRuntime runtime = runtimeWithoutHeartbeats()) {

            runtime.execute("r1", 0, chess, spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                    new PreferencePolicy(MD, List.of(42)), 1);
        }

        TaskOutcome outcome = sink.tasks().stream().filter(t -> t.taskIndex() == update).findFirst().orElseThrow();
        assertThat(outcome.siteId()).isEqualTo("MD");
        assertThat(outcome.reason()).isEqualTo(PlacementReason.CHOICE_OUT_OF_RANGE);
        assertThat(sink.tasks()).filteredOn(t -> !chess.task(t.taskIndex()).offloadable())
                .allMatch(t -> t.reason() == PlacementReason.NOT_OFFLOADABLE);
    }

    @Test
    void aTaskBoundToAHandlerIsPlacedOnlyOnSitesThatAdvertiseIt() {
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        int move = seed.application("CHESS").indexOf("COMPUTE_MOVE");
        int update = seed.application("CHESS").indexOf("UPDATE_CHESS");
        taskSupport = new io.edgeoff.device.handlers.HandlerSupport(
                (app, task) -> task == move ? java.util.Optional.of("chess") : java.util.Optional.empty(),
                site -> site == EC ? List.of("chess") : List.of());
        try (DeviceRuntime runtime = runtimeWithoutHeartbeats()) {

            runtime.execute("r1", 0, chess, spec(FailureResponse.EXCLUDE_SITE_AND_REDECIDE),
                    new PreferencePolicy(MD, List.of(ED, EC)), 1);
        }

        assertThat(sink.tasks().stream().filter(t -> t.taskIndex() == move).findFirst().orElseThrow().siteId())
                .as("ED lacks the handler").isEqualTo("EC");
        assertThat(sink.tasks().stream().filter(t -> t.taskIndex() == update).findFirst().orElseThrow().siteId())
                .as("a task without a handler runs anywhere").isEqualTo("ED");
    }
}
