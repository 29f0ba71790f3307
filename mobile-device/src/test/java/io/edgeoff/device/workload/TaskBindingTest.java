package io.edgeoff.device.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.handlers.BuiltInHandlers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskBindingTest {
    private final Scenario seed = ScenarioYaml.load("seed");

    @Test
    void theBuiltInBindingRunsEveryTaskOfEverySeedApplicationAsItsHandlerForwarding() {
        TaskBinding binding = TaskBinding.builtIn();

        for (Application app : seed.applications()) {
            String handler = BuiltInHandlers.handlerOf(app.name()).orElseThrow();
            for (int i = 0; i < app.size(); i++) {
                assertThat(binding.of(app, i)).as("%s task %d", app.name(), i)
                        .contains(new HandlerTask(handler, Map.of("forward", "true"),
                                TaskBinding.BUILT_IN_ROOT_SIZES.get(handler)));
            }
        }
        assertThat(binding.synthetic()).isFalse();
    }

    @Test
    void theSyntheticBindingBindsNothing() {
        for (Application app : seed.applications()) {
            for (int i = 0; i < app.size(); i++) {
                assertThat(TaskBinding.SYNTHETIC.of(app, i)).isEmpty();
            }
        }
        assertThat(TaskBinding.SYNTHETIC.synthetic()).isTrue();
    }

    @Test
    void aRootInputSizeBelowOneIsRefusedNamingTheHandler() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HandlerTask("chess", Map.of(), 0))
                .hasMessage("rootInputSize of chess must be >= 1, but was 0");
    }
}
