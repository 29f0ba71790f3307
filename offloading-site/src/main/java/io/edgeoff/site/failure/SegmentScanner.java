package io.edgeoff.site.failure;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the records of one segment of the failure file and the damaged regions between them.
 *
 * <p>A line ({@code ...\n}) that decodes is a record. A line that does not is searched for records
 * whose own bytes are intact: every place that ends like a record ({@code |} and 8 hex digits) is
 * tried with the few starts its fields allow, and a candidate counts only if its CRC-32C matches and
 * its sequence number is above the previous record's. This recovers the two records around a damaged
 * line end and a record behind a zero-filled or garbage run. Whatever lies between the records found
 * is a damaged region: the records after it are kept. The bytes after the last record of the
 * newest segment, when they hold no record, are the tail: a write torn by a crash (a record there
 * is complete only with its line end, the last step of an append).
 *
 * <p>Cost and memory: one pass over the segment; a candidate is never longer than
 * {@link RecordCodec#MAX_RECORD_BYTES}, so no allocation depends on the damaged bytes.
 */
final class SegmentScanner {
    /** {@code Long.MAX_VALUE} has 19 digits. */
    private static final int MAX_SEQUENCE_DIGITS = 19;
    private static final int FIELD_SEPARATORS_IN_BODY = 3;

    /** A run of bytes that holds no record: {@code [offset, offset + length)}. */
    record Region(int offset, int length, String reason) {
    }

    /**
     * @param records  the records found, in file order, sequence numbers strictly increasing
     * @param skipped  damaged regions with records after them (or at the end of an older segment)
     * @param tail     the damaged bytes after the last record of the newest segment, if any
     */
    record Result(List<FailureRecord> records, List<Region> skipped, Optional<Region> tail) {
    }

    private final ByteBuffer bytes;
    private final int size;
    private final boolean newestSegment;
    private final List<FailureRecord> records = new ArrayList<>();
    private final List<Region> skipped = new ArrayList<>();
    private long lastSequence;
    private int covered;
    private String rejectedReason;

    private SegmentScanner(ByteBuffer bytes, long lastSequence, boolean newestSegment) {
        this.bytes = bytes;
        this.size = bytes.limit();
        this.lastSequence = lastSequence;
        this.newestSegment = newestSegment;
    }

    /**
     * @param bytes          the whole segment (position 0 to limit)
     * @param lastSequence   sequence of the last record of the older segments, 0 when none
     * @param newestSegment  true for the segment appends go to (its unterminated last line is a torn write)
     */
    static Result scan(ByteBuffer bytes, long lastSequence, boolean newestSegment) {
        return new SegmentScanner(bytes, lastSequence, newestSegment).run();
    }

    private Result run() {
        int pos = 0;
        while (pos < size) {
            int end = indexOfLineEnd(pos);
            if (end < size || !newestSegment) {
                findRecords(pos, end);
            }
            pos = end + 1;
        }
        Optional<Region> tail = Optional.empty();
        if (covered < size) {
            Region rest = region(covered, size);
            if (newestSegment) {
                tail = Optional.of(rest);
            } else {
                skipped.add(rest);
            }
        }
        return new Result(records, skipped, tail);
    }

    /** Finds the records in the line {@code [start, end)}. */
    private void findRecords(int start, int end) {
        if (accept(start, end)) {
            return;
        }
        int lower = start;
        for (int recordEnd = start + RecordCodec.CRC_FIELD_BYTES; recordEnd <= end; recordEnd++) {
            if (RecordCodec.endsWithCrcField(bytes, lower, recordEnd) && acceptEndingAt(lower, recordEnd)) {
                lower = recordEnd;
            }
        }
    }

    /**
     * Tries the starts a record ending at {@code end} can have: the body has exactly three field
     * separators and begins with the sequence number's digits.
     */
    private boolean acceptEndingAt(int lower, int end) {
        int limit = Math.max(lower, end - RecordCodec.MAX_RECORD_BYTES + 1);
        int separators = 0;
        int i = end - RecordCodec.CRC_FIELD_BYTES - 1;
        for (; i >= limit; i--) {
            if (bytes.get(i) == RecordCodec.SEPARATOR && ++separators == FIELD_SEPARATORS_IN_BODY) {
                break;
            }
        }
        if (separators < FIELD_SEPARATORS_IN_BODY) {
            return false;
        }
        int sequenceEnd = i;
        int first = sequenceEnd;
        while (first > limit && sequenceEnd - first < MAX_SEQUENCE_DIGITS && isDigit(bytes.get(first - 1))) {
            first--;
        }
        for (int s = first; s < sequenceEnd; s++) {
            if (accept(s, end)) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the record {@code [start, end)} if it decodes and follows the previous one. */
    private boolean accept(int start, int end) {
        FailureRecord record = RecordCodec.decode(bytes, start, end);
        if (record == null) {
            return false;
        }
        if (record.sequence() <= lastSequence) {
            rejectedReason = "intact record with sequence " + record.sequence() + " does not follow " + lastSequence;
            return false;
        }
        if (start > covered) {
            skipped.add(region(covered, start));
        }
        rejectedReason = null;
        records.add(record);
        lastSequence = record.sequence();
        covered = Math.min(end + 1, size);
        if (end < size && bytes.get(end) != RecordCodec.LINE_END) {
            skipped.add(new Region(end, 1, "damaged line end (the records on both sides are kept)"));
        }
        return true;
    }

    private Region region(int from, int to) {
        String reason;
        if (rejectedReason != null) {
            reason = rejectedReason;
        } else if (zeros(from, to) == to - from) {
            reason = "zero-filled";
        } else if (2L * zeros(from, to) >= to - from) {
            reason = "mostly zero-filled (" + zeros(from, to) + " of " + (to - from) + " bytes zero)";
        } else if (to == size && indexOfLineEnd(from) == size) {
            reason = "record without line end";
        } else {
            reason = "checksum mismatch or malformed record";
        }
        rejectedReason = null;
        return new Region(from, to - from, reason);
    }

    private int zeros(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (bytes.get(i) == 0) {
                count++;
            }
        }
        return count;
    }

    private int indexOfLineEnd(int from) {
        for (int i = from; i < size; i++) {
            if (bytes.get(i) == RecordCodec.LINE_END) {
                return i;
            }
        }
        return size;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
