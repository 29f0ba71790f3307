package io.edgeoff.prediction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    @Test
    void theMedianOfAnEvenCountAveragesTheMiddleTwoAndIgnoresNaN() {
        assertThat(Comparison.median(new double[] {4, 1, Double.NaN, 3, 2})).isEqualTo(2.5);
        assertThat(Comparison.median(new double[] {Double.NaN})).isNaN();
    }

    @Test
    void comparesModelsOnEveryNodeAndRanksThemByBrier() {
        List<NodeId> nodes = List.of(new NodeId(16, 1), new NodeId(20, 48), new NodeId(8, 1));
        FailureTrace trace = SyntheticTraces.generate(nodes, SyntheticTraces.DEFAULT_START, Duration.ofDays(400), 3,
                SyntheticTraces.LANL_FIT);

        Comparison c = Comparison.run(trace, nodes, List.of("always-up", "weibull", "last"), Protocol.WALK_FORWARD,
                Evaluator.ofDefaults(), AvailabilitySeries.DAY);

        assertThat(c.results()).hasSize(9);
        assertThat(c.rankedByBrier()).containsExactlyInAnyOrder("always-up", "weibull", "last");
        assertThat(c.rankedByBrier().get(0)).isNotEqualTo("always-up");
        assertThat(c.summaryTable()).contains("| weibull |").contains("ranked by median Brier");
    }

    @Test
    void anUnknownModelOrNodeIsRejectedBeforeAnyWork() {
        FailureTrace trace = SyntheticTraces.defaultTrace();

        assertThatThrownBy(() -> Comparison.run(trace, List.of(new NodeId(16, 1)), List.of("nope"), Protocol.RANDOM,
                Evaluator.ofDefaults(), AvailabilitySeries.DAY)).hasMessageContaining("unknown model 'nope'");
        assertThatThrownBy(() -> Comparison.run(trace, List.of(new NodeId(99, 1)), List.of("last"), Protocol.RANDOM,
                Evaluator.ofDefaults(), AvailabilitySeries.DAY)).hasMessageContaining("node 99/1 is not in trace");
    }
}
