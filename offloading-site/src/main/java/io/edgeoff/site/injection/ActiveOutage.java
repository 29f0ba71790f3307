package io.edgeoff.site.injection;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An outage in progress.
 *
 * @param mode    how the site fails
 * @param start   when it began
 * @param end     when it is scheduled to end
 * @param source  who caused it ({@code admin}, {@code replay}, ...)
 * @param ended   completes when the outage ends (hung requests wait on it)
 */
public record ActiveOutage(OutageMode mode, Instant start, Instant end, String source, CompletableFuture<Void> ended) {
    public ActiveOutage {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ended, "ended");
    }
}
