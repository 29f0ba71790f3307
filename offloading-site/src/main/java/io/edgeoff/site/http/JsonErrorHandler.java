package io.edgeoff.site.http;

import io.edgeoff.site.SiteMetrics;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error answers (a bad request line, 414, 431, 417, 505, an upgrade it refuses, an
 * exception no handler caught) in the site's one error shape, {@link io.edgeoff.siteapi.ApiError} JSON, for
 * every method, instead of Jetty's HTML page or empty body. Messages name the problem, never a
 * class or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Pattern INTERNAL = Pattern.compile("(?:org|java|javax|jakarta|com|io)\\.[a-z]+\\.|Exception|`|\\$");

    private final SiteHttpApi api;
    private final SiteMetrics metrics;

    JsonErrorHandler(SiteHttpApi api, SiteMetrics metrics) {
        this.api = api;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object message = request.getAttribute(ERROR_MESSAGE);
        byte[] body = body(status, message instanceof String s ? s : null);
        response.setStatus(status);
        HttpFields.Mutable fields = response.getHeaders();
        fields.put(HttpHeader.CONTENT_TYPE, SiteHttpApi.JSON);
        fields.put(HttpHeader.CONTENT_LENGTH, body.length);
        fields.put(ERROR_CACHE_CONTROL);
        metrics.response(status);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** The answer to a request so broken that Jetty could not build one (e.g. an unparseable request line). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        byte[] body = body(status, reason);
        fields.put(HttpHeader.CONTENT_TYPE, SiteHttpApi.JSON);
        metrics.response(status);
        return ByteBuffer.wrap(body);
    }

    private byte[] body(int status, String detail) {
        return api.errorBody(new ApiException(status, SiteHttpApi.codeOf(status), message(status, detail)));
    }

    /** Jetty's reason for the error when it is a plain description; the status's name when it is missing or names internals. */
    static String message(int status, String detail) {
        String name = HttpStatus.getMessage(status);
        if (detail == null || detail.isBlank() || detail.equalsIgnoreCase(name) || INTERNAL.matcher(detail).find()) {
            return name + " (HTTP " + status + ")";
        }
        String clean = detail.strip();
        return clean.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT)) ? clean : name + ": " + clean;
    }
}
