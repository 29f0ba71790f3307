package io.edgeoff.cli.site;

import com.sun.net.httpserver.HttpServer;
import io.edgeoff.site.failure.SidecarMonitor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgeoff site monitor}: the failure monitor that watches a site from outside (a sidecar in the
 * site's pod, or a process beside it), see {@link SidecarMonitor} and docs/SITE.md.
 */
@Command(name = "monitor", sortOptions = false,
        description = {"Watch a running site from outside (the sidecar failure monitor): probe its liveness",
            "endpoint every poll period and record in <data-dir>/monitor/ when it stopped answering (crash,",
            "restart, hang) and when it answered again. The site's forecast reads these records too."})
public final class SiteMonitorCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SiteMonitorCommand.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", required = true,
            description = "The site's data directory (the one its --data-dir names; shared volume in a pod).")
    Path dataDir;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/v1/health/live",
            description = "Liveness endpoint of the site (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--poll-millis", paramLabel = "MS", defaultValue = "500",
            description = "Time between probes, in [50, 60000] ms (default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Option(names = "--probe-timeout-millis", paramLabel = "MS", defaultValue = "2000",
            description = "A probe without an answer after this long counts as a hang, in [50, 60000] ms (default: ${DEFAULT-VALUE}).")
    long probeTimeoutMillis;

    @Option(names = "--no-pressure", description = {"Do not record host pressure (memory, I/O, CPU from",
        "/proc/pressure; the data volume's use). Recorded by default."})
    boolean noPressure;

    @Option(names = "--port", paramLabel = "PORT", description = {"Serve the monitor's own liveness at",
        "GET /health on this port (for the sidecar container's probe; default: none)."})
    Integer port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "0.0.0.0",
            description = "Interface of --port (default: ${DEFAULT-VALUE}).")
    String bind;

    @picocli.CommandLine.Mixin
    io.edgeoff.cli.console.LogFormat logFormat = new io.edgeoff.cli.console.LogFormat();

    @Override
    public Integer call() throws Exception {
        logFormat.apply();
        check("--poll-millis", pollMillis);
        check("--probe-timeout-millis", probeTimeoutMillis);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("--url must be an http:// or https:// URL, but was " + url);
        }
        Clock clock = Clock.systemUTC();
        SidecarMonitor monitor;
        try {
            monitor = SidecarMonitor.open(dataDir, SidecarMonitor.http(url, Duration.ofMillis(probeTimeoutMillis), clock),
                    noPressure ? SidecarMonitor.PressureGauge.NONE : SidecarMonitor.hostPressure(dataDir), clock);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "site-monitor");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(() -> {
            try {
                monitor.step();
            } catch (RuntimeException e) {
                LOG.error("probe or record failed: {}", e.getMessage());
            }
        }, 0, pollMillis, TimeUnit.MILLISECONDS);
        HttpServer health = port == null ? null : health(monitor, clock);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.shutdownNow();
            try {
                loop.awaitTermination(probeTimeoutMillis + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (health != null) {
                health.stop(0);
            }
            monitor.close();
            stopped.countDown();
        }, "edgeoff-site-monitor-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("edgeoff site monitor: probing %s every %d ms (time-out %d ms), records in %s%s%n", url, pollMillis,
                probeTimeoutMillis, dataDir.resolve(SidecarMonitor.DIRECTORY),
                health == null ? "" : ", own health on port " + health.getAddress().getPort());
        out.flush();
        stopped.await();
        return 0;
    }

    /** {@code GET /health}: 200 while the probe loop runs (its last probe ended recently), else 503. */
    private HttpServer health(SidecarMonitor monitor, Clock clock) {
        Duration stale = Duration.ofMillis(3 * (pollMillis + probeTimeoutMillis));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 8);
            server.createContext("/health", exchange -> {
                boolean alive = Duration.between(monitor.lastStep(), Instant.now(clock)).compareTo(stale) <= 0;
                byte[] body = JSON.writeValueAsBytes(java.util.Map.of("status", alive ? "UP" : "STALLED",
                        "outageOpen", monitor.outageOpen()));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(alive ? 200 : 503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("--port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void check(String flag, long millis) {
        if (millis < 50 || millis > 60_000) {
            throw new IllegalArgumentException(flag + " must be in [50, 60000], but was " + millis);
        }
    }
}
