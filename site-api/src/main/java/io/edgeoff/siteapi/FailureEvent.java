package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One record of the site's failure file, as listed by {@code GET /v1/admin/failure-events}.
 *
 * @param sequence  its number in the file, &gt;= 0
 * @param time      when it was recorded, ISO-8601 instant
 * @param type      event type (e.g. {@code START}, {@code HEARTBEAT}, {@code FAILURE})
 * @param detail    free text ({@code ""} when none)
 */
@JsonPropertyOrder({"sequence", "time", "type", "detail"})
public record FailureEvent(
        @JsonProperty(value = "sequence", required = true) long sequence,
        @JsonProperty(value = "time", required = true) String time,
        @JsonProperty(value = "type", required = true) String type,
        @JsonProperty(value = "detail", required = true) String detail) {
    public FailureEvent {
        if (sequence < 0) {
            throw InvalidFieldException.invalid("sequence", "sequence must be >= 0, but was " + sequence);
        }
        Checks.present(time, "time");
        try {
            Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.invalid("time", "time must be an ISO-8601 instant, but was '" + time + "'");
        }
        Checks.notBlank(type, "type");
        Checks.present(detail, "detail");
    }
}
