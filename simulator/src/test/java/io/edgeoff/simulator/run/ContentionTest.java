package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentionTest {
    private final ExperimentRunner runner = Fixtures.runner(Fixtures.uniform(1.0, 1.0, 1.0));

    private static Scenario withCores(Scenario seed, int cores) {
        List<Site> sites = seed.sites().stream().map(s -> s.isRemote()
                ? new Site(s.id(), s.kind(), s.mips(), cores, s.memoryGb(), s.storageGb()) : s).toList();
        return new Scenario(seed.name(), sites, seed.links(), seed.taskKinds(), seed.applications(), seed.workload(),
                seed.devicePower(), seed.costWeights(), seed.failureDetectionSeconds(), seed.configurations());
    }

    private ExperimentResult run(Scenario scenario, int devices) {
        return runner.run(ExperimentSpec.of(scenario, List.of(1), List.of("first-remote"), 3, 20, 8)
                .toBuilder().failureMode(FailureMode.TIME).devices(devices).build());
    }

    @Test
    void devicesSharingASingleCoreWaitForEachOther() {
        Scenario oneCore = withCores(Fixtures.seedScenario(), 1);
        Scenario manyCores = withCores(Fixtures.seedScenario(), 1000);

        ExperimentResult crowded = run(oneCore, 6);
        ExperimentResult roomy = run(manyCores, 6);

        for (int i = 0; i < crowded.samplings().size(); i++) {
            SamplingMetrics c = crowded.samplings().get(i);
            SamplingMetrics r = roomy.samplings().get(i);
            assertThat(c.tasks()).as("same work").isEqualTo(r.tasks());
            assertThat(c.tasksPerSite()).as("same placement").containsExactly(r.tasksPerSite());
            assertThat(c.responseTimeSeconds()).as("queueing delays the tasks").isGreaterThan(r.responseTimeSeconds());
            assertThat(c.energyJoules()).as("the device idles while its task waits").isGreaterThan(r.energyJoules());
            assertThat(c.executions()).isEqualTo(6 * 20);
        }
    }

    @Test
    void oneDeviceNeverWaitsAndDeviceZeroKeepsTheSingleDeviceWorkload() {
        Scenario seed = Fixtures.seedScenario();

        ExperimentResult single = run(withCores(seed, 1), 1);
        ExperimentResult roomy = run(withCores(seed, 1000), 1);

        assertThat(single.samplings()).isEqualTo(roomy.samplings());
    }

    @Test
    void severalDevicesNeedTheTimeFailureMode() {
        assertThatThrownBy(() -> ExperimentSpec.of(Fixtures.seedScenario(), List.of(1), List.of("local"), 1, 1, 1)
                .toBuilder().devices(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time failure mode");
    }
}
