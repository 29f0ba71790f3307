package io.edgeoff.site.http;

/**
 * The one JSON shape of every error answer.
 *
 * @param code     machine-readable, UPPER_SNAKE_CASE (e.g. {@code MISSING_FIELD})
 * @param message  human-readable, naming the field and the value
 */
public record ErrorResponse(String code, String message) {
}
