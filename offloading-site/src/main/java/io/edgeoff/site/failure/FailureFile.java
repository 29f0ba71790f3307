package io.edgeoff.site.failure;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.io.FileOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The site's local failure file: an append-only log of {@link FailureRecord}s in a directory of
 * size-bounded segments ({@code failures-000001.rec}, {@code failures-000002.rec}, ...).
 *
 * <p>Durability: {@link #append} writes the whole record and forces it to the storage device
 * ({@code fsync}) before it returns, so a record whose append returned survives a crash of the
 * process or the machine. Recovery ({@link #open}) reads every segment and keeps every intact record
 * (checksum matches, sequence increases). A damaged region with intact records after it (a flipped
 * byte, a zero-filled run) is skipped and left in place: the file is not rewritten, and the records
 * after it are kept. Only the bytes after the last intact record of the newest segment (a write torn
 * by a crash) are cut off. Both are reported in {@link #recovery()}; no intact record is ever
 * dropped. A detail that would make a record longer than 64 KiB is shortened. Rotation closes the active segment when
 * the next record would exceed {@link FailureFileOptions#maxSegmentBytes()} and deletes the oldest
 * segments beyond {@link FailureFileOptions#maxSegments()}.
 *
 * <p>Thread-safe: appends are serialised.
 */
public final class FailureFile implements Closeable {
    private static final Pattern SEGMENT = Pattern.compile("failures-(\\d{6})\\.rec");

    private final Path directory;
    private final FailureFileOptions options;
    private final Clock clock;
    private final RecoveryReport recovery;
    private final List<FailureRecord> records;
    private final List<Integer> segmentNumbers;
    private final List<Long> segmentFirstSequence;
    /**
     * The newest segment, written through a stream rather than a {@link FileChannel}: a channel is closed for good
     * when the thread using it is interrupted (a task worker stopped by {@code shutdownNow} while it records a
     * failed execution), which would lose every later record, the clean stop included. Stream writes and
     * {@link java.io.FileDescriptor#sync()} ignore interrupts.
     */
    private FileOutputStream active;
    private long activeSize;
    private long nextSequence;
    private boolean closed;

    private FailureFile(Path directory, FailureFileOptions options, Clock clock) throws IOException {
        this.directory = directory;
        this.options = options;
        this.clock = clock;
        this.records = new ArrayList<>();
        this.segmentNumbers = new ArrayList<>();
        this.segmentFirstSequence = new ArrayList<>();
        Files.createDirectories(directory);
        this.recovery = recover(directory, true, records, segmentNumbers, segmentFirstSequence);
        this.nextSequence = records.isEmpty() ? 1 : records.get(records.size() - 1).sequence() + 1;
        if (segmentNumbers.isEmpty()) {
            startSegment(1);
        } else {
            int last = segmentNumbers.get(segmentNumbers.size() - 1);
            active = new FileOutputStream(segmentPath(last).toFile(), true);
            activeSize = Files.size(segmentPath(last));
        }
    }

    /**
     * Opens (creating if needed) the failure file in {@code directory}, recovering its records.
     *
     * @throws UncheckedIOException when the directory cannot be read or written
     */
    public static FailureFile open(Path directory, FailureFileOptions options, Clock clock) {
        try {
            return new FailureFile(directory, options, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("failure file " + directory + ": " + e.getMessage(), e);
        }
    }

    /** @return what recovery found when this file was opened */
    public RecoveryReport recovery() {
        return recovery;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Appends one record and forces it to storage before returning.
     *
     * @return the record as written, with its sequence number and time
     * @throws UncheckedIOException when the write or the sync fails (the record is then not acknowledged)
     */
    public synchronized FailureRecord append(FailureEventType type, String detail) {
        if (closed) {
            throw new IllegalStateException("failure file " + directory + " is closed");
        }
        FailureRecord record = new FailureRecord(nextSequence, clock.instant(), type, RecordCodec.boundedDetail(detail));
        byte[] line = RecordCodec.encode(record);
        try {
            if (activeSize > 0 && activeSize + line.length > options.maxSegmentBytes()) {
                rotate();
            }
            if (segmentFirstSequence.get(segmentFirstSequence.size() - 1) == 0L) {
                segmentFirstSequence.set(segmentFirstSequence.size() - 1, record.sequence());
            }
            active.write(line);
            active.getFD().sync();
            activeSize += line.length;
        } catch (IOException e) {
            throw new UncheckedIOException("failure file " + directory + ": append failed: " + e.getMessage(), e);
        }
        nextSequence++;
        records.add(record);
        return record;
    }

    /** @return a snapshot of every record currently held (oldest first) */
    public synchronized List<FailureRecord> records() {
        return List.copyOf(records);
    }

    /** @return the most recent record, if any */
    public synchronized Optional<FailureRecord> last() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    /** @return the segment files currently on disk, oldest first */
    public synchronized List<Path> segments() {
        return segmentNumbers.stream().map(this::segmentPath).toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            active.getFD().sync();
            active.close();
        } catch (IOException e) {
            throw new UncheckedIOException("failure file " + directory + ": close failed: " + e.getMessage(), e);
        }
    }

    /** Records of a failure file read without changing it, and what a recovery would cut. */
    public record Snapshot(List<FailureRecord> records, RecoveryReport report) {
        public Snapshot {
            records = List.copyOf(records);
        }
    }

    /**
     * Reads the failure file in {@code directory} without changing it (safe while a site appends to
     * it: a record being written shows up as a torn tail and is simply not returned).
     */
    public static Snapshot read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("failure file directory " + directory + " does not exist");
        }
        try {
            List<FailureRecord> records = new ArrayList<>();
            RecoveryReport report = recover(directory, false, records, new ArrayList<>(), new ArrayList<>());
            return new Snapshot(records, report);
        } catch (IOException e) {
            throw new UncheckedIOException("failure file " + directory + ": " + e.getMessage(), e);
        }
    }

    private static RecoveryReport recover(Path directory, boolean repair, List<FailureRecord> records,
                                          List<Integer> segmentNumbers, List<Long> segmentFirstSequence)
            throws IOException {
        List<Integer> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(p -> {
                Matcher m = SEGMENT.matcher(p.getFileName().toString());
                if (m.matches()) {
                    numbers.add(Integer.parseInt(m.group(1)));
                }
            });
        }
        numbers.sort(null);
        List<RecoveryReport.Damage> damage = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            Path path = segmentPath(directory, numbers.get(i));
            String name = path.getFileName().toString();
            long lastSequence = records.isEmpty() ? 0 : records.get(records.size() - 1).sequence();
            SegmentScanner.Result scan = SegmentScanner.scan(map(path), lastSequence, i == numbers.size() - 1);
            segmentNumbers.add(numbers.get(i));
            segmentFirstSequence.add(scan.records().isEmpty() ? 0L : scan.records().get(0).sequence());
            records.addAll(scan.records());
            for (SegmentScanner.Region region : scan.skipped()) {
                damage.add(new RecoveryReport.Damage(name, region.offset(), region.length(),
                        RecoveryReport.Kind.SKIPPED, region.reason()));
            }
            if (scan.tail().isPresent()) {
                SegmentScanner.Region tail = scan.tail().get();
                damage.add(new RecoveryReport.Damage(name, tail.offset(), tail.length(), RecoveryReport.Kind.TORN_TAIL,
                        tail.reason()));
                if (repair) {
                    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                        channel.truncate(tail.offset());
                        channel.force(true);
                    }
                }
            }
        }
        return new RecoveryReport(numbers.size(), records.size(), damage);
    }

    /**
     * Maps a segment read-only, so reading it allocates nothing in proportion to its size.
     *
     * @throws IOException when it is larger than a mapping can be (2 GiB; a segment is at most
     *                     {@link FailureFileOptions#maxSegmentBytes()} plus one record)
     */
    private static ByteBuffer map(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException("segment " + path + " is " + size + " bytes, more than a segment can hold");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
    }

    private void rotate() throws IOException {
        active.getFD().sync();
        active.close();
        startSegment(segmentNumbers.get(segmentNumbers.size() - 1) + 1);
        while (segmentNumbers.size() > options.maxSegments()) {
            Files.deleteIfExists(segmentPath(segmentNumbers.remove(0)));
            segmentFirstSequence.remove(0);
            long firstKept = segmentFirstSequence.stream().filter(s -> s != 0L).findFirst().orElse(Long.MAX_VALUE);
            records.removeIf(r -> r.sequence() < firstKept);
        }
    }

    private void startSegment(int number) throws IOException {
        active = new FileOutputStream(segmentPath(number).toFile(), true);
        activeSize = 0;
        segmentNumbers.add(number);
        segmentFirstSequence.add(0L);
        syncDirectory();
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the segment's own data is still synced on append.
        }
    }

    private Path segmentPath(int number) {
        return segmentPath(directory, number);
    }

    private static Path segmentPath(Path directory, int number) {
        return directory.resolve(String.format("failures-%06d.rec", number));
    }
}
