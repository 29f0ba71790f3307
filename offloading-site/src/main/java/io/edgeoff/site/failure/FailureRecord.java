package io.edgeoff.site.failure;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of the failure file.
 *
 * @param sequence  position in the file, 1, 2, 3, ... without gaps over the file's life
 * @param time      wall-clock time the event was recorded
 * @param type      what happened
 * @param detail    free text (any characters; escaped on disk)
 */
public record FailureRecord(long sequence, Instant time, FailureEventType type, String detail) {
    public FailureRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, but was " + sequence);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
    }
}
