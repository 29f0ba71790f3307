package io.edgeoff.site.http;

import java.util.List;
import java.util.Map;

/** The JSON bodies of successful answers (field names are the wire contract, see {@code docs/SITE.md}). */
public final class ApiResponses {
    private ApiResponses() {
    }

    /** {@code POST /v1/tasks}. */
    public record TaskResponse(String idempotencyKey, String siteId, String outputBase64, double queueWaitMillis,
                               double executionMillis, boolean replayed) {
    }

    /** {@code GET /v1/health}. */
    public record HealthResponse(String siteId, String status, boolean ready) {
    }

    /** {@code GET /v1/resources}. */
    public record ResourcesResponse(String siteId, double mips, int cores, double memoryGB, double storageGB,
                                    int queueLength, double recentThroughputMips) {
    }

    /** {@code GET /v1/availability}; {@code mtbfHours} and {@code hoursSinceLastFailure} are null when infinite. */
    public record AvailabilityResponse(String siteId, String predictor, double slotSeconds, double[] forecast,
                                       Double mtbfHours, Double hoursSinceLastFailure, Map<String, Double> metrics) {
    }

    /** {@code POST /v1/admin/outages} (202) and {@code GET /v1/admin/outages}. */
    public record OutageResponse(boolean active, String mode, String source, String startedAt, String endsAt) {
    }

    /** One record of {@code GET /v1/admin/failure-events}. */
    public record FailureEventResponse(long sequence, String time, String type, String detail) {
    }

    /** {@code GET /v1/admin/failure-events}. */
    public record FailureEventsResponse(String siteId, String recovery, List<FailureEventResponse> events) {
    }
}
