package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /v1/admin/outages}: an outage to inject.
 *
 * @param mode            one of {@link #MODES}, lower case (read in any case, surrounding blanks ignored)
 * @param durationMillis  how long, ms, in [1, {@value #MAX_DURATION_MILLIS}]
 */
@JsonPropertyOrder({"mode", "durationMillis"})
public record OutageRequest(
        @JsonProperty(value = "mode", required = true) String mode,
        @JsonProperty(value = "durationMillis", required = true) double durationMillis) {
    /** The outage modes, as written on the wire. */
    public static final List<String> MODES = List.of("crash", "refuse", "hang", "error");
    /** Longest outage, ms (a day). */
    public static final double MAX_DURATION_MILLIS = 86_400_000;

    public OutageRequest {
        if (mode == null) {
            throw InvalidFieldException.missing("mode");
        }
        String label = mode.trim().toLowerCase(Locale.ROOT);
        if (!MODES.contains(label)) {
            throw InvalidFieldException.invalid("mode", "unknown outage mode '" + mode + "'; known modes: " + MODES);
        }
        mode = label;
        Checks.inRange(durationMillis, 1, MAX_DURATION_MILLIS, "durationMillis");
    }

    /** Jackson's way in, strict about types (a number is never read from a string). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OutageRequest fromJson(Map<String, Object> json) {
        if (json == null) {
            throw new IllegalArgumentException("an outage request must be a JSON object");
        }
        Object mode = json.get("mode");
        if (!(mode instanceof String text)) {
            throw mode == null ? InvalidFieldException.missing("mode")
                    : InvalidFieldException.invalid("mode", "mode must be one of " + String.join(", ", MODES)
                    + ", but was " + JsonValues.typeName(mode));
        }
        Object duration = json.get("durationMillis");
        if (!(duration instanceof Number millis)) {
            throw duration == null ? InvalidFieldException.missing("durationMillis")
                    : InvalidFieldException.invalid("durationMillis", "durationMillis must be a number of milliseconds"
                    + " in [1, 86400000], but was " + JsonValues.typeName(duration));
        }
        return new OutageRequest(text, millis.doubleValue());
    }
}
