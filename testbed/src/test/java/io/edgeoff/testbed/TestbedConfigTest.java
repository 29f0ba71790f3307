package io.edgeoff.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.scenario.ScenarioYaml;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestbedConfigTest {
    @Test
    void acceptsTheSeedAndAScenarioWithDevices() {
        assertThat(TestbedConfig.of(ScenarioYaml.load("seed"), 1, Path.of("target")).scenario().name())
                .isEqualTo("seed");
        assertThat(TestbedConfig.of(ScenarioYaml.load("campus-3-devices"), 1, Path.of("target")).scenario().fleet()
                .devices()).hasSize(3);
    }
}
