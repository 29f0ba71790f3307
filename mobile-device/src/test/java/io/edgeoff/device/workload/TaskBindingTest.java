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
    void aDrawnTaskOfTheBuiltInBindingAsksItsHandlerForItsDrawnMiAsEffort() {
        TaskBinding binding = TaskBinding.builtIn();
        Application chess = seed.applications().stream().filter(a -> a.name().equals("CHESS")).findFirst().orElseThrow();

        HandlerTask drawn = binding.of(chess, 2, 612.4).orElseThrow();
        HandlerTask huge = binding.of(chess, 2, 1e12).orElseThrow();

        assertThat(drawn).isEqualTo(new HandlerTask("chess", Map.of("forward", "true", "effortMi", "612"),
                TaskBinding.BUILT_IN_ROOT_SIZES.get("chess")));
        assertThat(huge.parameters()).containsEntry("effortMi", Integer.toString(io.edgeoff.handlers.Effort.MAX_MI));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> binding.of(chess, 2, -1))
                .hasMessage("millionInstructions must be >= 0, but was -1.0");
    }

    @Test
    void aBindingWithoutItsOwnDrawnTaskRuleIgnoresTheDrawnMi() {
        TaskBinding fixed = (app, task) -> java.util.Optional.of(new HandlerTask("hello", Map.of(), 5));
        Application any = seed.applications().get(0);

        assertThat(fixed.of(any, 0, 600)).isEqualTo(fixed.of(any, 0));
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
