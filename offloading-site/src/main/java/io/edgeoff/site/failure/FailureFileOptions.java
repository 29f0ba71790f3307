package io.edgeoff.site.failure;

/**
 * Size limits of a failure file.
 *
 * @param maxSegmentBytes  a segment is closed and a new one started before it would exceed this size, &gt;= 256
 * @param maxSegments      oldest segments beyond this count are deleted at rotation, &gt;= 1
 */
public record FailureFileOptions(long maxSegmentBytes, int maxSegments) {
    /** 1 MiB per segment, 16 segments. */
    public static final FailureFileOptions DEFAULTS = new FailureFileOptions(1 << 20, 16);

    public FailureFileOptions {
        if (maxSegmentBytes < 256) {
            throw new IllegalArgumentException("maxSegmentBytes must be >= 256, but was " + maxSegmentBytes);
        }
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be >= 1, but was " + maxSegments);
        }
    }
}
