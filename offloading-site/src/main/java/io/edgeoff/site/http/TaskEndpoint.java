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
import java.util.Arrays;
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
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
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

    /**
     * Non-blocking: Jetty calls {@link #handle} on the thread that read the request, without handing
     * it to another thread first. Task requests never block here (the body is read as it arrives,
     * answers are written asynchronously, paced work runs on the executor's threads); every other
     * request, and every error answer (which may read and discard a body), is passed to a server
     * thread, where blocking is allowed.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!PATH.equals(path) && !(PATH + "/").equals(path)) {
            blocking(request, () -> {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            }, callback);
            return true;
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
                    o.ended().thenRun(() -> fail(request, response, callback, SiteHttpApi.hungAnswer()));
                    return true;
                }
                throw api.unavailable(o);
            }
            api.checkToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            long declared = request.getLength();
            if (declared > api.maxRequestBytes()) {
                throw api.tooLarge(declared);
            }
            new BodyReader(request, response, callback, declared).run();
        } catch (RuntimeException e) {
            fail(request, response, callback, e);
        }
        return true;
    }

    /** Reads the body chunk by chunk as it arrives (never waiting), then runs the task. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private byte[] body;
        private int size;

        BodyReader(Request request, Response response, Callback callback, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = new byte[declared >= 0 ? (int) declared : 8192];
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        throw ApiException.badRequest("MALFORMED_REQUEST", "request body could not be read: "
                                + chunk.getFailure().getMessage());
                    }
                    boolean last = chunk.isLast();
                    try {
                        append(chunk.getByteBuffer());
                    } finally {
                        chunk.release();
                    }
                    if (last) {
                        break;
                    }
                }
                submit(request, response, callback, parser.parse(size == body.length ? body
                        : Arrays.copyOf(body, size)));
            } catch (RuntimeException e) {
                fail(request, response, callback, e);
            }
        }

        private void append(ByteBuffer bytes) {
            int n = bytes.remaining();
            if (size + (long) n > api.maxRequestBytes()) {
                throw api.tooLarge(size + (long) n);
            }
            if (size + n > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(api.maxRequestBytes(), Math.max(2L * body.length, size + n)));
            }
            bytes.get(body, size, n);
            size += n;
        }
    }

    /** Answers a failed task request (an {@link ApiException}, or any other exception as a 500), on a server thread. */
    private void fail(Request request, Response response, Callback callback, Throwable failure) {
        ApiException e;
        if (failure instanceof ApiException api) {
            e = api;
            if (e.status() >= 400 && e.status() < 500 && e.status() != 405) {
                metrics.taskOutcome("invalid");
            }
        } else {
            LOG.error("internal error on {} {}", request.getMethod(), PATH, failure);
            e = new ApiException(500, "INTERNAL_ERROR", "internal error; see the site's log");
        }
        blocking(request, () -> sendError(request, response, callback, e), callback);
    }

    /** Runs {@code work} on a server thread, where it may block; a failure fails the request. */
    private static void blocking(Request request, BlockingWork work, Callback callback) {
        request.getComponents().getExecutor().execute(() -> {
            try {
                work.run();
            } catch (Throwable x) {
                callback.failed(x);
            }
        });
    }

    @FunctionalInterface
    private interface BlockingWork {
        void run() throws Exception;
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
                fail(request, response, callback, new ApiException(500, "EXECUTION_FAILED", "task "
                        + order.idempotencyKey() + " failed: " + error));
            } else {
                send(response, callback, 200, taskResponse(quotedSiteId, result, replayed), Map.of());
            }
        });
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
