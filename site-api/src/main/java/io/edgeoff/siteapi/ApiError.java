package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.regex.Pattern;

/**
 * The one JSON shape of every error answer of the site (any 4xx or 5xx status).
 *
 * @param code     machine-readable, UPPER_SNAKE_CASE (e.g. {@code MISSING_FIELD})
 * @param message  human-readable, naming the field and the value
 */
@JsonPropertyOrder({"code", "message"})
public record ApiError(
        @JsonProperty(value = "code", required = true) String code,
        @JsonProperty(value = "message", required = true) String message) {
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

    public ApiError {
        Checks.present(code, "code");
        if (!UPPER_SNAKE.matcher(code).matches()) {
            throw InvalidFieldException.invalid("code", "code must be UPPER_SNAKE_CASE, but was '" + code + "'");
        }
        Checks.present(message, "message");
    }
}
