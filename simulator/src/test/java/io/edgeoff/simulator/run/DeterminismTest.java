package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.report.SummaryJson;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterminismTest {
    private final ExperimentRunner runner = Fixtures.runner(Fixtures.uniform(Fixtures.randomSeries(4, 300)));

    private String summary(ExperimentSpec spec) {
        return SummaryJson.toJson(SummaryJson.summary(runner.run(spec)));
    }

    @ParameterizedTest
    @EnumSource(FailureMode.class)
    void sameSeedGivesTheSameSummaryByteForByteWhateverTheThreads(FailureMode mode) {
        ExperimentSpec spec = ExperimentSpec.of(Fixtures.seedScenario(), List.of(1, 3),
                List.of("first-remote", "first-remote-efpo"), 6, 15, 42).toBuilder().failureMode(mode).build();

        String one = summary(spec.toBuilder().threads(1).build());
        String two = summary(spec.toBuilder().threads(3).build());

        assertThat(two).isEqualTo(one);
        assertThat(summary(spec.toBuilder().seed(43).build())).isNotEqualTo(one);
    }
}
