package io.edgeoff.site.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.SiteMetrics;
import io.edgeoff.site.SiteService;
import io.edgeoff.site.failure.FailureRecord;
import io.edgeoff.site.injection.ActiveOutage;
import io.edgeoff.site.injection.OutageController;
import io.edgeoff.site.injection.OutageMode;
import io.edgeoff.site.prediction.Forecast;
import io.edgeoff.siteapi.ApiError;
import io.edgeoff.siteapi.FailureEvent;
import io.edgeoff.siteapi.FailureEvents;
import io.edgeoff.siteapi.InvalidFieldException;
import io.edgeoff.siteapi.OutageRequest;
import io.edgeoff.siteapi.OutageStatus;
import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.siteapi.SiteHealth;
import io.edgeoff.siteapi.SiteResources;
import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's HTTP API under {@code /v1} (contract in {@code docs/SITE.md} and
 * {@code docs/openapi-site.json}). Every body is a record of the wire contract
 * ({@code io.edgeoff.siteapi}) written or read by Jackson, except the task endpoint's, which
 * {@link TaskEndpoint} reads and writes with its fast parser and writer, tested against the same
 * records. Validation happens here, at the boundary; every error is one {@link ApiError} JSON with a
 * 4xx or 5xx status and never a stack trace.
 *
 * <p>Outages: while an {@code error} outage is in progress, every service endpoint (tasks,
 * health, resources, availability) answers 503; during {@code hang} they accept the request and
 * answer nothing until the outage ends (then 503). Admin, metrics and the OpenAPI document stay
 * reachable so an experiment can observe the site.
 */
public final class SiteHttpApi {
    /** Path of the OpenAPI document (classpath resource and served copy). */
    public static final String OPENAPI_RESOURCE = "/io/edgeoff/site/http/openapi-site.json";

    private static final Logger LOG = LoggerFactory.getLogger(SiteHttpApi.class);
    static final String JSON = "application/json";

    private final SiteService service;
    private final OutageController outages;
    private final SiteMetrics metrics;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final TaskRequestParser parser;
    private final byte[] token;
    private final byte[] openApi;
    private final String siteId;
    private final long maxRequestBytes;
    private final Duration idleTimeout;
    private final TaskEndpoint.ReplyEncoder encoder;
    private final BodyBudget bodyBudget;

    public SiteHttpApi(SiteService service, OutageController outages, SiteMetrics metrics, Clock clock) {
        this(service, outages, metrics, clock, TaskEndpoint::taskResponse,
                BodyBudget.forHeap(service.config().maxRequestBytes()));
    }

    /** With the task answer's encoder and the body memory budget given (tests inject failures through them). */
    SiteHttpApi(SiteService service, OutageController outages, SiteMetrics metrics, Clock clock,
                TaskEndpoint.ReplyEncoder encoder, BodyBudget bodyBudget) {
        this.encoder = encoder;
        this.bodyBudget = bodyBudget;
        this.service = service;
        this.outages = outages;
        this.metrics = metrics;
        this.clock = clock;
        var config = service.config();
        this.siteId = config.site().id();
        this.maxRequestBytes = config.maxRequestBytes();
        this.idleTimeout = config.idleTimeout();
        this.parser = new TaskRequestParser(mapper, config.taskKinds(), config.maxMillionInstructions(),
                config.maxOutKB(), service::handlerNames);
        this.token = config.token().getBytes(StandardCharsets.UTF_8);
        this.openApi = openApiDocument();
    }

    /** @return the bytes of the OpenAPI document served at {@code /v1/openapi.json} */
    public static byte[] openApiDocument() {
        try (InputStream in = SiteHttpApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates and starts a Javalin server on {@code host:port} (port 0: any free port). */
    public Javalin start(String host, int port) {
        return Javalin.create(config -> {
            configure(config);
            // Task requests are handled on the selector threads (TaskEndpoint is non-blocking), so
            // there is one selector per core instead of Jetty's default of one per two cores.
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, -1, SELECTORS, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                // A connection that sends nothing (not even the rest of its headers) holds no thread, and is closed after this.
                connector.setIdleTimeout(idleTimeout.toMillis());
                return connector;
            });
        }).start();
    }

    /**
     * Stops a server {@link #start}ed by this API: at once, or (the site is stopping, {@code drain})
     * after the answers being written have been sent, waiting at most {@link #ANSWER_DRAIN}.
     */
    public static void stop(Javalin http, boolean drain) {
        http.jettyServer().server().setStopTimeout(drain ? ANSWER_DRAIN.toMillis() : 0);
        http.stop();
    }

    /** How long a stopping server waits for answers still being written before it closes their connections. */
    public static final Duration ANSWER_DRAIN = Duration.ofSeconds(2);

    private static final int SELECTORS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = maxRequestBytes;
        config.http.prefer405over404 = true;
        // Payload sizes are part of the offloading cost model (inKB up, outKB down): never compress.
        config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
        config.requestLogger.http((ctx, ms) -> {
            metrics.response(ctx.statusCode());
            metrics.request(route(ctx), Math.round(ms.doubleValue() * 1e6));
        });
        var routes = config.routes;
        // POST /v1/tasks, the hot path, is a Jetty core handler in front of this servlet (TaskEndpoint).
        config.jetty.modifyServer(server -> {
            // The graceful handler lets a stopping server finish writing the answers in flight (at most
            // ANSWER_DRAIN) after the site has answered or handed back every task it held.
            server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler(
                    new TaskEndpoint(this, service, outages, metrics, parser, siteId, encoder, bodyBudget)));
            server.setStopTimeout(0); // a refuse outage closes the listener at once; see stop(Javalin, boolean)
            // Errors that Jetty answers itself (bad request line, 414, 431, 505, ...) get the JSON shape too.
            server.setErrorHandler(new JsonErrorHandler(this, metrics));
        });
        routes.get("/v1/health", guarded(false, false, this::health));
        routes.get("/v1/health/live", this::liveness);
        routes.get("/v1/resources", guarded(false, true, this::resources));
        routes.get("/v1/availability", guarded(false, true, this::availability));
        routes.get("/v1/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
        routes.get("/v1/openapi.json", ctx -> ctx.contentType(JSON).result(openApi));
        routes.post("/v1/admin/outages", guarded(true, false, this::injectOutage));
        routes.get("/v1/admin/outages", guarded(true, false, this::currentOutage));
        routes.get("/v1/admin/failure-events", guarded(true, false, this::failureEvents));
        routes.exception(ApiException.class, (e, ctx) -> {
            writeError(ctx, e);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, new ApiException(e.getStatus(),
                codeOf(e.getStatus()), e.getMessage() == null ? "HTTP " + e.getStatus() : e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            writeError(ctx, new ApiException(500, "INTERNAL_ERROR", "internal error; see the site's log"));
        });
        routes.error(404, ctx -> {
            if (!isErrorBody(ctx)) {
                writeError(ctx, new ApiException(404, "NOT_FOUND", "no such endpoint: " + ctx.method() + " "
                        + ctx.path()));
            }
        });
        routes.error(405, ctx -> writeError(ctx, new ApiException(405, "METHOD_NOT_ALLOWED", "method "
                + ctx.method() + " is not allowed on " + ctx.path())));
    }

    /** The matched route ({@code GET /v1/health}), or {@code other} when none matched (404, 405). */
    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoint();
            return endpoint == null ? "other" : ctx.method() + " " + endpoint.path;
        } catch (RuntimeException e) {
            return "other";
        }
    }

    private boolean isErrorBody(Context ctx) {
        String result = ctx.result();
        return result != null && result.startsWith("{\"code\"");
    }

    private Handler guarded(boolean needsToken, boolean outagesApply, Handler inner) {
        return ctx -> {
            if (outagesApply) {
                Optional<ActiveOutage> outage = outages.active();
                if (outage.isPresent()) {
                    ActiveOutage o = outage.get();
                    if (o.mode() == OutageMode.HANG) {
                        hang(ctx, o);
                        return;
                    }
                    throw unavailable(o);
                }
            }
            if (needsToken) {
                checkToken(ctx.header("Authorization"));
            }
            inner.handle(ctx);
        };
    }

    /** The 503 answer during an injected outage (not {@code hang}, which answers nothing). */
    ApiException unavailable(ActiveOutage o) {
        return new ApiException(503, "SITE_UNAVAILABLE", "site " + siteId + " is in an injected " + o.mode().label()
                + " outage until " + o.end(), OptionalLong.of(secondsUntil(o)));
    }

    /** The answer a request held by a {@code hang} outage finally gets when the outage ends. */
    static ApiException hungAnswer() {
        return new ApiException(503, "SITE_UNAVAILABLE", "the site hung during an injected outage and did not answer");
    }

    /** Checks the {@code Authorization} header against the site's bearer token. */
    void checkToken(String header) {
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("missing Authorization: Bearer <token> header", "Bearer");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("Authorization header must use the Bearer scheme", "Bearer");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw ApiException.unauthorized("wrong bearer token", "Bearer error=\"invalid_token\"");
        }
    }

    /**
     * Reads the whole body. {@link TaskEndpoint} has read it already (as it arrived, within the
     * limit), so this never waits on the network.
     */
    private byte[] readBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw tooLarge(declared);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) maxRequestBytes + 1);
            if (body.length > maxRequestBytes) {
                throw tooLarge(body.length);
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("MALFORMED_REQUEST", "request body could not be read: " + e.getMessage());
        }
    }

    long maxRequestBytes() {
        return maxRequestBytes;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    /** The 503 answer when the bodies being received have spent the memory budget. */
    ApiException bodiesSaturated(BodyBudget budget) {
        return new ApiException(503, "SATURATED", "site saturated: request bodies being received hold "
                + budget.reservedBytes() + " of " + budget.capacityBytes() + " bytes of memory", OptionalLong.of(1));
    }

    ApiException tooLarge(long size) {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", "request body of " + size + " bytes exceeds the limit of "
                + maxRequestBytes + " bytes");
    }

    private void health(Context ctx) {
        Optional<ActiveOutage> outage = outages.active();
        if (outage.isPresent() && outage.get().mode() == OutageMode.HANG) {
            hang(ctx, outage.get());
            return;
        }
        if (outage.isPresent()) {
            ctx.header("Retry-After", Long.toString(secondsUntil(outage.get())));
            writeJson(ctx, 503, SiteHealth.down(siteId));
            return;
        }
        if (service.draining()) {
            // Stopping (SIGTERM): out of the Service while the tasks it holds finish.
            writeJson(ctx, 503, SiteHealth.down(siteId));
            return;
        }
        writeJson(ctx, 200, SiteHealth.up(siteId));
    }

    /** Liveness: the process runs and answers (only a {@code hang} outage silences it). */
    private void liveness(Context ctx) {
        Optional<ActiveOutage> outage = outages.active();
        if (outage.isPresent() && outage.get().mode() == OutageMode.HANG) {
            hang(ctx, outage.get());
            return;
        }
        writeJson(ctx, 200, SiteHealth.up(siteId));
    }

    private void hang(Context ctx, ActiveOutage o) {
        ctx.future(() -> o.ended().thenRun(() -> writeError(ctx, hungAnswer())));
    }

    private long secondsUntil(ActiveOutage o) {
        return Math.max(1, (long) Math.ceil(Duration.between(clock.instant(), o.end()).toMillis() / 1000.0));
    }

    private void resources(Context ctx) {
        var r = service.resources();
        writeJson(ctx, 200, new SiteResources(r.siteId(), r.mips(), r.cores(), r.memoryGB(),
                r.storageGB(), r.queueLength(), r.recentThroughputMips(), r.handlers(), r.hostMips(),
                r.speedEmulation()));
    }

    private void availability(Context ctx) {
        String slotsParam = ctx.queryParam("slots");
        int slots = 1;
        if (slotsParam != null) {
            try {
                slots = Integer.parseInt(slotsParam.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("INVALID_PARAMETER", "slots must be a whole number, but was '"
                        + slotsParam + "'");
            }
            if (slots < 1 || slots > 10_000) {
                throw ApiException.badRequest("INVALID_PARAMETER", "slots must be in [1, 10000], but was " + slots);
            }
        }
        String predictor = ctx.queryParam("predictor");
        if (predictor != null && !service.servedPredictors().contains(predictor)) {
            throw ApiException.badRequest("INVALID_PARAMETER", "predictor '" + predictor
                    + "' is not served by this site; it serves " + service.servedPredictors());
        }
        Forecast f = service.forecast(predictor, slots);
        // An infinite MTBF or time since the last failure ("no failure observed") is sent as null.
        writeJson(ctx, 200, new SiteAvailability(siteId, f.predictor(), f.slotSeconds(),
                java.util.Arrays.stream(f.values()).boxed().toList(), f.mtbfHours(), f.hoursSinceLastFailure(),
                f.metrics(), service.servedPredictors()));
    }

    private void injectOutage(Context ctx) {
        JsonNode root;
        try {
            root = mapper.readTree(readBody(ctx));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body is not valid JSON: "
                    + TaskRequestParser.jsonProblem(e));
        } catch (IOException e) {
            throw ApiException.badRequest("MALFORMED_JSON", e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body must be a JSON object");
        }
        OutageRequest request;
        try {
            request = mapper.treeToValue(root, OutageRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw contractProblem(e);
        }
        OutageMode mode = OutageMode.parse(request.mode());
        double millis = request.durationMillis();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        ActiveOutage outage;
        try {
            outage = outages.inject(mode, Duration.ofMillis(Math.round(millis)), "admin", answered);
        } catch (IllegalStateException e) {
            throw new ApiException(409, "OUTAGE_IN_PROGRESS", e.getMessage());
        }
        try {
            // Sent now, not after the handler: a crash or refuse outage may end the process or listener next.
            byte[] body = mapper.writeValueAsBytes(outageResponse(Optional.of(outage)));
            ctx.res().setStatus(202);
            ctx.res().setContentType(JSON);
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
            ctx.res().flushBuffer();
        } catch (IOException e) {
            LOG.warn("could not answer the outage request: {}", e.getMessage());
        } finally {
            answered.complete(null);
        }
    }

    /**
     * The answer to a body Jackson could not map to its record: the record's own complaint (naming
     * the field) when it refused a value, else Jackson's description without its internals.
     */
    static ApiException contractProblem(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFieldException invalid) {
                return TaskRequestParser.invalid(invalid);
            }
        }
        String problem = e instanceof JsonProcessingException j ? TaskRequestParser.jsonProblem(j) : e.getMessage();
        return ApiException.badRequest("MALFORMED_JSON", "request body does not have the expected shape: " + problem);
    }

    private void currentOutage(Context ctx) {
        writeJson(ctx, 200, outageResponse(outages.active()));
    }

    private static OutageStatus outageResponse(Optional<ActiveOutage> outage) {
        return outage.map(o -> OutageStatus.of(o.mode().label(), o.source(), o.start(), o.end()))
                .orElse(OutageStatus.none());
    }

    private void failureEvents(Context ctx) {
        int limit = 100;
        String param = ctx.queryParam("limit");
        if (param != null) {
            try {
                limit = Integer.parseInt(param.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100_000) {
                throw ApiException.badRequest("INVALID_PARAMETER", "limit must be in [1, 100000], but was '" + param + "'");
            }
        }
        List<FailureRecord> records = service.monitor().records();
        List<FailureEvent> events = records.subList(Math.max(0, records.size() - limit), records.size()).stream()
                .map(r -> new FailureEvent(r.sequence(), r.time().toString(), r.type().name(), r.detail())).toList();
        writeJson(ctx, 200, new FailureEvents(siteId, service.monitor().recovery().toString(), events));
    }

    private void writeJson(Context ctx, int status, Record body) {
        try {
            ctx.status(status).contentType(JSON).result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise " + body.getClass().getSimpleName(), e);
        }
    }

    private void writeError(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).contentType(JSON).result(errorBody(e));
    }

    /** @return the JSON body of an error answer */
    byte[] errorBody(ApiException e) {
        try {
            return mapper.writeValueAsBytes(e.body());
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("could not serialise an error answer", x);
        }
    }

    /** The error code of an answer with {@code status} that no handler named (Javalin's and Jetty's own errors). */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 408 -> "REQUEST_TIMEOUT";
            case 411 -> "LENGTH_REQUIRED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 417 -> "EXPECTATION_FAILED";
            case 426 -> "UPGRADE_REQUIRED";
            case 431 -> "HEADERS_TOO_LARGE";
            case 500 -> "INTERNAL_ERROR";
            case 501 -> "NOT_IMPLEMENTED";
            case 503 -> "SITE_UNAVAILABLE";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            default -> "HTTP_" + status;
        };
    }
}
