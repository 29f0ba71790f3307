package io.edgeoff.site.failure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What recovery found when the failure file was opened (or read).
 *
 * @param segments  number of segment files read
 * @param records   complete, intact records recovered
 * @param damage    every damaged region found, oldest segment first, in file order
 */
public record RecoveryReport(int segments, long records, List<Damage> damage) {
    /** How many damaged regions {@link #toString()} names one by one. */
    private static final int LISTED_REGIONS = 5;

    public RecoveryReport {
        if (segments < 0 || records < 0) {
            throw new IllegalArgumentException("segments and records must be >= 0, but were " + segments + " and "
                    + records);
        }
        damage = List.copyOf(damage);
    }

    /** What recovery does with a damaged region. */
    public enum Kind {
        /** Damage with intact records after it: skipped and left in place (the file is not rewritten). */
        SKIPPED,
        /**
         * Bytes after the last intact record of the newest segment (a write torn by a crash, or garbage):
         * cut off when the file is opened for appending, only reported by {@link FailureFile#read}.
         */
        TORN_TAIL
    }

    /**
     * One damaged region of a segment.
     *
     * @param segment  file name of the segment
     * @param offset   byte offset of the region in the segment, &gt;= 0
     * @param length   length in bytes, &gt;= 1
     * @param kind     skipped in place or a torn tail
     * @param reason   what was wrong, e.g. "checksum mismatch or malformed record", "zero-filled"
     */
    public record Damage(String segment, long offset, long length, Kind kind, String reason) {
        public Damage {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be >= 0, but was " + offset);
            }
            if (length < 1) {
                throw new IllegalArgumentException("length must be >= 1, but was " + length);
            }
        }

        @Override
        public String toString() {
            return segment + " at offset " + offset + " (" + length + " bytes, " + reason + ")";
        }
    }

    /** @return the damaged regions that were skipped and left in place (records after them were kept) */
    public List<Damage> skipped() {
        return damage.stream().filter(d -> d.kind() == Kind.SKIPPED).toList();
    }

    /** @return the torn tail after the last intact record, if there was one */
    public Optional<Damage> tornTail() {
        return damage.stream().filter(d -> d.kind() == Kind.TORN_TAIL).findFirst();
    }

    /** @return true when a torn tail was cut off (or, for {@link FailureFile#read}, would be) */
    public boolean tornTailDiscarded() {
        return tornTail().isPresent();
    }

    /** @return bytes of the torn tail, 0 when there was none */
    public long discardedBytes() {
        return tornTail().map(Damage::length).orElse(0L);
    }

    /** @return file name of the segment whose torn tail was cut, if any */
    public Optional<String> discardedSegment() {
        return tornTail().map(Damage::segment);
    }

    /** @return why the tail was cut (e.g. "record without line end"), if it was */
    public Optional<String> discardReason() {
        return tornTail().map(Damage::reason);
    }

    /** @return total bytes of the skipped regions */
    public long skippedBytes() {
        return skipped().stream().mapToLong(Damage::length).sum();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("recovered " + records + " records from " + segments + " segment(s)");
        List<Damage> skipped = skipped();
        if (!skipped.isEmpty()) {
            sb.append("; skipped ").append(skipped.size()).append(" damaged region(s), ").append(skippedBytes())
                    .append(" bytes, left in place, records after them kept: ")
                    .append(skipped.stream().limit(LISTED_REGIONS).map(Damage::toString)
                            .collect(Collectors.joining(", ")));
            if (skipped.size() > LISTED_REGIONS) {
                sb.append(", ...");
            }
        }
        sb.append(tornTail().map(t -> "; discarded " + t.length() + " bytes of a torn tail in " + t.segment()
                + " at offset " + t.offset() + " (" + t.reason() + ")").orElse("; no torn tail"));
        return sb.toString();
    }
}
