package io.edgeoff.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code nginx} running {@code deploy/nginx/edgeoff-sites.conf.template} (rendered by
 * {@code deploy/nginx/render.sh}) on a free loopback port, with its own prefix folder, in the
 * foreground so that closing it stops it.
 */
final class NginxProxy implements AutoCloseable {

    private final Process process;
    private final Path prefix;
    private final int port;

    private NginxProxy(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    static boolean available() {
        return RepoFiles.executable("nginx").isPresent();
    }

    /**
     * Starts nginx in front of the given site addresses ({@code "ed" -> "127.0.0.1:41234"}).
     *
     * @param readTimeout proxy_read_timeout: how long the proxy waits for a site's answer
     */
    static NginxProxy start(Map<String, String> siteAddresses, Duration readTimeout) {
        return start(port -> {
            try {
                return render(siteAddresses, readTimeout, port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Starts nginx with an http-context configuration made for the port it will listen on
     * (on 127.0.0.1).
     */
    static NginxProxy start(java.util.function.IntFunction<String> httpConfigForPort) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {   // a free port can be taken before nginx binds it
            try {
                int port = freeLoopbackPort();
                return tryStart(httpConfigForPort.apply(port), port);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static NginxProxy tryStart(String httpConfig, int port) {
        try {
            Path prefix = Files.createTempDirectory("edgeoff-nginx");
            // The prefix stays private (0700): run as root, nginx's workers (user nobody) cannot write
            // temp files under it, so a request body that would spill to disk fails the tests.
            Files.writeString(prefix.resolve("edgeoff.conf"), httpConfig);
            Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                    "worker_processes 1;",
                    "pid " + prefix.resolve("nginx.pid") + ";",
                    "error_log " + prefix.resolve("error.log") + " warn;",
                    "events { worker_connections 256; }",
                    "http {",
                    "  access_log off;",
                    "  client_body_temp_path " + prefix.resolve("client_body") + ";",
                    "  proxy_temp_path " + prefix.resolve("proxy") + ";",
                    "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
                    "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                    "  scgi_temp_path " + prefix.resolve("scgi") + ";",
                    "  include " + prefix.resolve("edgeoff.conf") + ";",
                    "}", ""));
            Process process = new ProcessBuilder(RepoFiles.executable("nginx").orElseThrow().toString(),
                    "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("stdout.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));   // a killed test run leaves no nginx behind
            NginxProxy proxy = new NginxProxy(process, prefix, port);
            proxy.awaitListening(Duration.ofSeconds(60));
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs deploy/nginx/render.sh, the script users run, with the sites' addresses. */
    static String render(Map<String, String> sites, Duration readTimeout, int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", RepoFiles.resolve("deploy/nginx/render.sh").toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("EDGEOFF_"));
        sites.forEach((site, address) -> env.put("EDGEOFF_" + site.toUpperCase(java.util.Locale.ROOT) + "_ADDR", address));
        env.put("EDGEOFF_PROXY_LISTEN", "127.0.0.1:" + port);
        env.put("EDGEOFF_PROXY_CONNECT_TIMEOUT", "1s");
        env.put("EDGEOFF_PROXY_READ_TIMEOUT", readTimeout.toMillis() + "ms");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("render.sh failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String errorLog() {
        try {
            Path log = prefix.resolve("error.log");
            return (Files.exists(log) ? Files.readString(log) : "")
                    + Files.readString(prefix.resolve("stdout.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + errorLog());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(50, TimeUnit.MILLISECONDS);   // a bounded pause between connection attempts
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within " + timeout + ": " + errorLog());
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();   // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(prefix)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp folder
        }
    }

    static Map<String, String> addresses(Map<String, Integer> ports) {
        Map<String, String> result = new HashMap<>();
        ports.forEach((site, port) -> result.put(site, "127.0.0.1:" + port));
        return result;
    }
}
