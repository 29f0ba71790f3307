package io.edgeoff.site;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edgeoff.common.app.TaskKind;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.availability.SlotLength;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.TraceReaders;
import io.edgeoff.site.injection.OutageMode;
import io.edgeoff.site.injection.OutageTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a site's operator asked for: the settings of {@code edgeoff site}'s flags or of its {@code --config} YAML file
 * (camelCase names, e.g. {@code timeCompression}), each null when not given. {@link #overriddenBy} lays the flags over
 * the file; {@link #toConfig} resolves the result against the scenario (the site's rating and task kinds, its trace
 * nodes) into the validated {@link SiteConfig}. Messages name the flag ({@code --site is required ...}).
 */
public record SiteSettings(String scenario, String site, Integer port, String bind, String token, String dataDir,
                           Double mips, Integer cores, Integer queueCapacity, Double maxRequestKB,
                           Double maxMillionInstructions, Double maxOutKB, String failureTrace, String traceNode,
                           Integer configuration, Double timeCompression, String outageMode, String predictor,
                           Long predictorSeed, String historyTrace, String historyNode, Integer retrainEverySlots,
                           Double idleTimeoutSeconds, java.util.List<String> handlerPath, Double hostMips,
                           Double handlerTimeoutSeconds, Double handlerMemoryMB, String traceSlot,
                           String historyWindow, java.util.List<String> predictors, String dbUrl) {

    /** Trace name that selects the prediction module's LANL-fitted synthetic trace. */
    public static final String SYNTHETIC = "synthetic";

    /** No settings. */
    public static final SiteSettings EMPTY = new SiteSettings(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /** Reads a config file; every problem names the file and the field. */
    public static SiteSettings read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        try {
            SiteSettings settings = YAML.readValue(file.toFile(), SiteSettings.class);
            return settings == null ? EMPTY : settings;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException(file + ": unknown field '" + e.getPropertyName() + "'; known fields: "
                    + known);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            throw new IllegalArgumentException(file + ": " + (path.isEmpty() ? "" : path + ": ")
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** @return these settings with every setting {@code flags} gives replaced by the flag's */
    public SiteSettings overriddenBy(SiteSettings flags) {
        return new SiteSettings(pick(flags.scenario, scenario), pick(flags.site, site), pick(flags.port, port),
                pick(flags.bind, bind), pick(flags.token, token), pick(flags.dataDir, dataDir), pick(flags.mips, mips),
                pick(flags.cores, cores), pick(flags.queueCapacity, queueCapacity),
                pick(flags.maxRequestKB, maxRequestKB), pick(flags.maxMillionInstructions, maxMillionInstructions),
                pick(flags.maxOutKB, maxOutKB), pick(flags.failureTrace, failureTrace), pick(flags.traceNode, traceNode),
                pick(flags.configuration, configuration), pick(flags.timeCompression, timeCompression),
                pick(flags.outageMode, outageMode), pick(flags.predictor, predictor),
                pick(flags.predictorSeed, predictorSeed), pick(flags.historyTrace, historyTrace),
                pick(flags.historyNode, historyNode), pick(flags.retrainEverySlots, retrainEverySlots),
                pick(flags.idleTimeoutSeconds, idleTimeoutSeconds), pick(flags.handlerPath, handlerPath),
                pick(flags.hostMips, hostMips), pick(flags.handlerTimeoutSeconds, handlerTimeoutSeconds),
                pick(flags.handlerMemoryMB, handlerMemoryMB), pick(flags.traceSlot, traceSlot),
                pick(flags.historyWindow, historyWindow), pick(flags.predictors, predictors),
                pick(flags.dbUrl, dbUrl));
    }

    /**
     * Resolves the settings into the site's configuration.
     *
     * @param flagToken        the token given on the command line (asked only after the site is known to exist), or
     *                         null; it wins over {@link #token}
     * @param environmentToken the token of the environment ({@value SiteConfig#TOKEN_ENV}), used when neither gives one
     */
    public SiteConfig toConfig(Supplier<String> flagToken, String environmentToken) {
        Scenario sc = ScenarioYaml.load(pick(scenario, "seed"));
        if (site == null) {
            throw new IllegalArgumentException("--site is required; remote sites of scenario " + sc.name() + ": "
                    + sc.remoteSites().stream().map(Site::id).toList());
        }
        Site base = sc.site(site);
        if (!base.isRemote()) {
            throw new IllegalArgumentException("site " + site + " is the device; 'edgeoff site' runs a remote site: "
                    + sc.remoteSites().stream().map(Site::id).toList());
        }
        Site effective = new Site(base.id(), base.kind(), pick(mips, base.mips()), pick(cores, base.cores()),
                base.memoryGb(), base.storageGb());
        Path dir = dataDir != null ? Path.of(dataDir) : Path.of("edgeoff-site-data", site);
        String tokenValue = pick(pick(flagToken.get(), token), environmentToken);
        SiteConfig.Builder b = SiteConfig.builder(effective, sc.taskKinds().stream().map(TaskKind::name).toList(), dir)
                .bindHost(pick(bind, "127.0.0.1"))
                .port(pick(port, 8080))
                .token(tokenValue)
                .maxRequestBytes(requestBytes(pick(maxRequestKB, 1024.0)))
                .idleTimeout(idleTimeout(pick(idleTimeoutSeconds, (double) SiteConfig.DEFAULT_IDLE_TIMEOUT_SECONDS)))
                .maxMillionInstructions(pick(maxMillionInstructions, 100_000.0))
                .maxOutKB(pick(maxOutKB, 1024.0))
                .timeCompression(pick(timeCompression, 1.0))
                .traceOutageMode(OutageMode.parse(pick(outageMode, "refuse")))
                .predictor(pick(predictor, SiteConfig.DEFAULT_PREDICTOR))
                .predictorSeed(pick(predictorSeed, 5725L))
                .retrainEverySlots(pick(retrainEverySlots, 1))
                .handlers(handlerSettings())
                .databaseUrl(dbUrl);
        Duration slot = traceSlot == null ? SiteConfig.DEFAULT_TRACE_SLOT : duration("--trace-slot", traceSlot);
        b.traceSlot(slot);
        if (predictors != null) {
            b.servedPredictors(predictors.stream().map(String::trim).filter(n -> !n.isEmpty()).toList());
        }
        if (queueCapacity != null) {
            b.queueCapacity(queueCapacity);
        }
        int configurationId = pick(configuration, 1);
        if (failureTrace != null) {
            if (SYNTHETIC.equals(failureTrace)) {
                NodeId node = traceNode != null ? NodeId.parse(traceNode) : configuredNode(sc, configurationId, site);
                b.failureTrace(OutageTrace.fromNode(SyntheticTraces.defaultTrace(), node));
            } else {
                b.failureTrace(traceNode == null ? OutageTrace.readCsv(Path.of(failureTrace))
                        : OutageTrace.fromNode(TraceReaders.read(Path.of(failureTrace)), NodeId.parse(traceNode)));
            }
        } else if (traceNode != null) {
            throw new IllegalArgumentException("--trace-node needs --failure-trace (the trace file to read it from)");
        }
        if (historyTrace != null) {
            boolean synthetic = SYNTHETIC.equals(historyTrace);
            if (historyNode == null && !synthetic) {
                throw new IllegalArgumentException("--history-trace needs --history-node (which node is this site)");
            }
            NodeId node = historyNode != null ? NodeId.parse(historyNode)
                    : traceNode != null ? NodeId.parse(traceNode) : configuredNode(sc, configurationId, site);
            FailureTrace trace = synthetic ? SyntheticTraces.defaultTrace() : TraceReaders.read(Path.of(historyTrace));
            var outages = trace.outagesOf(node);
            if (outages.isEmpty()) {
                throw new IllegalArgumentException("node " + node + " has no outage in " + historyTrace
                        + ": it gives no history");
            }
            AvailabilitySeries series = AvailabilitySeries.of(node, outages, slot);
            if (historyWindow != null) {
                series = lastPart(series, duration("--history-window", historyWindow));
            }
            b.historySeries(series);
        } else if (historyWindow != null) {
            throw new IllegalArgumentException("--history-window needs --history-trace");
        } else if (historyNode != null) {
            throw new IllegalArgumentException("--history-node needs --history-trace (the trace file to read it from)");
        }
        return b.build();
    }

    /** The last {@code window} of trace time of {@code series} (whole slots), with the outages that reach into it. */
    static AvailabilitySeries lastPart(AvailabilitySeries series, Duration window) {
        Instant from = series.end().minus(window);
        if (!from.isAfter(series.start())) {
            return series;
        }
        var outages = series.outages().stream().filter(o -> o.end().isAfter(from)).toList();
        return AvailabilitySeries.of(series.nodeId(), outages, series.slot(), from, series.end());
    }

    private static Duration duration(String flag, String text) {
        try {
            return SlotLength.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }

    private static NodeId configuredNode(Scenario sc, int configurationId, String siteId) {
        var node = sc.configuration(configurationId).nodes().get(siteId);
        if (node == null) {
            throw new IllegalArgumentException("configuration " + configurationId + " of scenario " + sc.name()
                    + " names no trace node for site " + siteId + "; give --trace-node");
        }
        return NodeId.of(node);
    }

    /** The request limit in bytes; the KB value is checked here so that the message names the flag's unit. */
    private static long requestBytes(double kb) {
        double maxKB = SiteConfig.MAX_REQUEST_BYTES_LIMIT / 1024.0;
        if (!(kb >= 1 && kb <= maxKB)) {
            throw new IllegalArgumentException("--max-request-kb must be in [1, " + (long) maxKB + "], but was " + kb);
        }
        return Math.round(kb * 1024);
    }

    private HandlerSettings handlerSettings() {
        java.util.List<Path> paths = handlerPath == null ? java.util.List.of()
                : handlerPath.stream().map(Path::of).toList();
        double seconds = pick(handlerTimeoutSeconds, 30.0);
        double megabytes = pick(handlerMemoryMB, 1024.0);
        if (!(seconds >= 0.001 && seconds <= 3600)) {
            throw new IllegalArgumentException("--handler-timeout-seconds must be in [0.001, 3600], but was " + seconds);
        }
        if (!(megabytes >= 1 && megabytes <= 65536)) {
            throw new IllegalArgumentException("--handler-memory-mb must be in [1, 65536], but was " + megabytes);
        }
        double host = pick(hostMips, 0.0);
        if (!(host > 0) && host != 0 || Double.isInfinite(host)) {
            throw new IllegalArgumentException("--host-mips must be > 0, but was " + host);
        }
        return new HandlerSettings(paths, host, java.time.Duration.ofNanos(Math.round(seconds * 1e9)),
                Math.round(megabytes * (1 << 20)));
    }

    private static java.time.Duration idleTimeout(double seconds) {
        if (!(seconds >= SiteConfig.MIN_IDLE_TIMEOUT_MILLIS / 1000.0 && seconds <= SiteConfig.MAX_IDLE_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException("--idle-timeout-seconds must be in [" + SiteConfig.MIN_IDLE_TIMEOUT_MILLIS
                    / 1000.0 + ", " + SiteConfig.MAX_IDLE_TIMEOUT_SECONDS + "], but was " + seconds);
        }
        return java.time.Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static <T> T pick(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
