package io.edgeoff.cli.site;

import io.edgeoff.common.site.Site;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.SiteSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff site}: runs one offloading site until it is stopped (Ctrl-C / SIGTERM). */
@Command(name = "site", sortOptions = false, subcommands = {SiteEventsCommand.class, SiteMonitorCommand.class},
        description = {"Run one offloading site of a scenario: the HTTP API under /v1 (tasks, health, resources,",
            "availability, metrics, admin/outages), the failure monitor with its failure file, the prediction",
            "engine and failure injection. Flags override the --config file. See docs/SITE.md."})
public final class SiteCommand implements Callable<Integer> {
    /**
     * Environment variable read for the token when no flag and no config file gives one. Programs that start a
     * site (the demo, the detection benchmark, the test-bed) pass the token this way: a process's environment is
     * readable only by its user and root ({@code /proc/PID/environ}), its command line by every user ({@code ps}).
     */
    public static final String TOKEN_ENV = SiteConfig.TOKEN_ENV;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with any of the settings below (camelCase names).")
    Path configFile;

    @picocli.CommandLine.Mixin
    io.edgeoff.cli.console.ScenarioOption scenario = io.edgeoff.cli.console.ScenarioOption.fromConfig();

    @Option(names = "--site", paramLabel = "ID", description = "Remote site of the scenario to run, e.g. EC.")
    String site;

    @Option(names = "--port", description = "TCP port (default 8080; 0 = any free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "HOST", description = "Interface to listen on (default 127.0.0.1).")
    String bind;

    @Option(names = "--token", description = "Bearer token for task and admin endpoints. Every user of the machine"
            + " can read a command line (ps), so prefer $" + TOKEN_ENV + " or --token-file. Without either flag:"
            + " the config file's token, else $" + TOKEN_ENV + ", else a random one printed once.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File whose first line is the bearer token;"
            + " keep it readable by its owner only (mode 0600).")
    Path tokenFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the failure file (default ./edgeoff-site-data/<ID>).")
    Path dataDir;

    @Option(names = "--mips", description = "Override the scenario's rated MIPS.")
    Double mips;

    @Option(names = "--cores", description = "Override the scenario's cores (tasks executing at once).")
    Integer cores;

    @Option(names = "--queue", description = "Tasks that may wait for a core (default 16 per core).")
    Integer queueCapacity;

    @Option(names = "--max-request-kb", description = "Largest request body in KB, in [1, 65536] (default 1024).")
    Double maxRequestKB;

    @Option(names = "--idle-timeout-seconds", paramLabel = "S", description = {"Close a connection that sends nothing",
        "for S seconds, in [0.1, 3600] (default 30)."})
    Double idleTimeoutSeconds;

    @Option(names = "--handler-path", paramLabel = "JAR|DIR", split = ",", description = {"Jars, or directories of",
        "jars, with more task handlers (docs/HANDLERS.md); the built-in ones are always there. Repeatable."})
    List<Path> handlerPath;

    @Option(names = "--host-mips", paramLabel = "X", description = {"Speed of this host in MIPS, against which a",
        "handler's measured time is scaled to the site's rating (default: measured at start with the compute kernel)."})
    Double hostMips;

    @Option(names = "--handler-timeout-seconds", paramLabel = "S", description = {"Longest run of one handler call,",
        "in [0.001, 3600] (default 30); longer calls get 422 HANDLER_TIMEOUT."})
    Double handlerTimeoutSeconds;

    @Option(names = "--handler-memory-mb", paramLabel = "MB", description = {"Most memory one handler call may",
        "allocate, MiB, in [1, 65536] (default 1024); more gets 422 HANDLER_MEMORY_EXCEEDED."})
    Double handlerMemoryMB;

    @Option(names = "--max-mi", description = "Largest task in million instructions (default 100000).")
    Double maxMillionInstructions;

    @Option(names = "--max-out-kb", description = "Largest task output in KB (default 1024).")
    Double maxOutKB;

    @Option(names = "--failure-trace", paramLabel = "FILE|synthetic", description = {"Failure trace to replay: a CSV of",
        "outages (startOffsetSeconds,durationSeconds[,mode]), or with --trace-node a LANL or generic trace file,",
        "or 'synthetic' (the prediction module's LANL-fitted synthetic trace)."})
    String failureTrace;

    @Option(names = "--trace-node", paramLabel = "S/N", description = {"Node of the trace to replay, e.g. 16/1",
        "(default for 'synthetic': this site's node in --configuration)."})
    String traceNode;

    @Option(names = "--configuration", paramLabel = "N", description = {"Experiment configuration of the scenario",
        "whose node of this site 'synthetic' traces use (default 1)."})
    Integer configuration;

    @Option(names = "--time-compression", paramLabel = "F", description = {"Trace seconds per wall second",
        "(default 1; 43200 makes one trace day last 2 s). Also sets the forecast slot: 86400/F s."})
    Double timeCompression;

    @Option(names = "--outage-mode", paramLabel = "MODE", description = "crash|refuse|hang|error for trace outages that name none (default refuse).")
    String outageMode;

    @Option(names = "--predictor", paramLabel = "MODEL", description = "Prediction engine model, see 'edgeoff predict' (default: the prediction module's default, weibull; svr is the seed's).")
    String predictor;

    @Option(names = "--predictor-seed", description = "Seed of the model's trainer (default 5725).")
    Long predictorSeed;

    @Option(names = "--history-trace", paramLabel = "FILE|synthetic", description = "LANL, generic or 'synthetic' trace giving this site's earlier history.")
    String historyTrace;

    @Option(names = "--history-node", paramLabel = "S/N", description = "Node of --history-trace, e.g. 16/1 (default for 'synthetic': as --trace-node).")
    String historyNode;

    @Option(names = "--history-window", paramLabel = "DURATION", description = {"Keep only the last DURATION of trace",
        "time of --history-trace, e.g. 90d (default: all of it)."})
    String historyWindow;

    @Option(names = "--trace-slot", paramLabel = "DURATION", description = {"Forecast slot in trace time, e.g. 1h",
        "(default 1d); one slot lasts DURATION / --time-compression of wall-clock time."})
    String traceSlot;

    @Option(names = "--predictors", paramLabel = "LIST", split = ",", description = {"Further models trained and",
        "served by name (GET /v1/availability?predictor=NAME) besides --predictor (default svr,best; best: the",
        "engine's best walk-forward model)."})
    java.util.List<String> predictors;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = {"Also write the failure events to this",
        "database's failure_events table (H2 file or PostgreSQL), in the background; the failure file stays the",
        "source of truth. A password in it shows in ps: prefer $" + DB_URL_ENV + "."})
    String dbUrl;

    /** Environment variable giving {@code --db-url} when the flag is absent (a command line is visible in ps). */
    public static final String DB_URL_ENV = "EDGEOFF_SITE_DB_URL";

    @Option(names = "--retrain-every-slots", paramLabel = "N", description = "Retrain the model after N new slots (default 1) and after each new failure.")
    Integer retrainEverySlots;

    @Option(names = "--shutdown-grace-seconds", paramLabel = "S", description = {"On SIGTERM or Ctrl-C: refuse new",
        "tasks, let the tasks held finish for at most S seconds, then hand the rest back (503) and stop,",
        "in [0, 3600] (default " + DEFAULT_SHUTDOWN_GRACE_SECONDS + "; keep it below Kubernetes'",
        "terminationGracePeriodSeconds)."})
    Double shutdownGraceSeconds;

    /** Default of {@code --shutdown-grace-seconds}. */
    public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 20;

    private java.time.Duration shutdownGrace() {
        double seconds = shutdownGraceSeconds == null ? DEFAULT_SHUTDOWN_GRACE_SECONDS : shutdownGraceSeconds;
        if (!(seconds >= 0 && seconds <= 3600)) {
            throw new IllegalArgumentException("--shutdown-grace-seconds must be in [0, 3600], but was " + seconds);
        }
        return java.time.Duration.ofMillis(Math.round(seconds * 1000));
    }

    @picocli.CommandLine.Mixin
    io.edgeoff.cli.console.LogFormat logFormat = new io.edgeoff.cli.console.LogFormat();

    @Override
    public Integer call() throws Exception {
        logFormat.apply();
        SiteConfig config = resolve();
        shutdownGrace();
        PrintWriter out = spec.commandLine().getOut();
        SiteServer server = SiteServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        java.time.Duration grace = shutdownGrace();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(grace);
            stopped.countDown();
        }, "edgeoff-site-shutdown"));
        Site s = config.site();
        out.printf("edgeoff site %s: listening on http://%s:%d/v1 (%s MIPS x %d cores, predictor %s, failure file %s)%n",
                s.id(), config.bindHost(), server.port(), fmt(s.mips()), s.cores(), config.predictor(),
                config.dataDirectory());
        out.printf("edgeoff site %s: %s%n", s.id(), server.monitor().recovery());
        server.monitor().uncleanShutdown().ifPresent(r -> out.printf(
                "edgeoff site %s: the previous run ended without a clean stop (%s)%n", s.id(), r.detail()));
        if (config.tokenGenerated()) {
            out.printf("edgeoff site %s: bearer token (generated, shown only now): %s%n", s.id(), config.token());
        }
        out.flush();
        stopped.await();
        return 0;
    }

    /** Builds the site's configuration from the config file and the flags (flags win). */
    SiteConfig resolve() {
        SiteSettings file = configFile == null ? SiteSettings.EMPTY : SiteSettings.read(configFile);
        SiteSettings flags = new SiteSettings(scenario.name(), site, port, bind, null,
                dataDir == null ? null : dataDir.toString(), mips, cores, queueCapacity, maxRequestKB,
                maxMillionInstructions, maxOutKB, failureTrace, traceNode, configuration, timeCompression, outageMode,
                predictor, predictorSeed, historyTrace, historyNode, retrainEverySlots, idleTimeoutSeconds,
                handlerPath == null ? null : handlerPath.stream().map(Path::toString).toList(), hostMips,
                handlerTimeoutSeconds, handlerMemoryMB, traceSlot, historyWindow, predictors,
                dbUrl != null || file.dbUrl() != null ? dbUrl : System.getenv(DB_URL_ENV));
        return file.overriddenBy(flags).toConfig(() -> {
            if (token != null && tokenFile != null) {
                throw new IllegalArgumentException("give at most one of --token and --token-file");
            }
            return token != null ? token : tokenFile != null ? TokenFile.read(tokenFile) : null;
        }, System.getenv(TOKEN_ENV));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
