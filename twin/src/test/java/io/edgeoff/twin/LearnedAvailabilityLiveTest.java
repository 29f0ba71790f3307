package io.edgeoff.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.device.workload.MixedWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 2: the device learns from what it sees. One of four real sites on loopback (the one {@code mdp}
 * prefers, ED) is healthy to every heartbeat and poll and forecasts availability 1.0 for itself, but refuses every
 * task (its catalogue holds none of the workload's task kinds: a 4xx, which is no evidence of a crash, so the
 * failure detector never suspects it). The device's belief combines the forecast with the refusals it meets, and
 * {@code mdp} stops sending work there after the first few; without learning it keeps trying. The belief is kept per
 * run: another run (another policy compared on the same device) meets the refusals itself.
 */
class LearnedAvailabilityLiveTest {
    private static final long SEED = 14;
    private static final String LIAR = "ED";
    private static final int EXECUTIONS = 12;

    @TempDir
    Path dir;

    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel costModel = seed.costModel(seed.network(new SplittableRandom(SEED)));
    private final PolicySpec mdp = Policies.spec("mdp");
    private final List<AppInstance> apps = new MixedWorkload(seed, SEED).take(EXECUTIONS);
    /** ED runs only the warm-up kind: every task of the workload is refused (422/400), while ED stays healthy. */
    private final Map<String, List<String>> liar = Map.of(LIAR, List.of("WARMUP"));

    @Test
    void aSiteThatClaimsFullAvailabilityButRefusesEveryTaskIsAvoidedAfterTheFirstFailures() throws Exception {
        try (LiveDevice device = new LiveDevice(seed, costModel, dir.resolve("learning"), liar, false,
                RuntimeConfig.ofDefaults())) {
            device.warmUp();
            device.poll(3);
            double forecast = device.client.availability(device.endpoint(LIAR), 1, Duration.ofSeconds(5))
                    .orElseThrow().nextSlot();

            List<Attempt> firstHalf = device.run("learning", apps.subList(0, EXECUTIONS / 2), 0, mdp, SEED);
            List<Attempt> secondHalf = device.run("learning", apps.subList(EXECUTIONS / 2, EXECUTIONS),
                    EXECUTIONS / 2, mdp, SEED);
            // what each run believes of the liar: learnt from its own attempts only (a state, not a placement, so
            // it does not depend on how loaded the machine is)
            double learnt = device.runtime.believedAvailability("learning", LIAR, forecast);
            double another = device.runtime.believedAvailability("another-policy", LIAR, forecast);

            System.out.printf("learning: attempts on %s first half %d, second half %d%n", LIAR, onLiar(firstHalf).size(),
                    onLiar(secondHalf).size());
            assertThat(forecast).as("the liar's own forecast").isEqualTo(1.0);
            assertThat(device.detector.isSuspected(LIAR)).as("suspected").isFalse();
            assertThat(onLiar(firstHalf)).as("attempts on %s in the first half", LIAR).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.failure()).isEqualTo(FailureKind.REJECTED));
            assertThat(onLiar(firstHalf).size()).as("failures before %s is avoided", LIAR).isLessThanOrEqualTo(8);
            assertThat(onLiar(secondHalf)).as("attempts on %s in the second half", LIAR).hasSizeLessThanOrEqualTo(1);
            assertThat(learnt).as("the learning run's belief in %s after its refusals", LIAR).isLessThan(forecast);
            assertThat(another).as("another run learns from its own attempts, not this run's").isEqualTo(forecast);
        }
    }

    @Test
    void withoutLearningTheDeviceKeepsSendingWorkToTheSite() throws Exception {
        RuntimeConfig noLearning = new RuntimeConfig(8, io.edgeoff.decision.placement.PlacementRules.ofDefaults(),
                true, true, false);
        try (LiveDevice device = new LiveDevice(seed, costModel, dir.resolve("control"), liar, false, noLearning)) {
            device.warmUp();
            device.poll(3);

            device.run("control", apps.subList(0, EXECUTIONS / 2), 0, mdp, SEED);
            List<Attempt> secondHalf = device.run("control", apps.subList(EXECUTIONS / 2, EXECUTIONS),
                    EXECUTIONS / 2, mdp, SEED);

            System.out.printf("no learning: attempts on %s second half %d%n", LIAR, onLiar(secondHalf).size());
            assertThat(onLiar(secondHalf).size()).as("attempts on %s in the second half", LIAR)
                    .isGreaterThanOrEqualTo(5);
        }
    }

    private static List<Attempt> onLiar(List<Attempt> attempts) {
        return attempts.stream().filter(a -> a.siteId().equals(LIAR)).toList();
    }
}
