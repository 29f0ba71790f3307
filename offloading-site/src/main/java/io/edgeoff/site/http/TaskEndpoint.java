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
 *
 * <p>Hardening: an error answer never waits for a body nobody wants (what has already arrived is
 * consumed without waiting; otherwise the answer says {@code Connection: close} and the connection
 * closes); a body's buffer grows with the bytes that arrive, never with the declared length, and
 * all bodies being received share one memory budget ({@link BodyBudget}); any exception on the
 * task path, also inside a completion callback or while encoding the answer, becomes a 500 JSON
 * answer instead of a silent connection.
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
    private final ReplyEncoder encoder;
    private final BodyBudget budget;

    /** Writes the 200 body of a task answer; {@link TaskEndpoint#taskResponse} in production (a seam for tests). */
    @FunctionalInterface
    interface ReplyEncoder {
        byte[] encode(byte[] quotedSiteId, TaskResult result, boolean replayed);
    }

    TaskEndpoint(SiteHttpApi api, SiteService service, OutageController outages, SiteMetrics metrics,
                 TaskRequestParser parser, String siteId, ReplyEncoder encoder, BodyBudget budget) {
        this.api = api;
        this.service = service;
        this.outages = outages;
        this.metrics = metrics;
        this.parser = parser;
        this.quotedSiteId = JsonStringEncoder.getInstance().quoteAsUTF8(siteId);
        this.encoder = encoder;
        this.budget = budget;
    }

    /**
     * Non-blocking: Jetty calls {@link #handle} on the thread that read the request, without handing
     * it to another thread first. Task requests never block here (the body is read as it arrives,
     * answers are written asynchronously, paced work runs on the executor's threads, error answers
     * never wait for the rest of a body); every other request is passed to a server thread, where
     * blocking is allowed.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!isTaskPath(request)) {
            other(request, response, callback);
            return true;
        }
        String path = Request.getPathInContext(request);
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
                    o.ended().whenComplete((done, error) -> fail(request, response, callback, SiteHttpApi.hungAnswer()));
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
        } catch (RuntimeException | Error e) {
            fail(request, response, callback, e);
        }
        return true;
    }

    private static boolean isTaskPath(Request request) {
        String path = Request.getPathInContext(request);
        return PATH.equals(path) || (PATH + "/").equals(path);
    }

    /**
     * Every other endpoint, served by Javalin's servlet on a server thread. A request body (only
     * {@code POST /v1/admin/outages} takes one) is read here first, as it arrives and within the
     * limit, so that no server thread ever waits for a slow body, and the servlet never leaves a body
     * unread (which would make Jetty reset the connection under a client still sending it).
     */
    private void other(Request request, Response response, Callback callback) {
        long declared = request.getLength();
        boolean hasBody = declared > 0 || declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!hasBody) {
            dispatch(request, response, callback);
            return;
        }
        if (declared > api.maxRequestBytes()) {
            fail(request, response, callback, api.tooLarge(declared));
            return;
        }
        new BodyReader(request, response, callback, declared,
                body -> dispatch(new ReadBodyRequest(request, body), response, callback)).run();
    }

    private void dispatch(Request request, Response response, Callback callback) {
        blocking(request, () -> {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        }, callback);
    }

    /** A request whose body has been read already: the servlet reads it from memory. */
    private static final class ReadBodyRequest extends Request.Wrapper {
        private final java.util.concurrent.atomic.AtomicBoolean served = new java.util.concurrent.atomic.AtomicBoolean();
        private final byte[] body;

        ReadBodyRequest(Request request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public Content.Chunk read() {
            return served.compareAndSet(false, true) ? Content.Chunk.from(ByteBuffer.wrap(body), true)
                    : Content.Chunk.EOF;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }

    /**
     * Reads the body chunk by chunk as it arrives (never waiting), then runs the task. The buffer
     * starts at {@value #INITIAL_BODY_BYTES} bytes (or the declared length, when smaller) and
     * doubles as bytes arrive, up to the declared length and the limit: memory follows what was
     * received, not what was announced. Every growth is charged to the shared {@link BodyBudget}.
     */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long declared;
        private final java.util.function.Consumer<byte[]> then;
        private byte[] body;
        private int size;
        private long reserved;

        /** Reads a task's body, then parses and submits it. */
        BodyReader(Request request, Response response, Callback callback, long declared) {
            this(request, response, callback, declared, null);
        }

        /** Reads a body, then hands it to {@code then}. */
        BodyReader(Request request, Response response, Callback callback, long declared,
                   java.util.function.Consumer<byte[]> then) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.declared = declared;
            this.then = then;
            this.body = new byte[0];
        }

        @Override
        public void run() {
            TaskOrder order;
            try {
                while (true) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        throw unreadable(chunk.getFailure());
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
                byte[] whole = size == body.length ? body : Arrays.copyOf(body, size);
                if (then != null) {
                    release();
                    then.accept(whole);
                    return;
                }
                order = parser.parse(whole);
            } catch (RuntimeException | Error e) {
                release();
                fail(request, response, callback, e);
                return;
            }
            release();
            try {
                submit(request, response, callback, order);
            } catch (RuntimeException | Error e) {
                fail(request, response, callback, e);
            }
        }

        private void append(ByteBuffer bytes) {
            int n = bytes.remaining();
            long needed = size + (long) n;
            if (needed > api.maxRequestBytes()) {
                throw api.tooLarge(needed);
            }
            if (needed > body.length) {
                long cap = declared >= 0 ? Math.min(declared, api.maxRequestBytes()) : api.maxRequestBytes();
                int capacity = (int) Math.max(needed, Math.min(cap, Math.max(INITIAL_BODY_BYTES, 2L * body.length)));
                if (!budget.tryReserve(capacity - body.length)) {
                    throw api.bodiesSaturated(budget);
                }
                reserved += capacity - body.length;
                body = Arrays.copyOf(body, capacity);
            }
            bytes.get(body, size, n);
            size += n;
        }

        private void release() {
            budget.release(reserved);
            reserved = 0;
            body = new byte[0];
        }
    }

    /** Smallest body buffer, bytes; a body of unknown length starts here too. */
    static final int INITIAL_BODY_BYTES = 16 * 1024;

    /** The answer to a body that could not be read: 408 when the idle timeout ended the wait, else 400. */
    private ApiException unreadable(Throwable failure) {
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return new ApiException(408, "REQUEST_TIMEOUT", "the request body stopped arriving: nothing was received for "
                    + api.idleTimeout().toMillis() + " ms (the idle timeout)");
        }
        return ApiException.badRequest("MALFORMED_REQUEST", "request body could not be read: "
                + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
    }

    /**
     * Answers a failed request (an {@link ApiException}, or any other exception as a 500) on the
     * calling thread, without blocking; a 4xx of the task endpoint counts as an invalid task. Never throws: if even the answer cannot be written, the
     * request is failed, which makes Jetty close the connection.
     */
    private void fail(Request request, Response response, Callback callback, Throwable failure) {
        try {
            boolean task = isTaskPath(request);
            ApiException e;
            if (failure instanceof ApiException api) {
                e = api;
                if (task && e.status() >= 400 && e.status() < 500 && e.status() != 405 && e.status() != 422) {
                    metrics.taskOutcome("invalid");
                }
            } else {
                LOG.error("internal error on {} {}", request.getMethod(), Request.getPathInContext(request), failure);
                e = new ApiException(500, "INTERNAL_ERROR", "internal error; see the site's log");
            }
            sendError(request, response, callback, e);
        } catch (Throwable x) {
            LOG.error("could not answer {} {}; closing the connection", request.getMethod(),
                    Request.getPathInContext(request), x);
            callback.failed(x);
        }
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
            // Runs on whichever thread completes the task; an exception thrown here would be lost
            // (the future swallows it), so every one becomes an answer.
            try {
                if (error instanceof io.edgeoff.site.execution.TaskExecutor.StoppedException
                        || error != null && error.getCause() instanceof io.edgeoff.site.execution.TaskExecutor.StoppedException) {
                    // Handed back by a stopping site: the client may run it elsewhere at once.
                    fail(request, response, callback, new ApiException(503, "SITE_UNAVAILABLE", "task "
                            + order.idempotencyKey() + " handed back: the site stopped before it finished", OptionalLong.of(1)));
                } else if (handlerFailure(error) != null) {
                    io.edgeoff.task.HandlerException h = handlerFailure(error);
                    fail(request, response, callback, new ApiException(422, h.reason().code(), "task "
                            + order.idempotencyKey() + ": " + h.getMessage()));
                } else if (error != null) {
                    fail(request, response, callback, new ApiException(500, "EXECUTION_FAILED", "task "
                            + order.idempotencyKey() + " failed: " + error));
                } else {
                    send(response, callback, 200, encoder.encode(quotedSiteId, result, replayed), Map.of());
                }
            } catch (Throwable x) {
                fail(request, response, callback, x);
            }
        });
    }

    /** @return the handler's failure behind a task's error, or null when it is another error */
    private static io.edgeoff.task.HandlerException handlerFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof io.edgeoff.task.HandlerException h) {
                return h;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private void sendError(Request request, Response response, Callback callback, ApiException e) {
        Callback then = callback;
        if (!consumedWithoutWaiting(request)) {
            // The rest of the body is not wanted and not waited for: answer, then close.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            if (!request.getHeaders().contains(HttpHeader.EXPECT)) {
                then = new Linger(request, callback, LINGER_BYTES_PER_LIMIT * api.maxRequestBytes());
            }
        }
        send(response, then, e.status(), api.errorBody(e), e.headers());
    }

    /** How long an error answer that closes the connection keeps discarding the body, ms. */
    static final long LINGER_MILLIS = 1000;
    /** How much of the body it discards at most, in multiples of the request limit. */
    private static final long LINGER_BYTES_PER_LIMIT = 4;

    /**
     * Completes the request after its error answer has been written, once the client has stopped
     * sending or after {@value #LINGER_MILLIS} ms or {@code maxBytes} bytes, whichever comes first,
     * discarding the body meanwhile as it arrives (a lingering close): a client still sending its
     * body then reads the answer instead of a reset. No thread waits for it: each chunk is
     * discarded by the thread that received it, and a timer ends the wait.
     */
    private static final class Linger implements Callback, Runnable {
        private final Request request;
        private final Callback callback;
        private final long maxBytes;
        private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        private long discarded;

        Linger(Request request, Callback callback, long maxBytes) {
            this.request = request;
            this.callback = callback;
            this.maxBytes = maxBytes;
        }

        @Override
        public void succeeded() {
            try {
                request.getComponents().getScheduler().schedule(this::finish, LINGER_MILLIS,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                run();
            } catch (RuntimeException e) {
                finish();
            }
        }

        @Override
        public void failed(Throwable x) {
            if (done.compareAndSet(false, true)) {
                callback.failed(x);
            }
        }

        @Override
        public void run() {
            while (!done.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
                discarded += chunk.getByteBuffer().remaining();
                chunk.release();
                if (end || discarded > maxBytes) {
                    finish();
                    return;
                }
            }
        }

        private void finish() {
            if (done.compareAndSet(false, true)) {
                callback.succeeded();
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /**
     * Consumes what has already arrived of the request body, never waiting for more.
     *
     * @return true when the whole body has been read (the connection can serve another request)
     */
    static boolean consumedWithoutWaiting(Request request) {
        if (request.getHeaders().contains(HttpHeader.EXPECT)) {
            return false; // reading would ask the client (100 Continue) to send a body we do not want
        }
        for (int reads = 0; reads < MAX_CONSUME_READS; reads++) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false;
            }
            boolean failed = Content.Chunk.isFailure(chunk);
            boolean last = chunk.isLast();
            chunk.release();
            if (failed) {
                return false;
            }
            if (last) {
                return true;
            }
        }
        return false;
    }

    /** Already-arrived chunks an error answer consumes at most before it closes instead. */
    private static final int MAX_CONSUME_READS = 4;

    private void send(Response response, Callback callback, int status, byte[] body, Map<String, String> headers) {
        response.setStatus(status);
        var fields = response.getHeaders();
        fields.put(HttpHeader.CONTENT_TYPE, SiteHttpApi.JSON);
        fields.put(HttpHeader.CONTENT_LENGTH, body.length);
        headers.forEach(fields::put);
        metrics.response(status);
        metrics.request("POST /v1/tasks", System.nanoTime() - response.getRequest().getBeginNanoTime());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The 200 body of {@code POST /v1/tasks}, written by hand (it is measured: {@code docs/PERFORMANCE.md}):
     * the fields, order and number formatting of the contract's {@link io.edgeoff.siteapi.TaskReply} as
     * Jackson writes it, with the output base64-encoded by the JDK. {@code TaskContractTest} reads
     * what it writes back into the record with Jackson.
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
