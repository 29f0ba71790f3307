package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.metrics.CellMetrics;
import io.edgeoff.simulator.metrics.DeviceMetrics;
import io.edgeoff.simulator.metrics.FleetBreakdown;
import io.edgeoff.simulator.report.SummaryJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several devices of a scenario, and a device that moves between cells, in the simulator. */
class FleetSimulationTest {
    private static final String SEED = ScenarioYaml.write(Fixtures.seedScenario());
    private final ExperimentRunner testPolicies = Fixtures.runner(Fixtures.uniform(1.0, 1.0, 1.0));
    private final ExperimentRunner products = new ExperimentRunner(Policies.registry(),
            Fixtures.uniform(1.0, 1.0, 1.0), PlacementRules.ofDefaults());

    private static Scenario scenario(String fleet) {
        return ScenarioYaml.parse(SEED.replace("cores: 4", "cores: 1").replace("cores: 16", "cores: 1") + fleet,
                "test");
    }

    private static FleetResult run(ExperimentRunner runner, Scenario scenario, String policy, long seed) {
        return runner.runDetailed(ExperimentSpec.of(scenario, List.of(1), List.of(policy), 3, 15, seed).toBuilder()
                .failureMode(FailureMode.TIME).threads(1).build(), done -> { });
    }

    private static DeviceMetrics device(FleetBreakdown b, String id) {
        return b.devices().stream().filter(d -> d.device().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void twoDevicesOnOneSingleCoreSiteWaitLongerThanOneAlone() {
        Scenario alone = scenario("devices:\n  - id: a\n");
        Scenario pair = scenario("devices:\n  - id: a\n  - id: b\n");

        FleetResult one = run(testPolicies, alone, "first-remote", 5);
        FleetResult two = run(testPolicies, pair, "first-remote", 5);

        for (int i = 0; i < one.breakdowns().size(); i++) {
            DeviceMetrics solo = device(one.breakdowns().get(i), "a");
            DeviceMetrics shared = device(two.breakdowns().get(i), "a");
            assertThat(shared.tasks()).as("the same work (device a's workload stream)").isEqualTo(solo.tasks());
            assertThat(shared.responseTimeSeconds()).as("queueing behind device b").isGreaterThan(
                    solo.responseTimeSeconds());
            assertThat(shared.energyJoules()).as("idle while its task waits").isGreaterThan(solo.energyJoules());
        }
    }

    @Test
    void aScenarioOfPlainDevicesIsTheDevicesFlag() {
        Scenario declared = scenario("devices:\n  - id: a\n  - id: b\n  - id: c\n");
        Scenario plain = scenario("");

        ExperimentResult fromScenario = run(testPolicies, declared, "first-remote", 9).result();
        ExperimentResult fromFlag = testPolicies.run(ExperimentSpec.of(plain, List.of(1), List.of("first-remote"), 3,
                15, 9).toBuilder().failureMode(FailureMode.TIME).threads(1).devices(3).build());

        assertThat(fromScenario.samplings()).isEqualTo(fromFlag.samplings());
    }

    private static final String MOVING = """
            cells:
              - id: NEAR
                links:
                  ED: {latencyMillis: 5, bandwidthKBps: 50000}
              - id: FAR
                links:
                  ED: {latencyMillis: 2000, bandwidthKBps: 10}
            mobility:
              handover: RULE
            devices:
              - id: walker
                links:
                  EC: {latencyMillis: 2000, bandwidthKBps: 10}
                  ER: {latencyMillis: 2000, bandwidthKBps: 10}
                  CD: {latencyMillis: 2000, bandwidthKBps: 10}
                cells:
                  schedule:
                    - {atSeconds: 0, cell: NEAR}
                    - {atSeconds: 3, cell: FAR}
                  repeatEverySeconds: 6
            """;

    private static Scenario moving(String rule) {
        return scenario(MOVING.replace("RULE", rule));
    }

    @Test
    void anOffloadInFlightAtAHandoverFailsAndIsDecidedAgainUnderFailAndRedecide() {
        FleetResult result = run(testPolicies, moving("fail-and-redecide"), "first-remote", 2);

        for (FleetBreakdown b : result.breakdowns()) {
            DeviceMetrics walker = device(b, "walker");
            assertThat(walker.handovers()).isPositive();
            assertThat(walker.handoverInterruptions()).isPositive();
            assertThat(walker.failures()).as("every site is up: only handovers fail")
                    .isEqualTo(walker.handoverInterruptions());
            assertThat(b.cells()).allSatisfy(c -> assertThat(c.finishedOverOldPath()).isZero());
        }
        assertThat(result.result().samplings()).allSatisfy(m -> assertThat(m.failures()).isPositive());
    }

    @Test
    void anOffloadInFlightAtAHandoverFinishesOverTheOldPathUnderFinishOldPath() {
        FleetResult result = run(testPolicies, moving("finish-old-path"), "first-remote", 2);

        for (FleetBreakdown b : result.breakdowns()) {
            DeviceMetrics walker = device(b, "walker");
            assertThat(walker.handovers()).isPositive();
            assertThat(walker.handoverInterruptions()).isZero();
            assertThat(walker.failures()).isZero();
            assertThat(b.cells().stream().mapToLong(CellMetrics::finishedOverOldPath).sum()).isPositive();
        }
    }

    @Test
    void theDecisionPlansWithTheLinksOfTheCellTheDeviceIsIn() {
        FleetResult result = run(products, moving("finish-old-path"), "greedy", 4);

        for (FleetBreakdown b : result.breakdowns()) {
            CellMetrics near = b.cells().stream().filter(c -> c.cell().equals("NEAR")).findFirst().orElseThrow();
            CellMetrics far = b.cells().stream().filter(c -> c.cell().equals("FAR")).findFirst().orElseThrow();
            assertThat(near.offloadedTasks()).as("ED is one fast hop away").isPositive();
            assertThat(far.offloadedTasks()).as("every link is 2 s and 10 KB/s away from NEAR").isZero();
        }
    }

    @Test
    void theSameSeedGivesTheSameResultsPerDeviceAndCellWhateverTheThreads() {
        Scenario commuter = ScenarioYaml.load("commuter-3-hotspots");
        ExperimentSpec spec = ExperimentSpec.of(commuter, List.of(1, 2), List.of("mdp", "greedy"), 4, 20, 11);

        FleetResult one = products.runDetailed(spec.toBuilder().threads(1).build(), done -> { });
        FleetResult three = products.runDetailed(spec.toBuilder().threads(3).build(), done -> { });
        FleetResult other = products.runDetailed(spec.toBuilder().seed(12).build(), done -> { });

        assertThat(three.breakdowns()).isEqualTo(one.breakdowns());
        assertThat(SummaryJson.toJson(SummaryJson.summary(three.result())))
                .isEqualTo(SummaryJson.toJson(SummaryJson.summary(one.result())));
        assertThat(other.breakdowns()).isNotEqualTo(one.breakdowns());
    }

    @Test
    void refusesTheDevicesFlagForAScenarioThatDeclaresItsDevicesAndNamesTheTimeModeForSeveral() {
        Scenario campus = ScenarioYaml.load("campus-3-devices");
        ExperimentSpec spec = ExperimentSpec.of(campus, List.of(1), List.of("local"), 1, 1, 1);

        assertThatThrownBy(() -> spec.toBuilder().failureMode(FailureMode.TIME).devices(2).build())
                .hasMessage("scenario campus-3-devices declares its devices (3); --devices 2 applies only to a "
                        + "scenario without a devices: section");
        assertThatThrownBy(spec.toBuilder().failureMode(FailureMode.SEED)::build)
                .hasMessageContaining("--failure-mode time");
    }

    @Test
    void theClairvoyantBoundPlansWithOneDevicesOwnLinksRunsOnAMovingOneAndRefusesSeveralDeclaredDevices() {
        FleetResult moving = run(products, moving("fail-and-redecide"), "clairvoyant", 3);

        for (FleetBreakdown b : moving.breakdowns()) {
            DeviceMetrics walker = device(b, "walker");
            assertThat(walker.executions()).isEqualTo(15);
            assertThat(walker.handovers()).isPositive();
            assertThat(b.cells()).extracting(CellMetrics::cell).contains("NEAR");
            assertThat(b.cells().stream().mapToLong(CellMetrics::tasks).sum()).isEqualTo(walker.tasks());
        }
        Scenario ownLinks = scenario("""
                devices:
                  - id: still
                    links:
                      ED: {latencyMillis: 400, bandwidthKBps: 200}
                      EC: {latencyMillis: 2, bandwidthKBps: 20000}
                """);
        List<String> policies = List.of("clairvoyant", "mdp", "greedy", "local");
        ExperimentResult fixed = products.runDetailed(ExperimentSpec.of(ownLinks, List.of(1), policies, 3, 15, 3)
                .toBuilder().failureMode(FailureMode.TIME).threads(1).build(), done -> { }).result();
        for (int s = 0; s < 3; s++) {
            double bound = fixed.samplings().get(s).responseTimeSeconds();
            for (int p = 1; p < policies.size(); p++) {
                assertThat(fixed.samplings().get(p * 3 + s).responseTimeSeconds())
                        .as("the bound plans with the declared device's own links: %s, sampling %d", policies.get(p), s)
                        .isGreaterThanOrEqualTo(bound - 1e-9);
            }
        }
        assertThatThrownBy(() -> run(products, scenario("devices:\n  - id: a\n  - id: b\n"), "clairvoyant", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy clairvoyant plans without the sites' queues, so it is no bound with several "
                        + "devices; the scenario declares 2 under devices:");
    }
}
