package io.edgeoff.prediction.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.prediction.LanlData;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Facts about the real LANL file (skipped when it is absent). */
class LanlTraceTest {
    @BeforeEach
    void needsTheLanlFile() {
        assumeTrue(LanlData.find().isPresent(), LanlData.MISSING);
    }

    @Test
    void readsEveryNodeRowAndSkipsOnlyTheSystemWideRowsOfSystem17() {
        FailureTrace trace = LanlData.trace();

        assertThat(trace.report().rowsRead()).isEqualTo(23_613);
        assertThat(trace.report().skippedByKind()).containsOnly(java.util.Map.entry("missing nodenum", 126L));
        assertThat(trace.systems()).hasSize(22);
        assertThat(trace.nodes()).hasSize(3_576);
    }

    @Test
    void countsRowsPerSystemAndFailuresPerNodeAsTheSeedDoes() {
        NodeCatalogue catalogue = NodeCatalogue.of(LanlData.trace());

        assertThat(catalogue.failuresOfSystem(2)).isEqualTo(7_104);
        assertThat(LanlData.trace().outagesOf(new NodeId(16, 1))).hasSize(560);
        assertThat(catalogue.entries()).filteredOn(e -> e.nodeId().equals(new NodeId(15, 0)))
                .singleElement().satisfies(e -> assertThat(e.category()).contains(SeedCategory.CD));
    }

    @Test
    void usesDownTimeForRowsThatCrossADaylightSavingChange() {
        // 10/31/2004 0:16 -> 2:35 on the wall clock is 139 minutes, but Down Time says 199
        Outage o = LanlData.trace().outagesOf(new NodeId(2, 3)).stream()
                .filter(x -> x.start().equals(Instant.parse("2004-10-31T00:16:00Z"))).findFirst().orElseThrow();

        assertThat(o.length()).isEqualTo(Duration.ofMinutes(199));
    }
}
