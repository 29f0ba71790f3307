package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code GET /v1/health} (200 when up, 503 during an injected outage) and
 * {@code GET /v1/health/live}.
 *
 * @param siteId  site id, not blank
 * @param status  {@value #UP} or {@value #DOWN}
 * @param ready   true when the site takes tasks (exactly when {@code status} is {@value #UP})
 */
@JsonPropertyOrder({"siteId", "status", "ready"})
public record SiteHealth(
        @JsonProperty(value = "siteId", required = true) String siteId,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "ready", required = true) boolean ready) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public SiteHealth {
        Checks.notBlank(siteId, "siteId");
        Checks.present(status, "status");
        if (!status.equals(UP) && !status.equals(DOWN)) {
            throw InvalidFieldException.invalid("status", "status must be UP or DOWN, but was '" + status + "'");
        }
        if (ready != status.equals(UP)) {
            throw InvalidFieldException.invalid("ready", "ready must be " + status.equals(UP) + " when status is "
                    + status + ", but was " + ready);
        }
    }

    public static SiteHealth up(String siteId) {
        return new SiteHealth(siteId, UP, true);
    }

    public static SiteHealth down(String siteId) {
        return new SiteHealth(siteId, DOWN, false);
    }
}
