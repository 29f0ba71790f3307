package io.edgeoff.site.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.edgeoff.site.SiteMetrics;
import io.edgeoff.site.SiteService;
import io.edgeoff.site.execution.SaturatedException;
import io.edgeoff.site.execution.TaskOrder;
import io.edgeoff.site.execution.TaskResult;
import io.edgeoff.site.injection.ActiveOutage;
import io.edgeoff.site.injection.OutageController;
import io.edgeoff.site.injection.OutageMode;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/tasks}, the site's hot path, served as a Jetty core handler in front of Javalin's
 * servlet (which serves every other endpoint on the same server and port). The servlet layer
 * cost about a third of a task request's CPU time; this handler answers the same contract
 * ({@code docs/SITE.md}): outages, bearer token, body limit, validation by
 * {@link TaskRequestParser}, idempotency, 503 when saturated, one JSON error shape, and the same
 * metrics. Task execution never blocks a server thread: a task that is not done at once is
 * answered from the thread that completes it.
 */
final class TaskEndpoint extends Handler.Wrapper {
    static final String PATH = "/v1/tasks";

    private static final Logger LOG = LoggerFactory.getLogger(TaskEndpoint.class);
    private static final byte[] KEY_FIELD = bytes("{\"idempotencyKey\":\"");
    private static final byte[] SITE_FIELD = bytes("\",\"siteId\":\"");
    private static final byte[] OUTPUT_FIELD = bytes("\",\"outputBase64\":\"");
    private static final byte[] WAIT_FIELD = bytes("\",\"queueWaitMillis\":");
    private static final byte[] EXECUTION_FIELD = bytes(",\"executionMillis\":");
    private static final byte[] REPLAYED_FIELD = bytes(",\"replayed\":");
    private static final byte[] TRUE_END = bytes("true}");
    private static final byte[] FALSE_END = bytes("false}");

    private final SiteHttpApi api;
    private final SiteService service;
    private final OutageController outages;
    private final SiteMetrics metrics;
    private final TaskRequestParser parser;
    private final byte[] quotedSiteId;

    TaskEndpoint(SiteHttpApi api, SiteService service, OutageController outages, SiteMetrics metrics,
                 TaskRequestParser parser, String siteId) {
        this.api = api;
        this.service = service;
        this.outages = outages;
        this.metrics = metrics;
        this.parser = parser;
        this.quotedSiteId = JsonStringEncoder.getInstance().quoteAsUTF8(siteId);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!PATH.equals(path) && !(PATH + "/").equals(path)) {
            return super.handle(request, response, callback);
        }
        try {
            if (!HttpMethod.POST.is(request.getMethod())) {
                throw new ApiException(405, "METHOD_NOT_ALLOWED", "method " + request.getMethod()
                        + " is not allowed on " + path);
            }
            Optional<ActiveOutage> outage = outages.active();
            if (outage.isPresent()) {
                ActiveOutage o = outage.get();
                if (o.mode() == OutageMode.HANG) {
                    // Accepted and never answered until the outage ends (then 503).
                    o.ended().thenRun(() -> sendError(request, response, callback, SiteHttpApi.hungAnswer()));
                    return true;
                }
                throw api.unavailable(o);
            }
            api.checkToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            submit(request, response, callback, parser.parse(readBody(request)));
        } catch (ApiException e) {
            if (e.status() != 503 && e.status() != 405) {
                metrics.taskOutcome("invalid");
            }
            sendError(request, response, callback, e);
        } catch (RuntimeException e) {
            LOG.error("internal error on {} {}", request.getMethod(), path, e);
            sendError(request, response, callback, new ApiException(500, "INTERNAL_ERROR",
                    "internal error; see the site's log"));
        }
        return true;
    }

    private void submit(Request request, Response response, Callback callback, TaskOrder order) {
        SiteService.Submission submission;
        try {
            submission = service.submit(order);
        } catch (SaturatedException e) {
            throw new ApiException(503, "SATURATED", e.getMessage(), OptionalLong.of(e.retryAfterSeconds()));
        } catch (SiteService.IdempotencyConflictException e) {
            throw new ApiException(409, "IDEMPOTENCY_CONFLICT", e.getMessage());
        }
        boolean replayed = submission.replayed();
        CompletableFuture<TaskResult> future = submission.result();
        // Done already (a replay, or a zero-MI task run on this thread): answered now; otherwise by the
        // thread that completes the task.
        future.whenComplete((result, error) -> {
            if (error != null) {
                sendError(request, response, callback, new ApiException(500, "EXECUTION_FAILED", "task "
                        + order.idempotencyKey() + " failed: " + error));
            } else {
                send(response, callback, 200, taskResponse(quotedSiteId, result, replayed), Map.of());
            }
        });
    }

    private byte[] readBody(Request request) {
        long declared = request.getLength();
        if (declared > api.maxRequestBytes()) {
            throw api.tooLarge(declared);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            return api.readBody(in, declared);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("MALFORMED_REQUEST", "request body could not be read: " + e.getMessage());
        }
    }

    private void sendError(Request request, Response response, Callback callback, ApiException e) {
        // Reads what is left of the body (bounded), so that a client still sending it sees this answer.
        if (!api.drainable(request.getLength())) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        } else {
            try (InputStream in = Content.Source.asInputStream(request)) {
                api.drain(in);
            } catch (java.io.IOException | RuntimeException ignored) {
                // Nothing more to read, or the client went away.
            }
        }
        send(response, callback, e.status(), api.errorBody(e), e.headers());
    }

    private void send(Response response, Callback callback, int status, byte[] body, Map<String, String> headers) {
        response.setStatus(status);
        var fields = response.getHeaders();
        fields.put(HttpHeader.CONTENT_TYPE, SiteHttpApi.JSON);
        fields.put(HttpHeader.CONTENT_LENGTH, body.length);
        headers.forEach(fields::put);
        metrics.response(status);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The 200 body of {@code POST /v1/tasks}: the fields, order and number formatting of
     * {@link ApiResponses.TaskResponse} as Jackson writes it, with the output base64-encoded by the JDK.
     *
     * @param quotedSiteId  the site id, JSON-escaped UTF-8 without the quotes
     */
    static byte[] taskResponse(byte[] quotedSiteId, TaskResult result, boolean replayed) {
        byte[] key = JsonStringEncoder.getInstance().quoteAsUTF8(result.idempotencyKey());
        byte[] output = Base64.getEncoder().encode(result.output());
        byte[] wait = bytes(Double.toString(result.queueWaitNanos() / 1e6));
        byte[] execution = bytes(Double.toString(result.executionNanos() / 1e6));
        byte[] end = replayed ? TRUE_END : FALSE_END;
        byte[][] parts = {KEY_FIELD, key, SITE_FIELD, quotedSiteId, OUTPUT_FIELD, output, WAIT_FIELD, wait,
                EXECUTION_FIELD, execution, REPLAYED_FIELD, end};
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] body = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, body, at, part.length);
            at += part.length;
        }
        return body;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
