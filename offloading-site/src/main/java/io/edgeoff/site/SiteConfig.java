package io.edgeoff.site;

import io.edgeoff.common.site.Site;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.site.failure.FailureFileOptions;
import io.edgeoff.site.injection.OutageMode;
import io.edgeoff.site.injection.OutageTrace;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a running site needs. Build with {@link #builder(Site, List, Path)}; every value is
 * validated when {@link Builder#build()} is called.
 *
 * @param site                    the site (id, rated MIPS, cores, memory, storage)
 * @param taskKinds               names of the task kinds this site executes (the catalogue)
 * @param dataDirectory           where the failure file lives
 * @param bindHost                interface to listen on
 * @param port                    TCP port, 0 for any free port
 * @param token                   bearer token for task and admin endpoints
 * @param tokenGenerated          true when the token was generated because none was given
 * @param queueCapacity           tasks that may wait for a core
 * @param maxRequestBytes         largest accepted request body, bytes, in [1024, {@value #MAX_REQUEST_BYTES_LIMIT}]
 * @param maxMillionInstructions  largest accepted task, MI
 * @param maxOutKB                largest accepted output, KB
 * @param idempotencyCapacity     idempotency keys remembered
 * @param failureFile             failure-file size limits
 * @param failureTrace            a failure trace to replay, if any
 * @param timeCompression         trace seconds per wall second when replaying (also scales the forecast slot)
 * @param traceOutageMode         mode of trace outages whose line names none
 * @param predictor               name of the prediction engine's model ({@code Predictors.names()})
 * @param predictorSeed           seed of the model's trainer
 * @param historySeries           earlier availability of this site in daily slots (a trace node), if any
 * @param retrainEverySlots       the model is retrained after this many new slots (and after each new failure)
 * @param idleTimeout             a connection that sends nothing for this long is closed (Jetty's idle timeout),
 *                                in [{@value #MIN_IDLE_TIMEOUT_MILLIS} ms, {@value #MAX_IDLE_TIMEOUT_SECONDS} s]
 * @param handlers                the task handlers: extra jars, host speed, budgets ({@link HandlerSettings})
 * @param traceSlot               length of one forecast slot in trace time (one day by default); the history series
 *                                has slots of this length, and one slot lasts {@code traceSlot / timeCompression} of
 *                                wall-clock time
 * @param servedPredictors        further models the site trains and serves by name
 *                                ({@code GET /v1/availability?predictor=NAME}), besides {@code predictor}; names from
 *                                {@code Predictors.names()} or {@code best}
 * @param databaseUrl             JDBC URL of the database the failure events are also written to, if any
 */
public record SiteConfig(Site site, List<String> taskKinds, Path dataDirectory, String bindHost, int port, String token,
                         boolean tokenGenerated, int queueCapacity, long maxRequestBytes, double maxMillionInstructions,
                         double maxOutKB, int idempotencyCapacity, FailureFileOptions failureFile,
                         Optional<OutageTrace> failureTrace, double timeCompression, OutageMode traceOutageMode,
                         String predictor, long predictorSeed, Optional<AvailabilitySeries> historySeries,
                         int retrainEverySlots, Duration idleTimeout, HandlerSettings handlers, Duration traceSlot,
                         List<String> servedPredictors, Optional<String> databaseUrl) {
    /** Default slot of trace time: one day (the seed's daily availability). */
    public static final Duration DEFAULT_TRACE_SLOT = Duration.ofDays(1);
    /** Default {@code servedPredictors}: the seed's SVR and the engine's best walk-forward model. */
    public static final List<String> DEFAULT_SERVED_PREDICTORS = List.of("svr", Predictors.BEST);
    /** The prediction engine's default model: the prediction module's default ({@code Predictors.DEFAULT_MODEL}). */
    public static final String DEFAULT_PREDICTOR = Predictors.DEFAULT_MODEL;
    /** Largest accepted {@code maxRequestBytes}: 64 MiB (a body is buffered whole before it is parsed). */
    public static final long MAX_REQUEST_BYTES_LIMIT = 64L << 20;
    /** Default {@code idleTimeout}, s. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;
    /**
     * Environment variable a site process reads its token from when no flag or config file gives one: programs that
     * start sites pass it this way, since a process's environment is readable only by its user and root and its
     * command line by every user ({@code ps}).
     */
    public static final String TOKEN_ENV = "EDGEOFF_SITE_TOKEN";
    /** Shortest accepted {@code idleTimeout}, ms. */
    public static final int MIN_IDLE_TIMEOUT_MILLIS = 100;
    /** Longest accepted {@code idleTimeout}, s. */
    public static final int MAX_IDLE_TIMEOUT_SECONDS = 3600;

    public SiteConfig {
        Objects.requireNonNull(site, "site");
        taskKinds = List.copyOf(taskKinds);
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(failureFile, "failureFile");
        Objects.requireNonNull(failureTrace, "failureTrace");
        Objects.requireNonNull(traceOutageMode, "traceOutageMode");
        if (taskKinds.isEmpty()) {
            throw new IllegalArgumentException("site " + site.id() + ": the task catalogue must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0,65535], but was " + port);
        }
        if (token == null || token.length() < 8 || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("token must be at least 8 printable characters without spaces");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must be >= 0, but was " + queueCapacity);
        }
        if (maxRequestBytes < 1024 || maxRequestBytes > MAX_REQUEST_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxRequestBytes must be in [1024, " + MAX_REQUEST_BYTES_LIMIT
                    + "] (1 KB to 64 MiB), but was " + maxRequestBytes);
        }
        if (!(maxMillionInstructions >= 0)) {
            throw new IllegalArgumentException("maxMillionInstructions must be >= 0, but was " + maxMillionInstructions);
        }
        if (!(maxOutKB >= 0)) {
            throw new IllegalArgumentException("maxOutKB must be >= 0, but was " + maxOutKB);
        }
        if (idempotencyCapacity < 1) {
            throw new IllegalArgumentException("idempotencyCapacity must be >= 1, but was " + idempotencyCapacity);
        }
        if (!(timeCompression > 0) || !Double.isFinite(timeCompression)) {
            throw new IllegalArgumentException("timeCompression must be > 0, but was " + timeCompression);
        }
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(historySeries, "historySeries");
        if (!Predictors.isKnown(predictor)) {
            throw new IllegalArgumentException("unknown predictor '" + predictor + "'; known predictors: "
                    + Predictors.names() + " and '" + Predictors.BEST + "'");
        }
        servedPredictors = List.copyOf(servedPredictors);
        for (String name : servedPredictors) {
            if (!Predictors.isKnown(name)) {
                throw new IllegalArgumentException("unknown predictor '" + name + "' in the served predictors; known"
                        + " predictors: " + Predictors.names() + " and '" + Predictors.BEST + "'");
            }
        }
        Objects.requireNonNull(traceSlot, "traceSlot");
        if (traceSlot.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("the trace slot must be at least 1 minute, but was " + traceSlot);
        }
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        if (historySeries.isPresent() && !historySeries.get().slot().equals(traceSlot)) {
            throw new IllegalArgumentException("the history has slots of " + historySeries.get().slot()
                    + " but the trace slot is " + traceSlot);
        }
        if (retrainEverySlots < 1) {
            throw new IllegalArgumentException("retrainEverySlots must be >= 1, but was " + retrainEverySlots);
        }
        Objects.requireNonNull(handlers, "handlers");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.compareTo(Duration.ofMillis(MIN_IDLE_TIMEOUT_MILLIS)) < 0
                || idleTimeout.compareTo(Duration.ofSeconds(MAX_IDLE_TIMEOUT_SECONDS)) > 0) {
            throw new IllegalArgumentException("idleTimeout must be in [" + MIN_IDLE_TIMEOUT_MILLIS + " ms, "
                    + MAX_IDLE_TIMEOUT_SECONDS + " s], but was " + idleTimeout);
        }
    }

    /** @return wall-clock length of one forecast slot: one trace slot divided by the time compression */
    public Duration slot() {
        return Duration.ofNanos(Math.max(1_000_000, Math.round(traceSlot.toNanos() / timeCompression)));
    }

    /** @return every predictor name a request may ask for: {@code predictor} first, then the served ones */
    public List<String> predictorNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(predictor);
        names.addAll(servedPredictors);
        return List.copyOf(names);
    }

    /** @return a new random token: 32 hex digits from {@link SecureRandom} */
    public static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static Builder builder(Site site, List<String> taskKinds, Path dataDirectory) {
        return new Builder(site, taskKinds, dataDirectory);
    }

    /** Builder with the defaults documented in {@code docs/SITE.md}. */
    public static final class Builder {
        private final Site site;
        private final List<String> taskKinds;
        private final Path dataDirectory;
        private String bindHost = "127.0.0.1";
        private int port = 0;
        private String token;
        private Integer queueCapacity;
        private long maxRequestBytes = 1 << 20;
        private double maxMillionInstructions = 100_000;
        private double maxOutKB = 1024;
        private int idempotencyCapacity = 100_000;
        private FailureFileOptions failureFile = FailureFileOptions.DEFAULTS;
        private OutageTrace failureTrace;
        private double timeCompression = 1;
        private OutageMode traceOutageMode = OutageMode.REFUSE;
        private String predictor = DEFAULT_PREDICTOR;
        private long predictorSeed = 5725;
        private AvailabilitySeries historySeries;
        private int retrainEverySlots = 1;
        private Duration idleTimeout = Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS);
        private HandlerSettings handlers = HandlerSettings.DEFAULTS;
        private Duration traceSlot = DEFAULT_TRACE_SLOT;
        private List<String> servedPredictors = DEFAULT_SERVED_PREDICTORS;
        private String databaseUrl;

        private Builder(Site site, List<String> taskKinds, Path dataDirectory) {
            this.site = site;
            this.taskKinds = taskKinds;
            this.dataDirectory = dataDirectory;
        }

        public Builder bindHost(String value) {
            this.bindHost = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** @param value the bearer token, or null to generate one */
        public Builder token(String value) {
            this.token = value;
            return this;
        }

        /** @param value queue capacity; default 16 tasks per core */
        public Builder queueCapacity(int value) {
            this.queueCapacity = value;
            return this;
        }

        public Builder maxRequestBytes(long value) {
            this.maxRequestBytes = value;
            return this;
        }

        public Builder maxMillionInstructions(double value) {
            this.maxMillionInstructions = value;
            return this;
        }

        public Builder maxOutKB(double value) {
            this.maxOutKB = value;
            return this;
        }

        public Builder idempotencyCapacity(int value) {
            this.idempotencyCapacity = value;
            return this;
        }

        public Builder failureFile(FailureFileOptions value) {
            this.failureFile = value;
            return this;
        }

        public Builder failureTrace(OutageTrace value) {
            this.failureTrace = value;
            return this;
        }

        public Builder timeCompression(double value) {
            this.timeCompression = value;
            return this;
        }

        public Builder traceOutageMode(OutageMode value) {
            this.traceOutageMode = value;
            return this;
        }

        public Builder predictor(String value) {
            this.predictor = value;
            return this;
        }

        public Builder predictorSeed(long value) {
            this.predictorSeed = value;
            return this;
        }

        /** @param value earlier availability in daily slots (e.g. a LANL node), or null for none */
        public Builder historySeries(AvailabilitySeries value) {
            this.historySeries = value;
            return this;
        }

        public Builder retrainEverySlots(int value) {
            this.retrainEverySlots = value;
            return this;
        }

        /** @param value how long a connection may send nothing before it is closed; default 30 s */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = value;
            return this;
        }

        /** @param value the task handlers' jars, host speed and budgets; default {@link HandlerSettings#DEFAULTS} */
        public Builder handlers(HandlerSettings value) {
            this.handlers = value;
            return this;
        }

        /** @param value length of one forecast slot in trace time; default one day */
        public Builder traceSlot(Duration value) {
            this.traceSlot = value;
            return this;
        }

        /** @param value further models served by name besides {@code predictor}; default {@code svr, best} */
        public Builder servedPredictors(List<String> value) {
            this.servedPredictors = value;
            return this;
        }

        /** @param value JDBC URL the failure events are also written to, or null for none */
        public Builder databaseUrl(String value) {
            this.databaseUrl = value;
            return this;
        }

        public SiteConfig build() {
            boolean generated = token == null || token.isEmpty();
            return new SiteConfig(site, taskKinds, dataDirectory, bindHost, port, generated ? randomToken() : token,
                    generated, queueCapacity == null ? 16 * site.cores() : queueCapacity, maxRequestBytes,
                    maxMillionInstructions, maxOutKB, idempotencyCapacity, failureFile, Optional.ofNullable(failureTrace),
                    timeCompression, traceOutageMode, predictor, predictorSeed, Optional.ofNullable(historySeries),
                    retrainEverySlots, idleTimeout, handlers, traceSlot, servedPredictors,
                    Optional.ofNullable(databaseUrl));
        }
    }
}
