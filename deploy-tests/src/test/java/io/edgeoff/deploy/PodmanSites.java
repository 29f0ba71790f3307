package io.edgeoff.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four site Deployments of a rendered overlay, played with {@code podman kube play}, one pod
 * per site. What podman 4.3 (Debian bookworm) cannot express is adapted in the played copy, and only
 * that:
 * <ul>
 *   <li>Services: podman has none; each site's container port is published on 127.0.0.1 at a free
 *       host port instead ({@code hostIP}/{@code hostPort}; without a hostPort podman would publish
 *       every pod on the same host port 8080);</li>
 *   <li>{@code $(VAR)} in arguments: Kubernetes expands them from the container's environment,
 *       podman does not; expanded here from the container's literal env values;</li>
 *   <li>Secrets: podman 4.3 stores a played Secret as YAML but reads {@code secretKeyRef} as a JSON
 *       map of base64 values (podman issue 16269); the rendered Secret's {@code data} is created
 *       with {@code podman secret create} instead;</li>
 *   <li>probes: podman 4.3 turns them into a {@code curl} health check inside the image (which has
 *       no curl) on port 0 (named ports unresolved), run only by systemd timers; removed, and the
 *       test calls the probe paths itself;</li>
 *   <li>emptyDir: podman 4.3 makes it a named volume shared by every pod with a volume of that
 *       name; renamed per site.</li>
 * </ul>
 * PersistentVolumeClaims become podman volumes of the claim's name, which outlive the pod as a
 * claim does. Re-creating a deleted pod (what the ReplicaSet does) plays the Deployment and its
 * ConfigMap again without the claim, which still exists.
 */
final class PodmanSites implements AutoCloseable {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<String, Integer> hostPorts = new LinkedHashMap<>();
    private final Map<String, String> deployments = new LinkedHashMap<>();
    private final List<String> volumes = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    private PodmanSites(Path dir) {
        this.dir = dir;
    }

    /** Writes one play file per site and creates the Secrets; {@link #play} starts a site. */
    static PodmanSites prepare(Manifests manifests, Path dir) throws IOException {
        PodmanSites sites = new PodmanSites(dir);
        for (Secret secret : manifests.secrets()) {
            Path file = dir.resolve(secret.getMetadata().getName() + ".json");
            Files.writeString(file, JSON.writeValueAsString(secret.getData()));
            Podman.run("secret", "rm", secret.getMetadata().getName());   // left by a killed earlier run
            Podman.check("secret", "create", secret.getMetadata().getName(), file.toString());
            sites.secrets.add(secret.getMetadata().getName());
        }
        for (String site : SiteIds.ALL) {
            sites.writePlayFiles(manifests, site);
        }
        return sites;
    }

    private void writePlayFiles(Manifests manifests, String site) throws IOException {
        Deployment deployment = manifests.deployments().stream()
                .filter(d -> d.getMetadata().getName().endsWith("edgeoff-site-" + site)).findFirst().orElseThrow();
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : c.getEnv()) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            }
        }
        c.setArgs(c.getArgs().stream().map(a -> expand(a, env)).toList());
        int hostPort = NginxProxy.freeLoopbackPort();
        for (Container each : pod.getContainers()) {   // the site and its failure-monitor sidecar
            each.setStartupProbe(null);
            each.setLivenessProbe(null);
            each.setReadinessProbe(null);
            int published = each == c ? hostPort : NginxProxy.freeLoopbackPort();
            for (ContainerPort port : each.getPorts()) {
                port.setHostIP("127.0.0.1");
                port.setHostPort(published);
            }
        }
        List<Object> claimsAndConfig = new ArrayList<>();
        for (Volume v : pod.getVolumes()) {
            if (v.getEmptyDir() != null) {
                String unique = deployment.getMetadata().getName() + "-" + v.getName();
                for (Container each : pod.getContainers()) {
                    for (VolumeMount m : each.getVolumeMounts()) {
                        if (m.getName().equals(v.getName())) {
                            m.setName(unique);
                        }
                    }
                }
                v.setName(unique);
                volumes.add(unique);
            } else if (v.getPersistentVolumeClaim() != null) {
                String claim = v.getPersistentVolumeClaim().getClaimName();
                claimsAndConfig.add(manifests.named(PersistentVolumeClaim.class, claim));
                volumes.add(claim);
            } else if (v.getConfigMap() != null) {
                volumes.add(v.getConfigMap().getName());
            }
        }
        List<Object> podAndConfig = new ArrayList<>(List.of(deployment));
        for (Volume v : pod.getVolumes()) {
            if (v.getConfigMap() != null) {
                podAndConfig.add(manifests.named(ConfigMap.class, v.getConfigMap().getName()));
            }
        }
        Files.writeString(podFile(site), yaml(podAndConfig));
        Files.writeString(claimFile(site), yaml(claimsAndConfig));
        hostPorts.put(site, hostPort);
        deployments.put(site, deployment.getMetadata().getName());
    }

    /** Creates the site's claims (first time only) and plays its Deployment. */
    void play(String site) {
        if (Podman.run("volume", "exists", claimVolume(site)).exitCode() != 0) {
            Podman.check("kube", "play", claimFile(site).toString());
        }
        Podman.check("kube", "play", podFile(site).toString());
    }

    /** {@code kubectl delete pod}: the pod goes, its claim stays. */
    void deletePod(String site) {
        Podman.check("pod", "rm", "--force", podName(site));
    }

    /** A crash: SIGKILL to the site's JVM from outside; the pod's restart policy restarts it. */
    void killSiteProcess(String site) {
        String pid = firstLine(Podman.check("inspect", "--format", "{{.State.Pid}}", containerName(site)));
        Processes.Result kill = Processes.run(List.of("kill", "-KILL", pid), Map.of(), null, java.time.Duration.ofSeconds(10));
        if (kill.exitCode() != 0) {
            throw new IllegalStateException("kill -KILL " + pid + ": " + kill.output());
        }
    }

    int restartCount(String site) {
        return Integer.parseInt(firstLine(Podman.check("inspect", "--format", "{{.RestartCount}}", containerName(site))));
    }

    String baseUrl(String site) {
        return "http://127.0.0.1:" + hostPorts.get(site);
    }

    String logs(String site) {
        return Podman.run("logs", "--tail", "40", containerName(site)).output();
    }

    String containerName(String site) {
        return podName(site) + "-site";
    }

    /** The failure-monitor sidecar of the site's pod. */
    String monitorContainerName(String site) {
        return podName(site) + "-failure-monitor";
    }

    /** Where podman keeps the site's claim (its data folder, failure file and the sidecar's monitor/). */
    Path claimMountpoint(String site) {
        return Path.of(firstLine(Podman.check("volume", "inspect", "--format", "{{.Mountpoint}}", claimVolume(site))));
    }

    private String podName(String site) {
        return deployments.get(site) + "-pod-0";
    }

    private String claimVolume(String site) {
        return volumes.stream().filter(v -> v.endsWith("-data-" + site)).findFirst().orElseThrow();
    }

    private Path podFile(String site) {
        return dir.resolve(site + "-deployment.yaml");
    }

    private Path claimFile(String site) {
        return dir.resolve(site + "-claim.yaml");
    }

    @Override
    public void close() {
        for (String deployment : deployments.values()) {
            Podman.run("pod", "rm", "--force", "--ignore", deployment + "-pod-0");
        }
        for (String volume : volumes) {
            Podman.run("volume", "rm", "--force", volume);
        }
        for (String secret : secrets) {
            Podman.run("secret", "rm", secret);
        }
    }

    private static String expand(String arg, Map<String, String> env) {
        String result = arg;
        for (Map.Entry<String, String> e : env.entrySet()) {
            result = result.replace("$(" + e.getKey() + ")", e.getValue());
        }
        return result;
    }

    private static String yaml(List<Object> objects) {
        StringBuilder sb = new StringBuilder();
        for (Object o : objects) {
            sb.append(SERIALIZATION.asYaml(o));
        }
        return sb.toString();
    }

    /** The first line of podman's output (conmon may add a syslog warning after it). */
    private static String firstLine(String output) {
        return output.strip().lines().findFirst().orElseThrow(() -> new IllegalStateException("no output")).strip();
    }
}
