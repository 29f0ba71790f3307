package io.edgeoff.prediction.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeReliabilityTest {
    @Test
    void computesMtbfMttrAndTheSeedsMtbfByHand() {
        NodeId n = new NodeId(7, 0);
        // failures at day 0, day 4 and day 10 (10 days = 240 h apart), repairs of 1 h, 2 h, 3 h
        List<Outage> outages = List.of(
                new Outage(n, Instant.parse("2001-01-01T00:00:00Z"), Duration.ofHours(1)),
                new Outage(n, Instant.parse("2001-01-05T00:00:00Z"), Duration.ofHours(2)),
                new Outage(n, Instant.parse("2001-01-11T00:00:00Z"), Duration.ofHours(3)));

        NodeReliability r = NodeReliability.of(n, outages);

        assertThat(r.failures()).isEqualTo(3);
        assertThat(r.mtbfHours()).isCloseTo(120.0, within(1e-9));
        assertThat(r.seedMtbfHours()).isCloseTo(80.0, within(1e-9));
        assertThat(r.mttrHours()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void mtbfIsInfiniteUntilAnIntervalBetweenTwoFailuresHasBeenObserved() {
        assertThat(NodeReliability.mtbfHours(0, Duration.ZERO)).isInfinite();
        assertThat(NodeReliability.mtbfHours(1, Duration.ZERO)).isInfinite();
        assertThat(NodeReliability.mtbfHours(2, Duration.ofHours(30))).isCloseTo(30.0, within(1e-12));
        assertThat(NodeReliability.mtbfHours(4, Duration.ofHours(30))).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void aSingleFailureGivesAnInfiniteMtbfInBothDefinitions() {
        NodeId n = new NodeId(7, 0);

        NodeReliability r = NodeReliability.of(n, List.of(new Outage(n, Instant.parse("2001-01-01T00:00:00Z"),
                Duration.ofHours(1))));

        assertThat(r.mtbfHours()).isInfinite();
        assertThat(r.seedMtbfHours()).isInfinite();
    }

    @Test
    void theSeedsMtbfOfFailuresWithinOneDayIsInfiniteRatherThanZero() {
        assertThat(NodeReliability.seedMtbfHours(3, Duration.ofHours(20))).isInfinite();
        assertThat(NodeReliability.seedMtbfHours(3, Duration.ofHours(49))).isCloseTo(16.0, within(1e-12));
    }
}
