package io.edgeoff.site.failure;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A period during which the site was down (an outage or the gap of an unclean shutdown). */
public record DownInterval(Instant start, Instant end) {
    public DownInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("down interval end " + end + " is before its start " + start);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
