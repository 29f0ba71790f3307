package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SamplingSimulationTest {
    private final Scenario scenario = Fixtures.seedScenario();
    private final ExperimentRunner runner = Fixtures.runner(Fixtures.uniform(
            Fixtures.randomSeries(9, 400)));

    @Test
    void localPolicyResponseTimeIsTheSumOfEpochMaximaOfMiOverDeviceMips() {
        ExperimentSpec spec = ExperimentSpec.of(scenario, List.of(2), List.of("local"), 3, 25, 77);

        ExperimentResult result = runner.run(spec);

        for (SamplingMetrics m : result.samplings()) {
            RandomGenerator workload = Seeds.stream(77, "workload", 2, m.sampling());
            double expectedTime = 0;
            double expectedEnergy = 0;
            long expectedTasks = 0;
            for (int e = 0; e < 25; e++) {
                Application app = scenario.application(scenario.workload().draw(workload));
                AppInstance instance = AppInstance.draw(app, workload);
                for (int[] epoch : app.epochs()) {
                    double slowest = 0;
                    for (int task : epoch) {
                        double seconds = instance.task(task).millionInstructions() / 1000.0;
                        slowest = Math.max(slowest, seconds);
                        expectedEnergy += 0.9 * seconds;
                        expectedTasks++;
                    }
                    expectedTime += slowest;
                }
            }
            assertThat(m.responseTimeSeconds()).isCloseTo(expectedTime, within(1e-9));
            assertThat(m.energyJoules()).isCloseTo(expectedEnergy, within(1e-9));
            assertThat(m.batteryPercent()).isCloseTo(100 * (1 - expectedEnergy / 34_200), within(1e-9));
            assertThat(m.tasks()).isEqualTo(expectedTasks);
            assertThat(m.tasksOn(0)).isEqualTo(expectedTasks);
            assertThat(m.failures()).isZero();
            assertThat(m.offloadAttempts()).isZero();
            assertThat(m.serviceAvailability()).isEqualTo(100.0);
        }
    }

    @Test
    void everyOffloadFailsOnSitesThatAreAlwaysDownAndTheTaskEndsOnTheDevice() {
        ExperimentRunner downRunner = Fixtures.runner(Fixtures.uniform(0.0, 0.0, 0.0));
        ExperimentSpec spec = ExperimentSpec.of(scenario, List.of(1), List.of("first-remote", "first-remote-efpo"),
                2, 10, 5);

        ExperimentResult result = downRunner.run(spec);

        for (SamplingMetrics m : result.samplings()) {
            long offloadable = m.tasks() - countNotOffloadable(m.sampling(), 5, 1, 10);
            int remoteSites = 4;
            long expectedFailures = m.policy().equals("first-remote") ? offloadable * remoteSites : offloadable;
            assertThat(m.failures()).as(m.policy()).isEqualTo(expectedFailures);
            assertThat(m.serviceAvailability()).isZero();
            assertThat(m.tasksOn(0)).isEqualTo(m.tasks());
            assertThat(m.failuresOn(1)).as("ED, the first remote site, is tried for every offloadable task")
                    .isEqualTo(offloadable);
        }
    }

    @Test
    void aFailedAttemptCostsTheDetectionTimeAndItsEnergy() {
        ExperimentRunner downRunner = Fixtures.runner(Fixtures.uniform(0.0));
        ExperimentSpec spec = ExperimentSpec.of(scenario, List.of(1), List.of("local", "first-remote-efpo"), 1, 10, 5);

        ExperimentResult result = downRunner.run(spec);

        SamplingMetrics local = result.samplings().get(0);
        SamplingMetrics efpo = result.samplings().get(1);
        assertThat(efpo.failures()).isPositive();
        // every failed attempt starts from the device here (offloadable tasks follow device tasks or failed ones)
        // so the extra energy is exactly failures x 1.3 W x 1.5 s
        assertThat(efpo.energyJoules() - local.energyJoules()).isCloseTo(efpo.failures() * 1.95, within(1e-6));
        assertThat(efpo.responseTimeSeconds()).isGreaterThan(local.responseTimeSeconds());
    }

    @Test
    void aPolicyThatSeesTheActualStateNeverFails() {
        ExperimentSpec spec = ExperimentSpec.of(scenario, List.of(1, 2), List.of("up-only", "first-remote"), 4, 20, 3);

        ExperimentResult seedMode = runner.run(spec);
        ExperimentResult timeMode = runner.run(spec.toBuilder().failureMode(io.edgeoff.simulator.failure.FailureMode.TIME).build());

        assertThat(seedMode.summary("up-only").failures().mean()).isZero();
        assertThat(seedMode.summary("first-remote").failures().mean()).isPositive();
        assertThat(timeMode.summary("first-remote").failures().mean()).isPositive();
        assertThat(timeMode.summary("up-only").failures().mean())
                .as("in time mode an outage can still start while a task runs")
                .isLessThan(timeMode.summary("first-remote").failures().mean());
    }

    private long countNotOffloadable(int sampling, long seed, int config, int executions) {
        RandomGenerator workload = Seeds.stream(seed, "workload", config, sampling);
        long count = 0;
        for (int e = 0; e < executions; e++) {
            Application app = scenario.application(scenario.workload().draw(workload));
            AppInstance instance = AppInstance.draw(app, workload);
            count += instance.tasks().stream().filter(t -> !t.offloadable()).count();
        }
        return count;
    }
}
