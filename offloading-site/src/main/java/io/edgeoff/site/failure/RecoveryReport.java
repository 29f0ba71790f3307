package io.edgeoff.site.failure;

import java.util.Optional;

/**
 * What recovery found when the failure file was opened.
 *
 * @param segments          number of segment files read
 * @param records           complete, intact records recovered
 * @param discardedBytes    bytes cut off after the last intact record (a torn or corrupt tail), 0 when clean
 * @param discardedSegment  file name of the segment whose tail was cut, if any
 * @param discardReason     why the tail was cut (e.g. "record without line end", "checksum mismatch"), if any
 */
public record RecoveryReport(int segments, long records, long discardedBytes, Optional<String> discardedSegment,
                             Optional<String> discardReason) {
    public RecoveryReport {
        if (segments < 0 || records < 0 || discardedBytes < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** @return true when a torn or corrupt tail was cut off */
    public boolean tornTailDiscarded() {
        return discardedBytes > 0;
    }

    @Override
    public String toString() {
        return tornTailDiscarded()
                ? "recovered " + records + " records from " + segments + " segment(s); discarded " + discardedBytes
                        + " bytes of a torn tail in " + discardedSegment.orElse("?") + " (" + discardReason.orElse("?") + ")"
                : "recovered " + records + " records from " + segments + " segment(s); no torn tail";
    }
}
