package io.edgeoff.site.http;

import io.edgeoff.siteapi.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An error answer: HTTP status, {@link ApiError} body, for 503 a {@code Retry-After} in seconds and,
 * for 401, the {@code WWW-Authenticate} challenge.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final OptionalLong retryAfterSeconds;
    private final Optional<String> challenge;

    public ApiException(int status, String code, String message) {
        this(status, code, message, OptionalLong.empty());
    }

    public ApiException(int status, String code, String message, OptionalLong retryAfterSeconds) {
        this(status, code, message, retryAfterSeconds, Optional.empty());
    }

    private ApiException(int status, String code, String message, OptionalLong retryAfterSeconds,
                         Optional<String> challenge) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.challenge = challenge;
    }

    /** A 401 {@code UNAUTHORIZED} answer with the {@code WWW-Authenticate} challenge {@code challenge}. */
    public static ApiException unauthorized(String message, String challenge) {
        return new ApiException(401, "UNAUTHORIZED", message, OptionalLong.empty(), Optional.of(challenge));
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** @return the response headers this answer needs ({@code Retry-After}, {@code WWW-Authenticate}) */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        retryAfterSeconds.ifPresent(s -> headers.put("Retry-After", Long.toString(s)));
        challenge.ifPresent(c -> headers.put("WWW-Authenticate", c));
        return headers;
    }

    public ApiError body() {
        return new ApiError(code, getMessage());
    }
}
