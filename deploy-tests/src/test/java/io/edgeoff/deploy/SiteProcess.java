package io.edgeoff.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code edgeoff site} started as its Kubernetes Deployment starts it: the Dockerfile's
 * entrypoint (JVM flags and environment) and the container's arguments, with the site's rendered
 * ConfigMap as the config file. Only what must differ on a test machine is swapped: the config and
 * data folders (temp folders instead of the mounts), the listen address (127.0.0.1, not
 * 0.0.0.0), the port (a free one) and the Secret's token (a test value).
 */
final class SiteProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private SiteProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static SiteProcess start(Manifests manifests, String site, String token, Path dir) {
        return start(manifests, site, token, dir, NginxProxy.freeLoopbackPort());
    }

    /** Starts the site on {@code port} (a restart keeps its port, as a pod's restarted container does). */
    static SiteProcess start(Manifests manifests, String site, String token, Path dir, int port) {
        return startContainer(manifests, site, "site", token, dir, port, 0);
    }

    /**
     * Starts the failure-monitor sidecar of the site's pod as its container starts it, probing the
     * site on {@code sitePort} (the pod's shared loopback) and serving its own health on a free port.
     */
    static SiteProcess startMonitor(Manifests manifests, String site, Path dir, int sitePort) {
        return startContainer(manifests, site, "failure-monitor", null, dir, NginxProxy.freeLoopbackPort(), sitePort);
    }

    private static SiteProcess startContainer(Manifests manifests, String site, String container, String token,
                                              Path dir, int port, int sitePort) {
        try {
            Container c = ManifestInvariantsTest.sites(manifests).stream()
                    .filter(w -> w.name().equals("edgeoff-site-" + site)).findFirst().orElseThrow()
                    .template().getSpec().getContainers().stream().filter(x -> x.getName().equals(container))
                    .findFirst().orElseThrow();
            ConfigMap config = manifests.generated(ConfigMap.class, "edgeoff-site-config-" + site);
            Path configDir = Files.createDirectories(dir.resolve("etc"));
            Path dataDir = Files.createDirectories(dir.resolve("data"));
            for (var file : config.getData().entrySet()) {
                Files.writeString(configDir.resolve(file.getKey()), file.getValue());
            }
            Map<String, String> vars = new HashMap<>();   // the container's environment, Secrets resolved
            for (EnvVar e : c.getEnv()) {
                boolean fromTokenSecret = e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                        && e.getValueFrom().getSecretKeyRef().getName().startsWith("edgeoff-token");
                if (fromTokenSecret) {
                    vars.put(e.getName(), token);
                } else if (e.getValue() != null) {
                    vars.put(e.getName(), e.getValue());
                }
            }
            ContainerImageTest.Dockerfile dockerfile = ContainerImageTest.Dockerfile.read();
            List<String> command = new ArrayList<>(dockerfile.entrypoint());
            command.set(0, Processes.javaExecutable().toString());
            command.replaceAll(w -> w.replace("/opt/edgeoff/edgeoff.jar", ContainerImageTest.cliJar().toString())
                    .replace("/var/lib/edgeoff", dataDir.toString()));
            for (String arg : c.getArgs()) {
                String a = arg;
                for (var v : vars.entrySet()) {
                    a = a.replace("$(" + v.getKey() + ")", String.valueOf(v.getValue()));
                }
                a = a.replace("/etc/edgeoff", configDir.toString()).replace("/var/lib/edgeoff", dataDir.toString());
                if (a.startsWith("--bind=")) {
                    a = "--bind=127.0.0.1";
                } else if (a.startsWith("--port=")) {
                    a = "--port=" + port;
                } else if (a.startsWith("--url=")) {
                    a = a.replace("127.0.0.1:8080", "127.0.0.1:" + sitePort);
                }
                command.add(a);
            }
            Path log = dir.resolve(container + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(dockerfile.env());
            pb.environment().putAll(vars);
            Process process = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));   // a killed test run leaves no site behind
            return new SiteProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A crash: SIGKILL, then waits until the process has exited. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
