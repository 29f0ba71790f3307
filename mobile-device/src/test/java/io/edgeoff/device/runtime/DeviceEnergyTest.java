package io.edgeoff.device.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.DagEdge;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.SuspicionResponse;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.device.TestPolicies;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.device.ManualClock;
import io.edgeoff.device.SilentClient;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.OffloadResult;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.siteapi.TaskReply;
import io.edgeoff.siteapi.TaskRequest;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The device's energy is the cost model's: with a manual clock, emulated links and sites that hold a task
 * exactly its {@code MI / MIPS}, every measured phase equals the modelled one, so each attempt's energy must
 * equal {@link CostModel#cost}'s for every (previous site, chosen site) case, sink or not.
 */
class DeviceEnergyTest {
    private static final double EPS = 1e-8;
    private static final List<String> SITES = List.of("MD", "ED", "EC");

    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel costModel = seed.costModel();
    private final ManualClock clock = new ManualClock();
    private final Application chain = chain();
    private final AppInstance app = AppInstance.means(chain);

    static Stream<Arguments> fromTo() {
        return SITES.stream().flatMap(from -> SITES.stream().map(to -> Arguments.of(from, to)));
    }

    static Stream<Arguments> fromRemote() {
        return fromTo().filter(a -> !a.get()[1].equals("MD"));
    }

    /** FIRST -> MIDDLE -> LAST: MIDDLE is not a sink, LAST is. */
    private Application chain() {
        List<TaskSpec> chess = seed.application("CHESS").tasks();
        TaskSpec r = chess.get(1);
        TaskSpec ci = chess.get(2);
        return new Application("CHAIN", List.of(new TaskSpec("FIRST", r.kind(), 1, true),
                new TaskSpec("MIDDLE", ci.kind(), 1, true), new TaskSpec("LAST", r.kind(), 1, true)),
                List.of(new DagEdge("FIRST", "MIDDLE"), new DagEdge("MIDDLE", "LAST")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("fromTo")
    void everyAttemptCostsWhatTheCostModelSays(String from, String to) {
        int f = seed.siteIndex(from);
        int t = seed.siteIndex(to);

        ExecutionResult result = run(new int[] {f, t, f}, new FakeSites(""), FailureResponse.EXCLUDE_SITE_AND_REDECIDE);

        TaskOutcome middle = result.tasks().get(1);
        TaskOutcome last = result.tasks().get(2);
        assertThat(middle.attempts()).singleElement().extracting(Attempt::siteIndex).isEqualTo(t);
        assertThat(middle.energyJoules()).isCloseTo(costModel.cost(app.task(1), f, t).energyJoules(), within(EPS));
        assertThat(last.energyJoules()).isCloseTo(costModel.cost(app.task(2), t, f).energyJoules(), within(EPS));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("fromRemote")
    void aFailedAttemptCostsTheModelsEnergyWithoutTheResult(String from, String to) {
        int f = seed.siteIndex(from);
        int t = seed.siteIndex(to);

        ExecutionResult result = run(new int[] {f, t, f}, new FakeSites("MIDDLE"), FailureResponse.DEVICE_ONLY);

        Attempt failed = result.tasks().get(1).attempts().get(0);
        assertThat(failed.failure()).isEqualTo(FailureKind.SERVER_ERROR);
        // the middle task is no sink: the model's energy has no downlink, as a failed attempt has none
        assertThat(failed.energyJoules()).isCloseTo(costModel.cost(app.task(1), f, t).energyJoules(), within(EPS));
    }

    private ExecutionResult run(int[] placement, FakeSites client, FailureResponse onFailure) {
        List<SiteEndpoint> endpoints = seed.sites().stream().filter(s -> s.isRemote())
                .map(s -> new SiteEndpoint(s.id(), URI.create("http://127.0.0.1:9/"), "t")).toList();
        try (FailureDetector detector = new FailureDetector(endpoints, client, DetectorConfig.ofDefaults(), clock);
             ResourceMonitor monitor = new ResourceMonitor(endpoints, client, Duration.ofSeconds(1),
                     Duration.ofMillis(500), clock);
             DeviceRuntime runtime = DeviceRuntime.builder().scenario(seed, costModel).endpoints(endpoints)
                     .client(client).detector(detector).monitor(monitor).links(LinkEmulator.of(costModel, clock))
                     .config(new RuntimeConfig(1, PlacementRules.ofDefaults(), false)).clock(clock).build()) {
            return runtime.execute("r", 0, app, TestPolicies.spec(onFailure, SuspicionResponse.IGNORE),
                    new FixedPolicy(placement), 1);
        }
    }

    /** Places task i on site placement[i] unless it is excluded, else on the device. */
    private record FixedPolicy(int[] placement) implements OffloadingPolicy {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public Decision decide(DecisionRequest r) {
            int site = placement[r.taskIndex()];
            return new Decision(r.excluded()[site] ? 0 : site, Double.NaN, Double.NaN);
        }
    }

    /** Sites that hold a task exactly MI / MIPS of the clock's time; task {@code failing} gets an error. */
    private final class FakeSites extends SilentClient {
        private final String failing;

        FakeSites(String failing) {
            this.failing = failing;
        }

        @Override
        public CompletableFuture<OffloadResult> submit(SiteEndpoint site, TaskRequest task, Duration deadline) {
            int index = seed.siteIndex(site.siteId());
            double seconds = task.millionInstructions() / seed.sites().get(index).mips();
            clock.sleepNanos(Math.round(seconds * 1e9));
            if (task.taskName().equals(failing)) {
                return CompletableFuture.completedFuture(new OffloadResult.Failed(FailureKind.SERVER_ERROR, "503"));
            }
            byte[] output = new byte[(int) Math.round(task.outKB() * 1024)];
            return CompletableFuture.completedFuture(new OffloadResult.Completed(
                    new TaskReply(task.idempotencyKey(), site.siteId(), output, 0, seconds * 1000, false)));
        }
    }
}
