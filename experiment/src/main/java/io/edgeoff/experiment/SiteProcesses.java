package io.edgeoff.experiment;

import io.edgeoff.common.files.OwnerOnlyFiles;
import io.edgeoff.site.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Site services as child JVM processes on loopback ({@code edgeoff site ...} from the running jar). Acts as
 * their supervisor: a site that exits with the crash-outage exit code is started again on the same port.
 * {@link #close()} (also run by a shutdown hook, so Ctrl-C stops everything) destroys every child and its
 * descendants, forcibly after a grace period.
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

    private final Map<String, SiteLaunch> launches = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Consumer<String> log;
    private final Thread hook;
    private volatile boolean closing;
    private int restarts;

    public SiteProcesses(Consumer<String> log) {
        this.log = log;
        this.hook = new Thread(this::destroyAll, "edgeoff-stop-sites");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return a free TCP port on 127.0.0.1 (closed again; the site binds it right after) */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** The command that runs {@code edgeoff} in a new JVM with this JVM's class path. */
    static List<String> edgeoffCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                EDGEOFF_MAIN));
    }

    public synchronized void start(SiteLaunch launch) {
        launches.put(launch.siteId(), launch);
        spawn(launch);
    }

    private synchronized void spawn(SiteLaunch launch) {
        if (closing) {
            return;
        }
        List<String> command = edgeoffCommand();
        command.add("site");
        command.addAll(launch.siteArguments());
        try {
            OwnerOnlyFiles.ensure(launch.logFile());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
            builder.environment().put(SiteConfig.TOKEN_ENV, launch.token());
            Process p = builder.start();
            processes.put(launch.siteId(), p);
            p.onExit().thenAccept(done -> exited(launch, done));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start site " + launch.siteId() + ": " + e.getMessage(), e);
        }
    }

    private void exited(SiteLaunch launch, Process process) {
        if (closing) {
            return;
        }
        int code = process.exitValue();
        synchronized (this) {
            if (processes.get(launch.siteId()) != process) {
                return; // replaced already (killed on purpose and restarted)
            }
        }
        if (code == CRASH_EXIT_CODE) {
            synchronized (this) {
                restarts++;
            }
            spawn(launch);
        } else {
            log.accept("site " + launch.siteId() + " exited with code " + code + "; see " + launch.logFile());
        }
    }

    /** Waits until every site answers {@code GET /v1/health} with 200, or fails naming the missing ones. */
    public void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waiting = new ArrayList<>(launches.keySet());
        while (!waiting.isEmpty()) {
            waiting.removeIf(id -> healthy(http, launches.get(id)));
            if (waiting.isEmpty()) {
                return;
            }
            for (String id : waiting) {
                Process p = processes.get(id);
                if (p != null && !p.isAlive() && p.exitValue() != CRASH_EXIT_CODE) {
                    throw new IllegalStateException("site " + id + " exited with code " + p.exitValue()
                            + " while starting; see " + launches.get(id).logFile());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sites " + waiting + " did not become healthy within "
                        + timeout.toSeconds() + " s; see their logs in " + launches.get(waiting.get(0)).logFile().getParent());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the sites");
            }
        }
    }

    private static boolean healthy(HttpClient http, SiteLaunch launch) {
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
        Process p;
        synchronized (this) {
            p = processes.remove(siteId);
        }
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts a killed site again with its original arguments. */
    public void restart(String siteId) {
        spawn(launches.get(siteId));
    }

    public synchronized int restarts() {
        return restarts;
    }

    public synchronized Process process(String siteId) {
        return processes.get(siteId);
    }

    private void destroyAll() {
        List<Process> all;
        synchronized (this) {
            closing = true;
            all = new ArrayList<>(processes.values());
            processes.clear();
        }
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : all) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs (harmlessly) again
        }
    }
}
