package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.simulator.failure.FailureMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulate command's settings checked against the scenario and turned into an experiment. */
class SimulationSettingsTest {
    private static final Scenario SEED = ScenarioYaml.load("seed");

    private static SimulationSettings settings(List<Integer> configs, int devices, String mode, Double timeWeight) {
        return new SimulationSettings(configs, 3, 4, 7, mode, 86400, "svr", ExperimentSpec.DEFAULT_DOWN_PREDICTOR,
                timeWeight, devices, 2);
    }

    @Test
    void allConfigurationsOfTheScenarioByDefaultAndTheGivenValuesOtherwise() {
        ExperimentSpec spec = settings(null, 2, "time", 0.25).toSpec(SEED, List.of("mdp"));

        assertThat(spec.configurations()).hasSize(SEED.configurations().size());
        assertThat(spec.samplings()).isEqualTo(3);
        assertThat(spec.failureMode()).isEqualTo(FailureMode.TIME);
        assertThat(spec.devices()).isEqualTo(2);
        assertThat(spec.threads()).isEqualTo(2);
    }

    @Test
    void aConfigurationNotInTheScenarioAWeightOutOfRangeAndSeveralDevicesInSeedModeAreNamed() {
        assertThatThrownBy(() -> settings(List.of(99), 1, "seed", null).toSpec(SEED, List.of("mdp")))
                .hasMessageStartingWith("--configs: configuration 99 is not in scenario seed");
        assertThatThrownBy(() -> settings(null, 1, "seed", 1.5).toSpec(SEED, List.of("mdp")))
                .hasMessage("--time-weight must be in [0,1], but was 1.5");
        assertThatThrownBy(() -> settings(null, 2, "seed", null).toSpec(SEED, List.of("mdp")))
                .hasMessageStartingWith("--devices 2 needs --failure-mode time");
    }
}
