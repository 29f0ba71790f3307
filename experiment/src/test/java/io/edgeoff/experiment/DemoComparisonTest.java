package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultRow;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.workload.MixedWorkload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DemoComparisonTest {
    private final Scenario seed = ScenarioYaml.load("seed");
    private final DemoTimeScale scale = DemoTimeScale.DEFAULT;

    @Test
    void theSimulatorDrawsTheSameApplicationInstanceAsTheDeviceForEveryExecution() {
        List<AppInstance> device = new MixedWorkload(seed, 5).take(6);
        for (int k = 0; k < device.size(); k++) {
            var random = DemoComparison.workloadAt(seed, 5, k);
            AppInstance simulated = AppInstance.draw(seed.application(seed.workload().draw(random)), random);
            assertThat(simulated.application().name()).isEqualTo(device.get(k).application().name());
            for (int t = 0; t < simulated.size(); t++) {
                assertThat(simulated.task(t).millionInstructions()).as("execution %d task %d", k, t)
                        .isEqualTo(device.get(k).task(t).millionInstructions());
            }
        }
    }

    @Test
    void theScheduleIsAlignedAtTheLiveStartOfTheExecution() {
        List<List<double[]>> outages = List.of(List.of(), List.of(), List.of(new double[] {10, 12},
                new double[] {20, 21}), List.of(), List.of());
        ScheduleFailures f = new ScheduleFailures(outages, 9, scale, 1.0);

        assertThat(f.attemptFails(2, 1.5, 0.1)).isTrue();
        assertThat(f.attemptFails(2, 0.5, 0.1)).isFalse();
        assertThat(f.attemptFails(2, 0.5, 0.6)).as("overlaps the outage's start").isTrue();
        assertThat(f.attemptFails(1, 1.5, 0.1)).isFalse();
        assertThat(f.actualUp(1.5)[2]).isFalse();
        assertThat(f.stateSinceSeconds(2)).isEqualTo(1.0);
        SiteOutlook once = f.outlook(2, 4);
        assertThat(once.mtbfHours()).as("MTBF is infinite below two failures").isInfinite();
        assertThat(once.hoursSinceLastFailure()).isEqualTo(scale.traceSeconds(3) / 3600, org.assertj.core.data.Offset.offset(1e-6));
        SiteOutlook twice = f.outlook(2, 13);
        assertThat(twice.mtbfHours()).isFinite();
    }

    @Test
    void everyLiveExecutionIsSimulatedAndPrintedSideBySideWithItsGap() {
        AtomicLong nanos = new AtomicLong();
        Timeline timeline = new Timeline("MD", Instant.parse("2026-01-01T00:00:00Z"), nanos::get);
        for (String site : List.of("ED", "EC", "ER", "CD")) {
            timeline.outage(site, 0, 100, "refuse");
        }
        List<AppInstance> apps = new MixedWorkload(seed, 1).take(2);
        List<ExecutionResult> results = new ArrayList<>();
        double t = 1;
        for (int k = 0; k < 2; k++) {
            for (String policy : List.of("mdp", "reactive")) {
                nanos.set(Math.round(t * 1e9));
                timeline.executionStarted(policy);
                nanos.set(Math.round((t + 1) * 1e9));
                ExecutionResult r = new ExecutionResult("r", policy, k, apps.get(k).application().name(), 1.0, 1.0,
                        List.of());
                timeline.execution(r);
                results.add(r);
                t += 2;
            }
        }
        List<String> ids = List.of("MD", "ED", "EC", "ER", "CD");
        List<ResultRow> rows = LiveRows.of(results, 1, 0, ids, 34_200);
        LiveComparison.Outcome live = new LiveComparison.Outcome(List.of(PolicySummary.of("mdp", rows),
                PolicySummary.of("reactive", rows)), results, rows, new DetectionStats(List.of(), Map.of(), 0), 250,
                timeline);
        CostModel planning = new CostModel(seed.sites(), seed.network(new SplittableRandom(1)), seed.devicePower(),
                0.61);

        List<ResultRow> simulated = DemoComparison.simulate(seed, planning, 1, live, 1, scale,
                DetectorConfig.ofDefaults(), 1.0);

        assertThat(simulated).extracting(ResultRow::policy).containsExactly("mdp", "mdp", "reactive", "reactive");
        assertThat(simulated).extracting(ResultRow::execution).containsExactly(0, 1, 0, 1);
        long offloadable = apps.stream().mapToLong(a -> java.util.stream.IntStream.range(0, a.size())
                .filter(i -> a.task(i).offloadable()).count()).sum();
        // every remote site is down throughout: reactive (suspicion ignored) fails once per offloadable task, then
        // runs it on the device; every task still completes
        assertThat(simulated.stream().filter(r -> r.policy().equals("reactive")).mapToLong(ResultRow::offloadFailures)
                .sum()).isEqualTo(offloadable);
        assertThat(simulated).allMatch(r -> r.tasksPerSite().get("MD") == r.tasks());
        String text = DemoComparison.text(rows, simulated);
        assertThat(text).contains("response s live / sim", "failed/exec live / sim", "  gap", "what explains the gap");
        assertThat(text).containsPattern("reactive +1\\.000 / ");
    }
}
