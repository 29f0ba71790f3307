package io.edgeoff.prediction.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The node list of 'edgeoff trace nodes': every node with its reliability, or one system's. */
class NodeSummaryTest {
    private static final FailureTrace TRACE = SyntheticTraces.defaultTrace();

    @Test
    void listsEveryNodeOrOneSystemsWithTheReliabilityOfItsOwnOutages() {
        var all = NodeSummary.of(TRACE, OptionalInt.empty());
        var system16 = NodeSummary.of(TRACE, OptionalInt.of(16));

        assertThat(all).hasSize(TRACE.failureCounts().size());
        assertThat(system16).isNotEmpty().allSatisfy(n -> {
            assertThat(n.entry().nodeId().system()).isEqualTo(16);
            assertThat(n.reliability()).isEqualTo(NodeReliability.of(n.entry().nodeId(),
                    TRACE.outagesOf(n.entry().nodeId())));
        });
    }

    @Test
    void aSystemNotInTheTraceIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> NodeSummary.of(TRACE, OptionalInt.of(999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("system 999 is not in trace")
                .hasMessageContaining("systems: [");
    }
}
