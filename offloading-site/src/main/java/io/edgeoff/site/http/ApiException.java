package io.edgeoff.site.http;

import java.util.OptionalLong;

/** An error answer: HTTP status, {@link ErrorResponse} and, for 503, a {@code Retry-After} in seconds. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final OptionalLong retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, OptionalLong.empty());
    }

    public ApiException(int status, String code, String message, OptionalLong retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
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

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorResponse body() {
        return new ErrorResponse(code, getMessage());
    }
}
