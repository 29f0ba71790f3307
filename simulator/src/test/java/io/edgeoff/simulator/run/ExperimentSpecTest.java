package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentSpecTest {
    private final ExperimentSpec spec = ExperimentSpec.of(Fixtures.seedScenario(), List.of(1, 2), List.of("local"),
            3, 4, 5);

    @Test
    void toBuilderWithoutChangesBuildsAnEqualSpec() {
        ExperimentSpec copy = spec.toBuilder().build();

        assertThat(copy).isEqualTo(spec);
    }

    @Test
    void eachBuilderValueChangesOnlyItsOwnComponent() {
        CostWeights weights = CostWeights.ofTime(0.3);

        ExperimentSpec changed = spec.toBuilder().configurations(List.of(3)).policies(List.of("local", "mdp"))
                .samplings(7).executions(8).seed(9).failureMode(FailureMode.TIME).timeCompression(60)
                .predictor("weibull").downPredictor("svr").weights(weights).threads(2).devices(3).build();

        assertThat(changed).isEqualTo(new ExperimentSpec(spec.scenario(), List.of(3), List.of("local", "mdp"), 7, 8, 9,
                FailureMode.TIME, 60, "weibull", "svr", weights, 2, 3));
        assertThat(spec.toBuilder().seed(43).build()).isEqualTo(new ExperimentSpec(spec.scenario(),
                spec.configurations(), spec.policies(), 3, 4, 43, spec.failureMode(), spec.timeCompression(),
                spec.predictor(), spec.downPredictor(), spec.weights(), spec.threads(), spec.devices()));
    }

    @Test
    void buildValidatesLikeTheConstructor() {
        assertThatThrownBy(() -> spec.toBuilder().samplings(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("samplings must be >= 1, but was 0");
        assertThatThrownBy(() -> spec.toBuilder().policies(List.of("local", "local")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policies must not repeat");
        assertThatThrownBy(() -> spec.toBuilder().devices(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time failure mode");
    }

    @Test
    void valuesMayPassThroughAnInvalidCombinationBeforeBuild() {
        ExperimentSpec shared = spec.toBuilder().devices(2).failureMode(FailureMode.TIME).build();

        assertThat(shared.devices()).isEqualTo(2);
    }
}
