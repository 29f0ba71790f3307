package io.edgeoff.site.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureHistoryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static FailureRecord record(long seq, long secondsAfterT0, FailureEventType type, String detail) {
        return new FailureRecord(seq, T0.plusSeconds(secondsAfterT0), type, detail);
    }

    @Test
    void outagesAndUncleanShutdownsBecomeDownIntervalsAndSlotAvailability() {
        List<FailureRecord> records = List.of(
                record(1, 0, FailureEventType.SITE_STARTED, "site=EC"),
                record(2, 10, FailureEventType.OUTAGE_STARTED, "mode=error"),
                record(3, 15, FailureEventType.OUTAGE_ENDED, "mode=error"),
                record(4, 30, FailureEventType.UNCLEAN_SHUTDOWN,
                        "downSinceEpochMillis=" + T0.plusSeconds(25).toEpochMilli()),
                record(5, 30, FailureEventType.SITE_STARTED, "site=EC"));

        FailureHistory history = FailureHistory.of(records, T0.plusSeconds(45));
        double[] availability = history.slotAvailability(T0, Duration.ofSeconds(20), T0.plusSeconds(45));

        assertThat(history.downIntervals()).containsExactly(
                new DownInterval(T0.plusSeconds(10), T0.plusSeconds(15)),
                new DownInterval(T0.plusSeconds(25), T0.plusSeconds(30)));
        assertThat(history.failureStarts()).containsExactly(T0.plusSeconds(10), T0.plusSeconds(25));
        assertThat(availability).hasSize(2);
        assertThat(availability[0]).isCloseTo(0.75, within(1e-12));
        assertThat(availability[1]).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aCrashOutageLastsUntilTheRestartThatDetectedIt() {
        List<FailureRecord> records = List.of(
                record(1, 0, FailureEventType.SITE_STARTED, ""),
                record(2, 5, FailureEventType.OUTAGE_STARTED, "mode=crash"),
                record(3, 9, FailureEventType.UNCLEAN_SHUTDOWN, "downSinceEpochMillis=" + T0.plusSeconds(6).toEpochMilli()),
                record(4, 9, FailureEventType.SITE_STARTED, ""));

        FailureHistory history = FailureHistory.of(records, T0.plusSeconds(20));

        assertThat(history.downIntervals()).containsExactly(new DownInterval(T0.plusSeconds(5), T0.plusSeconds(9)));
        assertThat(history.failureStarts()).containsExactly(T0.plusSeconds(5));
    }

    @Test
    void anOutageStillInProgressLastsUntilNow() {
        List<FailureRecord> records = List.of(record(1, 0, FailureEventType.OUTAGE_STARTED, "mode=hang"));

        FailureHistory history = FailureHistory.of(records, T0.plusSeconds(7));

        assertThat(history.downIntervals()).containsExactly(new DownInterval(T0, T0.plusSeconds(7)));
    }

    @Test
    void theDownIntervalsExportAsATraceThePredictionModuleReads() {
        List<FailureRecord> records = List.of(
                record(1, 0, FailureEventType.OUTAGE_STARTED, "mode=error"),
                record(2, 90, FailureEventType.OUTAGE_ENDED, "mode=error"));
        String csv = FailureHistory.of(records, T0.plusSeconds(100)).toGenericTraceCsv(16, 1);

        var trace = new io.edgeoff.prediction.trace.GenericTraceReader().read(new java.io.StringReader(csv), "site");

        var node = new io.edgeoff.prediction.trace.NodeId(16, 1);
        assertThat(trace.outagesOf(node)).containsExactly(
                new io.edgeoff.prediction.trace.Outage(node, T0, Duration.ofSeconds(90)));
    }
}
