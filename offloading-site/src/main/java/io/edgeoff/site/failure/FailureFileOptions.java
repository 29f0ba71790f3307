package io.edgeoff.site.failure;

/**
 * Size limits of a failure file.
 *
 * @param maxSegmentBytes  a segment is closed and a new one started before it would exceed this size, in
 *                         [256, 1 GiB] (a segment is read by mapping it whole)
 * @param maxSegments      oldest segments beyond this count are deleted at rotation, &gt;= 1
 */
public record FailureFileOptions(long maxSegmentBytes, int maxSegments) {
    /** 1 MiB per segment, 16 segments. */
    public static final FailureFileOptions DEFAULTS = new FailureFileOptions(1 << 20, 16);

    /** Upper bound of {@link #maxSegmentBytes()}: 1 GiB. */
    public static final long MAX_SEGMENT_BYTES = 1L << 30;

    public FailureFileOptions {
        if (maxSegmentBytes < 256 || maxSegmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("maxSegmentBytes must be in [256, " + MAX_SEGMENT_BYTES + "], but was "
                    + maxSegmentBytes);
        }
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be >= 1, but was " + maxSegments);
        }
    }
}
