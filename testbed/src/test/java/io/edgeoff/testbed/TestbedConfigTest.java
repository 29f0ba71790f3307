package io.edgeoff.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.ScenarioYaml;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestbedConfigTest {
    @Test
    void refusesAScenarioWithDevicesOrCellsWhichItDoesNotBuildYet() {
        assertThatThrownBy(() -> TestbedConfig.of(ScenarioYaml.load("campus-3-devices"), 1, Path.of("target")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenario campus-3-devices declares devices, cells or mobility, which the test-bed does not "
                        + "build yet (one device namespace); edgeoff simulate runs them");
        assertThat(TestbedConfig.of(ScenarioYaml.load("seed"), 1, Path.of("target")).scenario().name())
                .isEqualTo("seed");
    }
}
