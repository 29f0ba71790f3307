package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The body of {@code GET /v1/admin/outages} and of the 202 answer to {@code POST /v1/admin/outages}:
 * the outage in progress, if any. The four other fields are all present when {@code active} and
 * all null otherwise.
 *
 * @param active     an outage is in progress
 * @param mode       its mode, one of {@link OutageRequest#MODES}
 * @param source     who injected it ({@code admin}, a schedule, ...)
 * @param startedAt  when it started, ISO-8601 instant
 * @param endsAt     when it ends, ISO-8601 instant, not before {@code startedAt}
 */
@JsonPropertyOrder({"active", "mode", "source", "startedAt", "endsAt"})
public record OutageStatus(
        @JsonProperty(value = "active", required = true) boolean active,
        @JsonProperty("mode") String mode,
        @JsonProperty("source") String source,
        @JsonProperty("startedAt") String startedAt,
        @JsonProperty("endsAt") String endsAt) {
    public OutageStatus {
        if (active) {
            Checks.present(mode, "mode");
            if (!OutageRequest.MODES.contains(mode)) {
                throw InvalidFieldException.invalid("mode", "mode must be one of " + OutageRequest.MODES + ", but was '"
                        + mode + "'");
            }
            Checks.notBlank(source, "source");
            if (instant(endsAt, "endsAt").isBefore(instant(startedAt, "startedAt"))) {
                throw InvalidFieldException.invalid("endsAt", "endsAt must not be before startedAt, but was " + endsAt
                        + " < " + startedAt);
            }
        } else if (mode != null || source != null || startedAt != null || endsAt != null) {
            throw InvalidFieldException.invalid("active", "mode, source, startedAt and endsAt must be null when no outage"
                    + " is active");
        }
    }

    /** No outage in progress. */
    public static OutageStatus none() {
        return new OutageStatus(false, null, null, null, null);
    }

    /** An outage in progress. */
    public static OutageStatus of(String mode, String source, Instant startedAt, Instant endsAt) {
        return new OutageStatus(true, mode, source, startedAt.toString(), endsAt.toString());
    }

    private static Instant instant(String text, String field) {
        Checks.present(text, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.invalid(field, field + " must be an ISO-8601 instant, but was '" + text + "'");
        }
    }
}
