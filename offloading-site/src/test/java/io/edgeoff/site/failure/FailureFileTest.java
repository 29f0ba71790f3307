package io.edgeoff.site.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void recordsSurviveReopeningWithTheirSequenceTimeTypeAndDetail() {
        try (FailureFile file = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            file.append(FailureEventType.SITE_STARTED, "site=EC");
            file.append(FailureEventType.EXECUTION_FAILED, "pipes | newlines \n and % signs \r ü");
        }

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            assertThat(reopened.records()).containsExactly(
                    new FailureRecord(1, CLOCK.instant(), FailureEventType.SITE_STARTED, "site=EC"),
                    new FailureRecord(2, CLOCK.instant(), FailureEventType.EXECUTION_FAILED,
                            "pipes | newlines \n and % signs \r ü"));
            assertThat(reopened.recovery().tornTailDiscarded()).isFalse();
            assertThat(reopened.append(FailureEventType.SITE_STOPPED, "").sequence()).isEqualTo(3);
        }
    }

    @Test
    void anAppendFromAnInterruptedThreadIsWrittenAndLeavesTheFileOpenForLaterRecords() throws Exception {
        List<FailureRecord> written = new java.util.ArrayList<>();
        boolean[] stillInterrupted = new boolean[1];
        try (FailureFile file = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            // A task worker stopped by shutdownNow() records its failed execution with the interrupt flag set.
            Thread worker = new Thread(() -> {
                Thread.currentThread().interrupt();
                written.add(file.append(FailureEventType.EXECUTION_FAILED, "interrupted worker"));
                stillInterrupted[0] = Thread.currentThread().isInterrupted();
            });
            worker.start();
            worker.join();
            written.add(file.append(FailureEventType.SITE_STOPPED, "clean"));
        }

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            assertThat(written).hasSize(2);
            assertThat(reopened.records()).containsExactlyElementsOf(written);
            assertThat(reopened.recovery().tornTailDiscarded()).isFalse();
            assertThat(stillInterrupted[0]).as("the worker's interrupt is kept for its owner").isTrue();
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndReportedAndEarlierRecordsAreKept() throws IOException {
        try (FailureFile file = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            file.append(FailureEventType.SITE_STARTED, "one");
            file.append(FailureEventType.OVERLOAD, "two");
        }
        Path segment = dir.resolve("failures-000001.rec");
        long intactSize = Files.size(segment);
        byte[] torn = "3|1767225600000|OUTAGE_STAR".getBytes(StandardCharsets.UTF_8);
        Files.write(segment, torn, StandardOpenOption.APPEND);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            assertThat(reopened.records()).extracting(FailureRecord::detail).containsExactly("one", "two");
            assertThat(reopened.recovery().discardedBytes()).isEqualTo(torn.length);
            assertThat(reopened.recovery().discardReason()).contains("record without line end");
            assertThat(Files.size(segment)).isEqualTo(intactSize);
            assertThat(reopened.append(FailureEventType.OUTAGE_STARTED, "three").sequence()).isEqualTo(3);
        }
    }

    @Test
    void aLastRecordWithAWrongChecksumIsCutOff() throws IOException {
        try (FailureFile file = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            file.append(FailureEventType.SITE_STARTED, "one");
            file.append(FailureEventType.OVERLOAD, "two");
        }
        Path segment = dir.resolve("failures-000001.rec");
        String text = Files.readString(segment);
        Files.writeString(segment, text.replace("|two|", "|twx|"));

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            assertThat(reopened.records()).extracting(FailureRecord::detail).containsExactly("one");
            assertThat(reopened.recovery().discardReason()).contains("checksum mismatch or malformed record");
        }
    }

    @Test
    void rotatesBySizeAndKeepsOnlyTheNewestSegments() {
        FailureFileOptions small = new FailureFileOptions(256, 3);
        try (FailureFile file = FailureFile.open(dir, small, CLOCK)) {
            for (int i = 0; i < 40; i++) {
                file.append(FailureEventType.OVERLOAD, "rejected=" + i + " padding-padding-padding");
            }

            assertThat(file.segments()).hasSize(3);
            assertThat(file.segments()).allSatisfy(p -> assertThat(p.toFile().length()).isLessThanOrEqualTo(256));
            assertThat(file.records().get(file.records().size() - 1).sequence()).isEqualTo(40);
        }
        try (FailureFile reopened = FailureFile.open(dir, small, CLOCK)) {
            List<FailureRecord> records = reopened.records();
            assertThat(records.get(records.size() - 1).sequence()).isEqualTo(40);
            for (int i = 1; i < records.size(); i++) {
                assertThat(records.get(i).sequence()).isEqualTo(records.get(i - 1).sequence() + 1);
            }
            assertThat(reopened.append(FailureEventType.SITE_STOPPED, "").sequence()).isEqualTo(41);
        }
    }

    @Test
    void readingWithoutRepairReportsATornTailButLeavesTheFileAlone() throws IOException {
        try (FailureFile file = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            file.append(FailureEventType.SITE_STARTED, "one");
        }
        Path segment = dir.resolve("failures-000001.rec");
        Files.write(segment, "2|17672".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        long size = Files.size(segment);

        FailureFile.Snapshot snapshot = FailureFile.read(dir);

        assertThat(snapshot.records()).extracting(FailureRecord::detail).containsExactly("one");
        assertThat(snapshot.report().discardedBytes()).isEqualTo(7);
        assertThat(Files.size(segment)).isEqualTo(size);
    }

    @Test
    void optionsRejectSegmentsAFileMappingCannotHold() {
        assertThatThrownBy(() -> new FailureFileOptions(FailureFileOptions.MAX_SEGMENT_BYTES + 1, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSegmentBytes must be in [256, 1073741824], but was 1073741825");
    }
}
