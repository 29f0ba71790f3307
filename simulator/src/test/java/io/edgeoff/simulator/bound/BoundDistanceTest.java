package io.edgeoff.simulator.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BoundDistanceTest {

    @ParameterizedTest
    @EnumSource(FailureMode.class)
    void theGapIsThePairedDifferenceToTheBoundPerSampling(FailureMode mode) {
        ExperimentSpec spec = ExperimentSpec.of(Fixtures.seedScenario(), List.of(1, 2), List.of("local", "clairvoyant",
                "greedy"), 5, 10, 3).toBuilder().failureMode(mode).build();
        ExperimentResult result = new ExperimentRunner(Fixtures.uniform(Fixtures.randomSeries(7, 60))).run(spec);

        List<BoundDistance> distances = BoundDistance.of(result);

        assertThat(distances).extracting(BoundDistance::policy).containsExactly("local", "greedy");
        List<SamplingMetrics> local = result.samplings().stream().filter(m -> m.policy().equals("local")).toList();
        List<SamplingMetrics> bound = result.samplings().stream().filter(m -> m.policy().equals("clairvoyant"))
                .toList();
        double gapSum = 0;
        double boundSum = 0;
        for (int i = 0; i < local.size(); i++) {
            assertThat(local.get(i).sampling()).isEqualTo(bound.get(i).sampling());
            gapSum += local.get(i).responseTimeSeconds() - bound.get(i).responseTimeSeconds();
            boundSum += bound.get(i).responseTimeSeconds();
        }
        BoundDistance localGap = distances.get(0);
        assertThat(localGap.gapSeconds().n()).isEqualTo(10);
        assertThat(localGap.gapSeconds().mean()).isCloseTo(gapSum / 10, offset(1e-9));
        assertThat(localGap.gapPercent()).isCloseTo(100 * gapSum / boundSum, offset(1e-9));
        assertThat(distances).allSatisfy(d -> assertThat(d.smallestSeconds()).isGreaterThanOrEqualTo(-1e-9));
    }

    @org.junit.jupiter.api.Test
    void withoutTheBoundThereIsNoDistance() {
        ExperimentSpec spec = ExperimentSpec.of(Fixtures.seedScenario(), List.of(1), List.of("local"), 1, 2, 3);

        assertThat(BoundDistance.of(new ExperimentRunner(Fixtures.uniform(1, 0.5)).run(spec))).isEmpty();
    }
}
