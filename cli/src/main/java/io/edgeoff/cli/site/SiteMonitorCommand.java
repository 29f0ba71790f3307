package io.edgeoff.cli.site;

import io.edgeoff.site.failure.SidecarMonitor;
import io.edgeoff.site.failure.SidecarService;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
        SidecarService service = SidecarService.start(new SidecarService.Options(dataDir, url,
                Duration.ofMillis(pollMillis), Duration.ofMillis(probeTimeoutMillis), !noPressure, port, bind),
                Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "edgeoff-site-monitor-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("edgeoff site monitor: probing %s every %d ms (time-out %d ms), records in %s%s%n", url, pollMillis,
                probeTimeoutMillis, service.recordsDirectory(),
                port == null ? "" : ", own health on port " + service.healthPort());
        out.flush();
        service.siteSeen().thenRun(() -> {
            out.println(SidecarService.READY_LINE + " the site answers; outages are recorded from now on");
            out.flush();
        });
        stopped.await();
        return 0;
    }
}
