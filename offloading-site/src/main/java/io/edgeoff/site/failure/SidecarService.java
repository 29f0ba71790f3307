package io.edgeoff.site.failure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar failure monitor as a running service ({@code edgeoff site monitor}): a {@link SidecarMonitor} stepped
 * every poll period on its own thread, and optionally its own liveness at {@code GET /health} (200 while the probe
 * loop runs, 503 when it has stalled) for the sidecar container's probe. {@link #close()} stops the loop, the health
 * server and the monitor (releasing its lock).
 */
public final class SidecarService implements AutoCloseable {
    /**
     * Start of the line {@code edgeoff site monitor} prints once the site has answered a probe: from then on it records
     * outages, so a launcher waits for this line before it injects failures.
     */
    public static final String READY_LINE = "edgeoff site monitor: ready:";

    private static final Logger LOG = LoggerFactory.getLogger(SidecarService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What to watch and how.
     *
     * @param dataDir       the site's data directory (the sidecar writes {@code monitor/} inside it)
     * @param url           the site's liveness endpoint, http or https
     * @param poll          time between probes, in [50 ms, 60 s]
     * @param probeTimeout  a probe without an answer after this long is a hang, in [50 ms, 60 s]
     * @param pressure      also record host pressure ({@link SidecarMonitor#hostPressure})
     * @param healthPort    port of the sidecar's own {@code GET /health}, or null for none
     * @param healthBind    interface of {@code healthPort}
     */
    public record Options(Path dataDir, URI url, Duration poll, Duration probeTimeout, boolean pressure,
                          Integer healthPort, String healthBind) {
        public Options {
            check("--poll-millis", poll.toMillis());
            check("--probe-timeout-millis", probeTimeout.toMillis());
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("--url must be an http:// or https:// URL, but was " + url);
            }
        }

        private static void check(String flag, long millis) {
            if (millis < 50 || millis > 60_000) {
                throw new IllegalArgumentException(flag + " must be in [50, 60000], but was " + millis);
            }
        }
    }

    private final Options options;
    private final SidecarMonitor monitor;
    private final ScheduledExecutorService loop;
    private final HttpServer health;
    private final CompletableFuture<Instant> siteSeen = new CompletableFuture<>();

    private SidecarService(Options options, SidecarMonitor monitor, Clock clock) {
        this.options = options;
        this.monitor = monitor;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "site-monitor");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::step, 0, options.poll().toMillis(), TimeUnit.MILLISECONDS);
        HttpServer server = null;
        try {
            server = options.healthPort() == null ? null : health(clock);
        } catch (RuntimeException e) {
            stopLoopAndMonitor();
            throw e;
        }
        this.health = server;
    }

    /**
     * Opens the sidecar's failure file and starts probing.
     *
     * @throws IllegalArgumentException when another sidecar writes this site's {@code monitor/} folder
     * @throws UncheckedIOException     when the folder cannot be written or the health port not bound
     */
    public static SidecarService start(Options options, Clock clock) {
        SidecarMonitor monitor;
        try {
            monitor = SidecarMonitor.open(options.dataDir(),
                    SidecarMonitor.http(options.url(), options.probeTimeout(), clock),
                    options.pressure() ? SidecarMonitor.hostPressure(options.dataDir())
                            : SidecarMonitor.PressureGauge.NONE, clock);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new SidecarService(options, monitor, clock);
    }

    private void step() {
        try {
            monitor.step();
            if (!siteSeen.isDone() && monitor.siteSeen()) {
                siteSeen.complete(monitor.lastStep());
            }
        } catch (java.util.concurrent.CancellationException e) {
            // stopping: close() interrupted the probe
        } catch (RuntimeException e) {
            LOG.error("probe or record failed: {}", e.getMessage());
        }
    }

    /** {@code GET /health}: 200 while the probe loop runs (its last probe ended recently), else 503. */
    private HttpServer health(Clock clock) {
        Duration stale = options.poll().plus(options.probeTimeout()).multipliedBy(3);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(options.healthBind(), options.healthPort()), 8);
            server.createContext("/health", exchange -> {
                boolean alive = Duration.between(monitor.lastStep(), Instant.now(clock)).compareTo(stale) <= 0;
                byte[] body = JSON.writeValueAsBytes(Map.of("status", alive ? "UP" : "STALLED",
                        "outageOpen", monitor.outageOpen()));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(alive ? 200 : 503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("--port " + options.healthPort() + ": " + e.getMessage(), e);
        }
    }

    /** @return completes with the end of the first answered probe: from then on outages are recorded */
    public CompletableFuture<Instant> siteSeen() {
        return siteSeen;
    }

    /** @return the port of the own {@code GET /health}, or -1 without one */
    public int healthPort() {
        return health == null ? -1 : health.getAddress().getPort();
    }

    /** @return the folder of the sidecar's failure file */
    public Path recordsDirectory() {
        return options.dataDir().resolve(SidecarMonitor.DIRECTORY);
    }

    private void stopLoopAndMonitor() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(options.probeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitor.close();
    }

    /** Stops probing, the health server and the monitor. */
    @Override
    public void close() {
        if (health != null) {
            health.stop(0);
        }
        stopLoopAndMonitor();
    }
}
