package io.edgeoff.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureTimelineTest {
    private static final NodeId N = new NodeId(3, 7);
    private static final Instant T0 = Instant.parse("2004-06-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5725})
    void agreesWithADirectComputationAtEveryMoment(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Outage> outages = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // unsorted, some overlapping
            outages.add(new Outage(N, T0.plusSeconds(random.nextLong(100 * 86_400L)),
                    Duration.ofMinutes(random.nextLong(3 * 24 * 60))));
        }
        FailureTimeline timeline = FailureTimeline.of(N, outages);

        for (int k = 0; k < 200; k++) {
            Instant now = T0.plusSeconds(random.nextLong(-86_400L, 110 * 86_400L));
            Reliability r = timeline.at(now);

            List<Outage> past = outages.stream().filter(o -> o.start().isBefore(now)).toList();
            assertThat(r.failures()).isEqualTo(past.size());
            if (past.size() < 2) {
                assertThat(r.mtbfHours()).isInfinite();
                assertThat(r.failureRatePerSecond()).isZero();
            } else {
                Instant first = past.stream().map(Outage::start).min(Instant::compareTo).orElseThrow();
                Instant last = past.stream().map(Outage::start).max(Instant::compareTo).orElseThrow();
                double expected = Duration.between(first, last).toSeconds() / 3600.0 / (past.size() - 1);
                assertThat(r.mtbfHours()).isCloseTo(expected, within(1e-9));
            }
            if (past.isEmpty()) {
                assertThat(r.hoursSinceLastFailure()).isInfinite();
            } else {
                Instant last = past.stream().map(Outage::start).max(Instant::compareTo).orElseThrow();
                assertThat(r.hoursSinceLastFailure()).isCloseTo(Duration.between(last, now).toSeconds() / 3600.0,
                        within(1e-9));
            }
            assertThat(r.down()).isEqualTo(past.stream().anyMatch(o -> o.end().isAfter(now)));
        }
    }

    @Test
    void aNodeThatNeverFailedIsNeverFailedAtAnyMoment() {
        FailureTimeline timeline = FailureTimeline.of(N, List.of());

        assertThat(timeline.at(T0)).isEqualTo(Reliability.neverFailed());
    }

    @Test
    void oneFailureGivesATimeSinceItButNoMtbf() {
        FailureTimeline timeline = FailureTimeline.of(N, List.of(new Outage(N, T0, Duration.ofHours(1))));

        Reliability r = timeline.at(T0.plus(Duration.ofHours(5)));

        assertThat(r.mtbfHours()).isInfinite();
        assertThat(r.hoursSinceLastFailure()).isCloseTo(5.0, within(1e-12));
        assertThat(r.down()).isFalse();
    }

    @Test
    void refusesAnotherNodesOutage() {
        List<Outage> outages = List.of(new Outage(new NodeId(1, 1), T0, Duration.ofHours(1)));

        assertThatThrownBy(() -> FailureTimeline.of(N, outages)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("given for node");
    }
}
