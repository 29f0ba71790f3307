package io.edgeoff.experiment;

import io.edgeoff.common.process.ProcessException;
import io.edgeoff.common.process.ProcessSupervisor;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.failure.SidecarMonitor;
import io.edgeoff.site.failure.SidecarService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.function.Consumer;

/**
 * Site services as child JVM processes on loopback ({@code edgeoff site ...} from the running jar), under the one
 * {@link ProcessSupervisor}: a site that exits with the crash-outage exit code is started again on the same port;
 * {@link #close()} (also run by a shutdown hook, so Ctrl-C stops everything) stops every child and its descendants,
 * forcibly after a grace period. Beside each site the demo starts its sidecar failure monitor ({@link #startMonitor}),
 * which measures crashes from outside. This class only says how a site and its monitor are launched and when they
 * are ready.
 *
 * <p>The sites' bearer token goes to each child in its environment ({@value SiteConfig#TOKEN_ENV}), never on
 * its command line, which every user of the machine can read ({@code ps}, {@code /proc/PID/cmdline}); the
 * environment is readable only by the same user and root. Each site's log is created with mode 0600.
 */
public final class SiteProcesses implements AutoCloseable {
    /** Exit code of a site process that crashed on purpose (an injected or replayed crash outage). */
    public static final int CRASH_EXIT_CODE = 75;
    /** The main class of the {@code edgeoff} command line, which the site processes run ({@code edgeoff site}). */
    public static final String EDGEOFF_MAIN = "io.edgeoff.cli.EdgeoffCommand";

    /** How to start one site: {@code siteArguments} must not hold the token, which travels in the environment. */
    public record SiteLaunch(String siteId, int port, List<String> siteArguments, String token, Path logFile) {
        public SiteLaunch {
            siteArguments = List.copyOf(siteArguments);
            if (siteArguments.contains("--token")) {
                throw new IllegalArgumentException("site " + siteId + ": the token goes in SiteLaunch.token (the child's"
                        + " environment), never on the command line");
            }
        }

        URI baseUri() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    /**
     * How to start the sidecar failure monitor of a site ({@code edgeoff site monitor}, docs/SITE.md): a process of its
     * own beside the site, probing the site's liveness every {@code poll} and writing {@code <dataDir>/monitor/}.
     */
    public record MonitorLaunch(String siteId, Path dataDir, int sitePort, Duration poll, Path logFile) {
        public MonitorLaunch {
            if (poll.toMillis() < 50) {
                throw new IllegalArgumentException("monitor poll must be >= 50 ms, but was " + poll.toMillis() + " ms");
            }
        }

        List<String> arguments() {
            return List.of("site", "monitor", "--data-dir", dataDir.toString(), "--url",
                    "http://127.0.0.1:" + sitePort + "/v1/health/live", "--poll-millis", Long.toString(poll.toMillis()));
        }
    }

    /** Heap of a monitor JVM, MB: it holds one failure file and one HTTP client. */
    static final int MONITOR_HEAP_MB = 32;
    private static final String MONITOR_SUFFIX = "-monitor";

    private final ProcessSupervisor supervisor;
    private final Map<String, SiteLaunch> launches = new ConcurrentHashMap<>();
    private final Map<String, MonitorLaunch> monitors = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    public SiteProcesses(Consumer<String> log) {
        this.supervisor = new ProcessSupervisor(log);
    }

    /** Ports {@link #freePort} handed out in this JVM (never handed out twice). */
    private static final java.util.Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A free TCP port on 127.0.0.1 for a child site, which binds it a second or two later, when its JVM is up. The
     * port is taken below the kernel's ephemeral range ({@code ip_local_port_range}, 32768-60999 by default): ports
     * of outgoing connections and of {@code new ServerSocket(0)} come from that range, so on a busy machine one of
     * them taking the port before the site binds it (which made a demo site exit with "port already in use") cannot
     * happen; only a process binding that very port on purpose could. Ports are tried in order from an offset of this
     * process's id, each checked free by binding it, and none is handed out twice by this JVM.
     *
     * @return a port that was free a moment ago
     */
    public static int freePort() {
        int[] range = nonEphemeralRange();
        int span = range[1] - range[0];
        NEXT_PORT.compareAndSet(0, (int) (ProcessHandle.current().pid() * 7919 % span) + 1);
        for (int tries = 0; tries < 500; tries++) {
            int port = range[0] + Math.floorMod(NEXT_PORT.getAndIncrement(), span);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // every candidate was taken: an ephemeral port, as before
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** @return [from, to) below the kernel's ephemeral port range (20000-32768 when the range cannot be read) */
    static int[] nonEphemeralRange() {
        int low = 32768;
        try {
            String[] r = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            low = Integer.parseInt(r[0]);
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: the Linux default
        }
        int to = Math.max(2048, low);
        return new int[] {Math.max(1024, to - 12_768), to};
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The command that runs {@code edgeoff} in a new JVM with this JVM's class path. */
    static List<String> edgeoffCommand() {
        return edgeoffCommand(List.of("-Xmx128m"));
    }

    private static List<String> edgeoffCommand(List<String> heap) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(heap);
        command.addAll(List.of("-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), EDGEOFF_MAIN));
        return command;
    }

    public void start(SiteLaunch launch) {
        List<String> command = edgeoffCommand();
        command.add("site");
        command.addAll(launch.siteArguments());
        launches.put(launch.siteId(), launch);
        supervisor.start(launch.siteId(), new ProcessSupervisor.Launch(command,
                Map.of(SiteConfig.TOKEN_ENV, launch.token()), launch.logFile(), OptionalInt.of(CRASH_EXIT_CODE)));
    }

    /**
     * Starts the sidecar failure monitor of a site started with {@link #start}, under the same supervisor (stopped
     * with the sites; not restarted). {@link #awaitHealthy} waits until it has seen its site answer.
     */
    public void startMonitor(MonitorLaunch launch) {
        List<String> command = edgeoffCommand(List.of("-Xms8m", "-Xmx" + MONITOR_HEAP_MB + "m"));
        command.addAll(launch.arguments());
        String name = launch.siteId() + MONITOR_SUFFIX;
        monitors.put(name, launch);
        supervisor.start(name, new ProcessSupervisor.Launch(command, Map.of(), launch.logFile(), OptionalInt.empty()));
    }

    /**
     * Waits until every site answers {@code GET /v1/health} with 200 and every monitor has seen its site answer, or
     * fails naming the missing ones.
     */
    public void awaitHealthy(Duration timeout) {
        try {
            supervisor.awaitReady(timeout, (waiting, left) -> waiting.stream()
                    .filter(id -> monitors.containsKey(id) ? monitorReady(id) : healthy(launches.get(id)))
                    .collect(Collectors.toSet()));
        } catch (ProcessException e) {
            throw new IllegalStateException("sites: " + e.getMessage(), e);
        }
    }

    /** A monitor is ready once it printed that its site answered ({@link SidecarService#READY_LINE}). */
    private boolean monitorReady(String name) {
        try {
            return Files.readString(supervisor.process(name).log()).lines()
                    .anyMatch(l -> l.startsWith(SidecarService.READY_LINE));
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the folder of the sidecar failure file of site {@code siteId}'s monitor */
    public Path monitorRecords(String siteId) {
        MonitorLaunch launch = monitors.get(siteId + MONITOR_SUFFIX);
        if (launch == null) {
            throw new IllegalArgumentException("no monitor started for site " + siteId);
        }
        return launch.dataDir().resolve(SidecarMonitor.DIRECTORY);
    }

    private boolean healthy(SiteLaunch launch) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(launch.baseUri().resolve("/v1/health"))
                    .timeout(Duration.ofMillis(500)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills site {@code siteId} with SIGKILL (no clean-up in the site) and returns when it is gone. */
    public void kill(String siteId) {
        supervisor.kill(siteId);
    }

    /** Starts a killed site again with its original arguments. */
    public void restart(String siteId) {
        supervisor.recover(siteId);
    }

    /** @return how many times a site was started again after a crash outage */
    public int restarts() {
        return supervisor.restarts();
    }

    /** @return the current process of site {@code siteId} */
    public Process process(String siteId) {
        return supervisor.process(siteId).process();
    }

    @Override
    public void close() {
        supervisor.close();
    }
}
