package io.edgeoff.prediction.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilitySeriesTest {
    private static final NodeId N = new NodeId(16, 1);

    private static Outage outage(String start, long minutes) {
        return new Outage(N, Instant.parse(start), Duration.ofMinutes(minutes));
    }

    @Test
    void splitsAnOutageThatCrossesMidnightAcrossTheTwoDays() {
        // 23:00 -> 02:00 next day: 60 min on day 0, 120 min on day 1
        AvailabilitySeries s = AvailabilitySeries.of(N, List.of(outage("2004-03-01T23:00:00Z", 180)), AvailabilitySeries.DAY);

        assertThat(s.start()).isEqualTo(Instant.parse("2004-03-01T00:00:00Z"));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.value(0)).isCloseTo(1 - 60.0 / 1440, within(1e-12));
        assertThat(s.value(1)).isCloseTo(1 - 120.0 / 1440, within(1e-12));
    }

    @Test
    void mergesOverlappingOutagesSoDowntimeIsNotCountedTwice() {
        // 10:00-12:00 and 11:00-13:00 overlap: 3 h down, not 4 h; a third outage on day 2 sets the range
        AvailabilitySeries s = AvailabilitySeries.of(N, List.of(
                outage("2004-03-01T11:00:00Z", 120), outage("2004-03-01T10:00:00Z", 120),
                outage("2004-03-03T06:00:00Z", 144)), AvailabilitySeries.DAY);

        assertThat(s.values()).containsExactly(new double[] {1 - 180.0 / 1440, 1.0, 0.9}, within(1e-12));
        assertThat(s.outages()).hasSize(2);
        assertThat(s.outages().get(0).length()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void coversAMultiDayOutageWithZeroAvailabilityAndEndsAtTheSlotOfTheLastOutageEnd() {
        // 2 days 12 h from noon: 0.5, 0, 0, then ends at midnight of day 3 (exclusive): 3 slots
        AvailabilitySeries s = AvailabilitySeries.of(N, List.of(outage("2004-03-01T12:00:00Z", 60 * 60)),
                AvailabilitySeries.DAY);

        assertThat(s.values()).containsExactly(0.5, 0.0, 0.0);
        assertThat(s.end()).isEqualTo(Instant.parse("2004-03-04T00:00:00Z"));
    }

    @Test
    void supportsAnySlotLength() {
        AvailabilitySeries s = AvailabilitySeries.of(N, List.of(outage("2004-03-01T05:00:00Z", 120)), Duration.ofHours(6));

        assertThat(s.start()).isEqualTo(Instant.parse("2004-03-01T00:00:00Z"));
        assertThat(s.values()).containsExactly(new double[] {1 - 60.0 / 360, 1 - 60.0 / 360}, within(1e-12));
    }

    @Test
    void aZeroLengthOutageGivesOneFullyAvailableSlot() {
        AvailabilitySeries s = AvailabilitySeries.of(N, List.of(outage("2004-03-01T05:00:00Z", 0)), AvailabilitySeries.DAY);

        assertThat(s.values()).containsExactly(1.0);
    }

    @Test
    void aPrefixHidesTheFutureIncludingTheRestOfAnOutageInProgress() {
        AvailabilitySeries s = AvailabilitySeries.of(N, List.of(outage("2004-03-01T12:00:00Z", 60 * 60)),
                AvailabilitySeries.DAY);

        AvailabilitySeries p = s.prefix(1);

        assertThat(p.values()).containsExactly(0.5);
        assertThat(p.outages()).singleElement().satisfies(o -> assertThat(o.end()).isEqualTo(p.end()));
    }

    @Test
    void rejectsEmptyOutagesNonPositiveSlotsAndValuesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> AvailabilitySeries.of(N, List.of(), AvailabilitySeries.DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no outage");
        assertThatThrownBy(() -> AvailabilitySeries.of(N, List.of(outage("2004-03-01T05:00:00Z", 1)), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot length must be > 0");
        assertThatThrownBy(() -> new AvailabilitySeries(N, Instant.EPOCH, AvailabilitySeries.DAY, new double[] {1.2}, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0,1], but was 1.2");
    }

    @Test
    void parsesSlotLengths() {
        assertThat(SlotLength.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(SlotLength.parse("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(SlotLength.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(SlotLength.format(Duration.ofHours(6))).isEqualTo("6h");
        assertThatThrownBy(() -> SlotLength.parse("0d")).hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> SlotLength.parse("tomorrow")).hasMessageContaining("'tomorrow'");
    }
}
