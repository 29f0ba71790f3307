package io.edgeoff.site.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the monitor reads the previous run's end from a damaged failure file. */
class FailureMonitorRecoveryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String SEGMENT = "failures-000001.rec";

    @TempDir
    Path dir;

    private void runCleanly() {
        try (FailureMonitor monitor = FailureMonitor.start(dir, FailureFileOptions.DEFAULTS, CLOCK, "EC")) {
            for (int i = 0; i < 20; i++) {
                monitor.record(FailureEventType.OVERLOAD, "rejected=" + i);
            }
        }
    }

    @Test
    void aCleanStopFollowedByDamageInTheMiddleIsStillACleanStopAndTheDamageIsRecordedOnce() throws IOException {
        runCleanly();
        Path segment = dir.resolve(SEGMENT);
        FailureFileDamageTest.flip(segment, Math.toIntExact(Files.size(segment) / 2));

        try (FailureMonitor second = FailureMonitor.start(dir, FailureFileOptions.DEFAULTS, CLOCK, "EC")) {
            assertThat(second.uncleanShutdown()).isEmpty();
            assertThat(second.previousRunLastRecord()).get().extracting(FailureRecord::type)
                    .isEqualTo(FailureEventType.SITE_STOPPED);
            assertThat(second.recovery().skipped()).hasSize(1);
        }
        try (FailureMonitor third = FailureMonitor.start(dir, FailureFileOptions.DEFAULTS, CLOCK, "EC")) {

            assertThat(third.uncleanShutdown()).isEmpty();
            assertThat(third.records()).filteredOn(r -> r.type() == FailureEventType.CORRUPT_RECORDS_SKIPPED)
                    .singleElement().satisfies(r -> assertThat(r.detail()).contains("segment=" + SEGMENT, "regions=1"));
            assertThat(third.records()).noneMatch(r -> r.type() == FailureEventType.UNCLEAN_SHUTDOWN
                    || r.type() == FailureEventType.TORN_RECORD_DISCARDED);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void garbageAfterACleanStopIsCutAndRecordedAndTheStopStaysClean(long seed) throws IOException {
        runCleanly();
        Files.write(dir.resolve(SEGMENT), FailureFileDamageTest.garbage(seed), StandardOpenOption.APPEND);

        try (FailureMonitor monitor = FailureMonitor.start(dir, FailureFileOptions.DEFAULTS, CLOCK, "EC")) {

            assertThat(monitor.uncleanShutdown()).isEmpty();
            assertThat(monitor.recovery().tornTailDiscarded()).isTrue();
            assertThat(monitor.records()).filteredOn(r -> r.type() == FailureEventType.TORN_RECORD_DISCARDED)
                    .hasSize(1);
        }
    }

    @Test
    void aTornLastRecordAfterAnAppendIsAnUncleanShutdown() throws IOException {
        try (FailureFile file = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            file.append(FailureEventType.SITE_STARTED, "site=EC");
            file.append(FailureEventType.OVERLOAD, "rejected=1");
        }
        Files.write(dir.resolve(SEGMENT), "3|1767225600000|OVERL".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        try (FailureMonitor monitor = FailureMonitor.start(dir, FailureFileOptions.DEFAULTS, CLOCK, "EC")) {

            assertThat(monitor.uncleanShutdown()).get().satisfies(r -> assertThat(r.detail()).contains("OVERLOAD#2"));
        }
    }
}
