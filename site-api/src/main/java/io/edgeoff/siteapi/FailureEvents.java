package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of {@code GET /v1/admin/failure-events}: the last records of the site's failure file.
 *
 * @param siteId    site id, not blank
 * @param recovery  how the failure file was recovered at start (the site's recovery report)
 * @param events    the records, oldest first
 */
@JsonPropertyOrder({"siteId", "recovery", "events"})
public record FailureEvents(
        @JsonProperty(value = "siteId", required = true) String siteId,
        @JsonProperty(value = "recovery", required = true) String recovery,
        @JsonProperty(value = "events", required = true) List<FailureEvent> events) {
    public FailureEvents {
        Checks.notBlank(siteId, "siteId");
        Checks.present(recovery, "recovery");
        events = List.copyOf(Checks.present(events, "events"));
    }
}
