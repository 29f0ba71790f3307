package io.edgeoff.site.execution;

/** Thrown when the site cannot accept a task now: all cores are busy and the queue is full. */
public final class SaturatedException extends RuntimeException {
    private final long retryAfterSeconds;

    public SaturatedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return when the client should try again, in whole seconds, &gt;= 1 */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
