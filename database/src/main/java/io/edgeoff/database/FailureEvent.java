package io.edgeoff.database;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure an offloading site reported about itself (from its failure monitor). Timestamps are
 * kept with microsecond precision.
 *
 * @param siteId     the reporting site, e.g. {@code EC}
 * @param kind       what failed
 * @param startedAt  when the failure began
 * @param endedAt    when it ended; empty while ongoing
 * @param detail     free text, may be empty
 */
public record FailureEvent(String siteId, FailureKind kind, Instant startedAt, Optional<Instant> endedAt,
                           String detail) {
    public FailureEvent {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("failure event site id must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(detail, "detail");
        if (endedAt.isPresent() && endedAt.get().isBefore(startedAt)) {
            throw new IllegalArgumentException("failure event of site " + siteId + " ends at " + endedAt.get()
                    + ", before it started at " + startedAt);
        }
        startedAt = Timestamps.stored(startedAt);
        endedAt = endedAt.map(Timestamps::stored);
    }

    /** An event that has ended. */
    public static FailureEvent of(String siteId, FailureKind kind, Instant startedAt, Instant endedAt, String detail) {
        return new FailureEvent(siteId, kind, startedAt, Optional.of(endedAt), detail);
    }
}
