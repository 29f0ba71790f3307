package io.edgeoff.site.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damage to the failure file that is not a torn write: flipped bytes, a damaged line end, zero-filled
 * and garbage runs, out-of-order records. Damage with intact records after it is skipped and left in
 * place; only bytes after the last intact record are a torn tail and cut.
 */
class FailureFileDamageTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String SEGMENT = "failures-000001.rec";

    @TempDir
    Path dir;

    /** A previous run's file: {@code n} records, the last a clean stop, with their byte offsets. */
    private record Written(List<FailureRecord> records, byte[] bytes, int[] starts) {
        static Written of(int n) {
            List<FailureRecord> records = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int[] starts = new int[n];
            FailureEventType[] types = {FailureEventType.OVERLOAD, FailureEventType.OUTAGE_STARTED,
                    FailureEventType.OUTAGE_ENDED, FailureEventType.EXECUTION_FAILED};
            for (int i = 1; i <= n; i++) {
                FailureEventType type = i == 1 ? FailureEventType.SITE_STARTED
                        : i == n ? FailureEventType.SITE_STOPPED : types[i % types.length];
                String detail = i == n ? "clean" : "rejected=" + i + " note=a|b%c" + "x".repeat(i % 17);
                FailureRecord record = new FailureRecord(i, T0.plusMillis(i), type, detail);
                starts[i - 1] = out.size();
                out.writeBytes(RecordCodec.encode(record));
                records.add(record);
            }
            return new Written(records, out.toByteArray(), starts);
        }

        /** @return index of the record whose bytes (line end included) contain {@code offset} */
        int recordAt(int offset) {
            int i = Arrays.binarySearch(starts, offset);
            return i >= 0 ? i : -i - 2;
        }

        int end(int index) {
            return index + 1 < starts.length ? starts[index + 1] : bytes.length;
        }

        List<FailureRecord> without(int... indexes) {
            List<FailureRecord> kept = new ArrayList<>(records);
            IntStream.of(indexes).boxed().sorted((a, b) -> b - a).forEach(i -> kept.remove((int) i));
            return kept;
        }
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve(SEGMENT), bytes);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 64);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aByteFlippedInTheMiddleLosesOnlyTheRecordItHitAndIsReportedWithItsOffset(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Written written = Written.of(2_000);
        int offset = random.nextInt(written.starts[10], written.starts[1_990]);
        byte[] damaged = written.bytes.clone();
        damaged[offset] ^= (byte) (1 + random.nextInt(255));
        int hit = written.recordAt(offset);
        boolean lineEnd = written.bytes[offset] == '\n';
        Path segment = write(damaged);

        FailureFile.Snapshot before = FailureFile.read(dir);
        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(lineEnd ? written.records : written.without(hit));
            RecoveryReport report = reopened.recovery();
            assertThat(report.tornTailDiscarded()).isFalse();
            assertThat(report.skipped()).singleElement().satisfies(d -> {
                assertThat(d.segment()).isEqualTo(SEGMENT);
                assertThat(d.offset()).isBetween((long) written.starts[hit], (long) offset);
                assertThat(d.offset() + d.length()).isBetween(offset + 1L, (long) written.end(hit));
            });
            assertThat(report.toString()).contains("at offset " + report.skipped().get(0).offset());
            assertThat(before.records()).isEqualTo(reopened.records());
            assertThat(Files.readAllBytes(segment)).as("the damage is left in place, nothing cut").isEqualTo(damaged);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x20, 0x80, 0xff})
    void everyByteOfAMiddleRecordDamagedLosesAtMostThatRecord(int mask) throws IOException {
        Written written = Written.of(50);
        int hit = 25;

        for (int offset = written.starts[hit]; offset < written.end(hit); offset++) {
            byte[] damaged = written.bytes.clone();
            damaged[offset] ^= (byte) mask;
            Path segment = write(damaged);

            try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

                boolean lineEnd = offset == written.end(hit) - 1;
                assertThat(reopened.records()).as("offset %d", offset)
                        .isEqualTo(lineEnd ? written.records : written.without(hit));
                assertThat(reopened.recovery().skipped()).hasSize(1);
                assertThat(reopened.recovery().tornTailDiscarded()).isFalse();
                assertThat(Files.readAllBytes(segment)).isEqualTo(damaged);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, '|', '0', '7', 'a', ' ', '\r', 0x0b, 0xff})
    void aDamagedLineEndTheOnlyFramingByteKeepsTheRecordsOnBothSides(int replacement) throws IOException {
        Written written = Written.of(50);
        byte[] damaged = written.bytes.clone();
        int lineEnd = written.starts[21] - 1;
        damaged[lineEnd] = (byte) replacement;
        write(damaged);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(written.records);
            assertThat(reopened.recovery().skipped()).singleElement().satisfies(d -> {
                assertThat(d.offset()).isEqualTo(lineEnd);
                assertThat(d.length()).isEqualTo(1);
                assertThat(d.reason()).contains("damaged line end");
            });
        }
    }

    @Test
    void aByteTurnedIntoALineEndLosesOnlyTheRecordItSplit() throws IOException {
        Written written = Written.of(50);
        byte[] damaged = written.bytes.clone();
        damaged[written.starts[30] + 20] = '\n';
        write(damaged);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(written.without(30));
            assertThat(reopened.recovery().skipped()).singleElement()
                    .satisfies(d -> assertThat(d.offset()).isEqualTo(written.starts[30]));
        }
    }

    @Test
    void aFileCutAnywhereInItsLastRecordIsATornTailThatIsCutAndReported() throws IOException {
        Written written = Written.of(30);
        int last = written.starts[29];

        for (int cut = last + 1; cut < written.bytes.length; cut++) {
            Path segment = write(Arrays.copyOf(written.bytes, cut));

            try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

                assertThat(reopened.records()).as("cut at %d", cut).isEqualTo(written.without(29));
                RecoveryReport report = reopened.recovery();
                assertThat(report.skipped()).isEmpty();
                assertThat(report.tornTail()).get().satisfies(t -> {
                    assertThat(t.offset()).isEqualTo(last);
                    assertThat(t.reason()).isEqualTo("record without line end");
                });
                assertThat(report.discardedBytes()).isEqualTo(cut - last);
                assertThat(Files.size(segment)).isEqualTo(last);
            }
        }
    }

    @Test
    void aTornTailAfterDamageInTheMiddleIsCutAndTheMiddleIsKept() throws IOException {
        Written written = Written.of(30);
        byte[] damaged = Arrays.copyOf(written.bytes, written.starts[29] + 7);
        damaged[written.starts[10] + 3] ^= 0x40;
        Path segment = write(damaged);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(written.without(10, 29));
            assertThat(reopened.recovery().skipped()).hasSize(1);
            assertThat(reopened.recovery().discardedBytes()).isEqualTo(7);
            assertThat(Files.size(segment)).isEqualTo(written.starts[29]);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void garbageAppendedAfterTheLastRecordIsCutAsATornTail(long seed) throws IOException {
        Written written = Written.of(40);
        byte[] garbage = garbage(seed);
        byte[] bytes = Arrays.copyOf(written.bytes, written.bytes.length + garbage.length);
        System.arraycopy(garbage, 0, bytes, written.bytes.length, garbage.length);
        Path segment = write(bytes);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(written.records);
            assertThat(reopened.recovery().skipped()).isEmpty();
            assertThat(reopened.recovery().tornTail()).get()
                    .satisfies(t -> assertThat(t.offset()).isEqualTo(written.bytes.length));
            assertThat(reopened.recovery().discardedBytes()).isEqualTo(garbage.length);
            assertThat(Files.readAllBytes(segment)).isEqualTo(written.bytes);
        }
    }

    /** Random bytes, one in eight a line end. */
    static byte[] garbage(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] garbage = new byte[1 + random.nextInt(5_000)];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = random.nextInt(8) == 0 ? (byte) '\n' : (byte) random.nextInt(256);
        }
        return garbage;
    }

    @Test
    void aZeroFilledRunOverRecordsInTheMiddleLosesOnlyTheRecordsItOverwrote() throws IOException {
        Written written = Written.of(300);
        byte[] damaged = written.bytes.clone();
        int from = written.starts[100] + 7;
        int to = written.starts[140] + 20;
        Arrays.fill(damaged, from, to, (byte) 0);
        write(damaged);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(written.without(IntStream.rangeClosed(100, 140).toArray()));
            assertThat(reopened.recovery().skipped()).singleElement().satisfies(d -> {
                assertThat(d.offset()).isEqualTo(written.starts[100]);
                assertThat(d.offset() + d.length()).isEqualTo(written.starts[141]);
                assertThat(d.reason()).startsWith("mostly zero-filled");
            });
        }
    }

    @Test
    void aZeroFilledRunBetweenRecordsLosesNothing() throws IOException {
        Written written = Written.of(300);
        int at = written.starts[150];
        byte[] bytes = new byte[written.bytes.length + 4096];
        System.arraycopy(written.bytes, 0, bytes, 0, at);
        System.arraycopy(written.bytes, at, bytes, at + 4096, written.bytes.length - at);
        write(bytes);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(written.records);
            assertThat(reopened.recovery().skipped()).singleElement()
                    .isEqualTo(new RecoveryReport.Damage(SEGMENT, at, 4096, RecoveryReport.Kind.SKIPPED, "zero-filled"));
        }
    }

    @Test
    void anIntactRecordOutOfSequenceIsSkippedAndNamed() throws IOException {
        Written written = Written.of(30);
        byte[] copy = RecordCodec.encode(written.records.get(4));
        int at = written.starts[10];
        byte[] bytes = new byte[written.bytes.length + copy.length];
        System.arraycopy(written.bytes, 0, bytes, 0, at);
        System.arraycopy(copy, 0, bytes, at, copy.length);
        System.arraycopy(written.bytes, at, bytes, at + copy.length, written.bytes.length - at);
        write(bytes);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(written.records);
            assertThat(reopened.recovery().skipped()).singleElement()
                    .satisfies(d -> assertThat(d.reason()).isEqualTo("intact record with sequence 5 does not follow 10"));
        }
    }

    @Test
    void aRunLongerThanARecordCanBeIsSkippedAndTheRecordsAroundItAreKept() throws IOException {
        Written written = Written.of(20);
        byte[] run = ("7|" + "1|".repeat(2 * RecordCodec.MAX_RECORD_BYTES) + "a|OVERLOAD|x|0123abcd")
                .getBytes(StandardCharsets.US_ASCII);
        int at = written.starts[10];
        byte[] bytes = new byte[written.bytes.length + run.length];
        System.arraycopy(written.bytes, 0, bytes, 0, at);
        System.arraycopy(run, 0, bytes, at, run.length);
        System.arraycopy(written.bytes, at, bytes, at + run.length, written.bytes.length - at);
        write(bytes);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            assertThat(reopened.records()).isEqualTo(written.records);
            assertThat(reopened.recovery().skipped()).singleElement()
                    .satisfies(d -> assertThat(d.length()).isEqualTo(run.length));
        }
    }

    @Test
    void aDetailTooLongForOneRecordIsShortenedSoEveryRecordStaysBounded() {
        String detail = "error=" + "ü|%".repeat(100_000);

        try (FailureFile file = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {
            FailureRecord written = file.append(FailureEventType.EXECUTION_FAILED, detail);

            assertThat(RecordCodec.encode(written).length).isLessThanOrEqualTo(RecordCodec.MAX_RECORD_BYTES);
            assertThat(written.detail()).startsWith("error=ü|%ü|%").endsWith(RecordCodec.SHORTENED_MARK);
            assertThat(FailureFile.read(dir).records()).containsExactly(written);
        }
    }

    @Test
    void readsAFileInTheFormatOfEarlierVersionsByteForByte() throws IOException {
        // Written by the codec before recovery learnt to skip damage; the format is unchanged since.
        String lines = """
                1|1767225600000|SITE_STARTED|site=EC pid=4242|5f9cf289
                2|1767225600250|OUTAGE_STARTED|mode=error durationMillis=2000 source=admin|846975a4
                3|1767225601000|EXECUTION_FAILED|error=a%7Cb%0Ac%25 ü|9fc5c37f
                4|1767225602000|SITE_STOPPED|clean|adf6de3b
                """;
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        write(bytes);

        try (FailureFile reopened = FailureFile.open(dir, FailureFileOptions.DEFAULTS, CLOCK)) {

            List<FailureRecord> records = reopened.records();
            assertThat(records).containsExactly(
                    new FailureRecord(1, T0, FailureEventType.SITE_STARTED, "site=EC pid=4242"),
                    new FailureRecord(2, T0.plusMillis(250), FailureEventType.OUTAGE_STARTED,
                            "mode=error durationMillis=2000 source=admin"),
                    new FailureRecord(3, T0.plusSeconds(1), FailureEventType.EXECUTION_FAILED, "error=a|b\nc% ü"),
                    new FailureRecord(4, T0.plusSeconds(2), FailureEventType.SITE_STOPPED, "clean"));
            assertThat(reopened.recovery().damage()).isEmpty();
            ByteArrayOutputStream reencoded = new ByteArrayOutputStream();
            records.forEach(r -> reencoded.writeBytes(RecordCodec.encode(r)));
            assertThat(reencoded.toByteArray()).isEqualTo(bytes);
        }
    }

    @Test
    void damageInAnOlderSegmentAndTheNewestIsSkippedAndRotationGoesOn() throws IOException {
        FailureFileOptions small = new FailureFileOptions(256, 5);
        try (FailureFile file = FailureFile.open(dir, small, CLOCK)) {
            for (int i = 0; i < 12; i++) {
                file.append(FailureEventType.OVERLOAD, "rejected=" + i + " padding-padding-padding");
            }
        }
        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThanOrEqualTo(3);
        flip(segments.get(0), 10);
        flip(segments.get(segments.size() - 1), 10);

        try (FailureFile reopened = FailureFile.open(dir, small, CLOCK)) {
            assertThat(reopened.records()).extracting(FailureRecord::sequence).hasSize(10).doesNotContain(1L)
                    .endsWith(12L);
            assertThat(reopened.recovery().skipped()).extracting(RecoveryReport.Damage::segment)
                    .containsExactly(segments.get(0).getFileName().toString(),
                            segments.get(segments.size() - 1).getFileName().toString());
            for (int i = 0; i < 40; i++) {
                reopened.append(FailureEventType.OVERLOAD, "rejected=" + i + " padding-padding-padding");
            }

            assertThat(reopened.segments()).hasSize(5);
            assertThat(reopened.last().orElseThrow().sequence()).isEqualTo(52);
        }
        try (FailureFile again = FailureFile.open(dir, small, CLOCK)) {
            assertThat(again.last().orElseThrow().sequence()).isEqualTo(52);
            assertThat(again.recovery().tornTailDiscarded()).isFalse();
        }
    }

    private List<Path> segments() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rec")).sorted().toList();
        }
    }

    static void flip(Path segment, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        bytes[offset] ^= 0x01;
        Files.write(segment, bytes);
    }
}
