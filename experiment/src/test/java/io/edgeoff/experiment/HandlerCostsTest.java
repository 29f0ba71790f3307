package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.HandlerTiming;
import io.edgeoff.device.runtime.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerCostsTest {
    private static TaskOutcome task(int execution, List<Attempt> attempts) {
        return new TaskOutcome("r", "mdp", execution, "FACEBOOK", 1, "GET_TOKEN", 1, "ED", true, attempts, 0.2, 0.1);
    }

    @Test
    void predictedAgainstMeasuredPerSiteAndPooledWithTheErrorAfterTwentyExecutionsOfEachSite() {
        List<ExecutionResult> results = new ArrayList<>();
        for (int e = 0; e < 25; e++) {
            double measured = e < 20 ? 0.08 : 0.1; // predicted 0.1: error 25 % while learning, then 0
            Attempt failed = new Attempt(2, "EC", FailureKind.TIMEOUT, "late", 1, 0.1);
            Attempt ed = new Attempt(1, "ED", null, "", 0.2, 0.1).timed(new HandlerTiming("facebook", 1000, 0.1,
                    measured));
            Attempt md = new Attempt(0, "MD", null, "", 0.2, 0.1).timed(new HandlerTiming("facebook", 1000, 0.3,
                    0.2));
            results.add(new ExecutionResult("r", "mdp", e, "FACEBOOK", 1, 1,
                    List.of(task(e, List.of(failed, ed)), task(e, List.of(md)))));
        }

        List<HandlerCosts.Row> rows = HandlerCosts.rows(results);

        assertThat(rows).extracting(HandlerCosts.Row::site).containsExactly("ED", "MD", "all");
        HandlerCosts.Row ed = rows.get(0);
        assertThat(ed.executions()).isEqualTo(25);
        assertThat(ed.meanMeasuredSeconds()).isCloseTo((20 * 0.08 + 5 * 0.1) / 25, within(1e-12));
        assertThat(ed.meanError()).isCloseTo(20 * 0.25 / 25, within(1e-12));
        assertThat(ed.errorAfterLearning()).isCloseTo(0, within(1e-12));
        assertThat(ed.countedAfterLearning()).isEqualTo(5);
        HandlerCosts.Row all = rows.get(2);
        assertThat(all.executions()).isEqualTo(50);
        assertThat(all.errorAfterLearning()).isCloseTo(5 * 0.5 / 10, within(1e-12));
        assertThat(HandlerCosts.text(rows)).contains("facebook").contains("25% (10)");
        assertThat(HandlerCosts.csv(rows)).startsWith(HandlerCosts.HEADER + "\nfacebook,ED,25,");
    }

    @Test
    void aRunOfSyntheticTasksPrintsNoHandlerTable() {
        List<ExecutionResult> results = List.of(new ExecutionResult("r", "mdp", 0, "CHESS", 1, 1,
                List.of(task(0, List.of(new Attempt(1, "ED", null, "", 0.2, 0.1))))));

        assertThat(HandlerCosts.rows(results)).isEmpty();
        assertThat(HandlerCosts.text(HandlerCosts.rows(results))).isEmpty();
        assertThat(HandlerCosts.html(HandlerCosts.rows(results))).isEmpty();
    }

    @Test
    void aComparisonRunsTheBuiltInHandlersUnlessAskedForSyntheticTasks() {
        io.edgeoff.common.scenario.Scenario seed = io.edgeoff.common.scenario.ScenarioYaml.load("seed");
        LiveComparison.Setup handlers = new LiveComparison.Setup(seed, List.of(), List.of("mdp"), 1, 1, false,
                io.edgeoff.common.detection.DetectorConfig.ofDefaults(),
                io.edgeoff.device.runtime.RuntimeConfig.ofDefaults(), "r", 0);
        LiveComparison.Setup synthetic = new LiveComparison.Setup(seed, List.of(), List.of("mdp"), 1, 1, false,
                io.edgeoff.common.detection.DetectorConfig.ofDefaults(),
                io.edgeoff.device.runtime.RuntimeConfig.ofDefaults(), "r", 0, true);

        assertThat(handlers.binding().of(seed.application("CHESS"), 2)).isPresent();
        assertThat(synthetic.binding().synthetic()).isTrue();
        assertThat(new Demo.Spec(List.of("mdp"), 1, 1, null, 1, 360, java.nio.file.Path.of("out"), null, null, true)
                .syntheticTasks()).isFalse();
    }
}
