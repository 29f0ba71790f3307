package io.edgeoff.device.client;

/**
 * Result of one heartbeat ({@code GET /v1/health}).
 *
 * @param up       the site answered 200 and reports itself ready
 * @param failure  when not up: how it failed (null when up)
 * @param detail   human-readable detail
 */
public record HealthReply(boolean up, FailureKind failure, String detail) {
    public static HealthReply ofUp() {
        return new HealthReply(true, null, "UP");
    }

    public static HealthReply ofFailure(FailureKind kind, String detail) {
        return new HealthReply(false, kind, detail);
    }
}
