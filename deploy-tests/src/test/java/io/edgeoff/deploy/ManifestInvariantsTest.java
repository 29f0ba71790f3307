package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.edgeoff.deploy.Manifests.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Invariants every rendered kustomization must satisfy (no cluster needed): the base and each
 * overlay are rendered with {@code kubectl kustomize} and parsed with the fabric8 model.
 */
class ManifestInvariantsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @BeforeAll
    static void needsKubectl() {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed: manifest checks skipped");
    }

    static Manifests rendered(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, Kustomize::render);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectIsAKnownKubernetesTypeWithNoUnknownFields(String overlay) {
        Manifests m = rendered(overlay);

        assertThat(m.objects()).isNotEmpty();
        for (HasMetadata o : m.objects()) {
            assertThat(o.getClass().getName()).as("%s %s", o.getKind(), o.getMetadata().getName())
                    .doesNotContain("GenericKubernetesResource");
            assertThat(UnknownFields.of(o)).as("unknown fields of %s/%s", o.getKind(), o.getMetadata().getName())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyNamespacedObjectLivesInTheEdgeoffNamespace(String overlay) {
        Manifests m = rendered(overlay);

        assertThat(m.all(Namespace.class)).extracting(n -> n.getMetadata().getName()).containsExactly("edgeoff");
        for (HasMetadata o : m.objects()) {
            if (!(o instanceof Namespace)) {
                assertThat(o.getMetadata().getNamespace()).as("%s/%s", o.getKind(), o.getMetadata().getName())
                        .isEqualTo("edgeoff");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void workloadSelectorsMatchTheirOwnPodLabels(String overlay) {
        for (Workload w : rendered(overlay).workloads()) {
            if (w.selector() == null) {
                assertThat(w.kind()).as("only Jobs may leave the selector to Kubernetes").isEqualTo("Job");
                continue;
            }
            assertThat(w.selector().getMatchExpressions()).as("%s uses matchLabels only", w).isNullOrEmpty();
            assertThat(w.podLabels()).as("pod labels of %s", w).containsAllEntriesOf(w.selector().getMatchLabels());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyWorkloadSelectsOnlyItsOwnPods(String overlay) {
        List<Workload> workloads = rendered(overlay).workloads().stream().filter(Workload::longRunning).toList();

        for (Workload w : workloads) {
            assertThat(rendered(overlay).workloadsSelectedBy(w.selector().getMatchLabels()))
                    .as("workloads whose pods %s's selector matches", w).containsExactly(w);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsExactlyOneWorkloadAndTargetsOneOfItsContainerPorts(String overlay) {
        Manifests m = rendered(overlay);

        assertThat(m.services()).hasSizeGreaterThanOrEqualTo(5);
        for (Service s : m.services()) {
            List<Workload> selected = m.workloadsSelectedBy(s.getSpec().getSelector());
            assertThat(selected).as("workloads selected by Service %s", s.getMetadata().getName()).hasSize(1);
            List<ContainerPort> ports = containerPorts(selected.get(0));
            for (ServicePort p : s.getSpec().getPorts()) {
                assertThat(resolve(p.getTargetPort(), ports))
                        .as("Service %s port %s targets %s, a port of %s", s.getMetadata().getName(), p.getName(),
                                p.getTargetPort(), selected.get(0))
                        .isPresent();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyLongRunningContainerHasLivenessAndReadinessProbesOnItsOwnPorts(String overlay) {
        for (Workload w : rendered(overlay).workloads()) {
            if (!w.longRunning()) {
                continue;
            }
            for (Container c : w.template().getSpec().getContainers()) {
                String who = w + " container " + c.getName();
                assertThat(c.getLivenessProbe()).as("liveness probe of %s", who).isNotNull();
                assertThat(c.getReadinessProbe()).as("readiness probe of %s", who).isNotNull();
                for (Probe probe : probes(c)) {
                    probePort(probe).ifPresent(port -> assertThat(resolve(port, c.getPorts()))
                            .as("%s probes port %s, which it declares", who, port).isPresent());
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void sitesAreReadyOnHealthAndAliveOnHealthLive(String overlay) {
        List<Workload> sites = sites(rendered(overlay));

        assertThat(sites).hasSize(4);
        for (Workload w : sites) {
            Container c = w.template().getSpec().getContainers().get(0);
            for (Probe probe : probes(c)) {
                assertThat(probe.getHttpGet()).as("%s probes over HTTP", w).isNotNull();
            }
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).as("readiness of %s", w).isEqualTo("/v1/health");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).as("liveness of %s", w).isEqualTo("/v1/health/live");
            assertThat(c.getStartupProbe().getHttpGet().getPath()).as("startup of %s", w).isEqualTo("/v1/health/live");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasCpuAndMemoryRequestsWithinItsLimits(String overlay) {
        for (Workload w : rendered(overlay).workloads()) {
            for (Container c : allContainers(w)) {
                String who = w + " container " + c.getName();
                assertThat(c.getResources()).as("resources of %s", who).isNotNull();
                Map<String, Quantity> requests = c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources().getLimits();
                assertThat(requests).as("requests of %s", who).containsKeys("cpu", "memory");
                assertThat(limits).as("limits of %s", who).containsKeys("cpu", "memory");
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(requests.get(resource).getNumericalAmount())
                            .as("%s request of %s is within its limit", resource, who)
                            .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyImageCarriesAVersionTag(String overlay) {
        Pattern versioned = Pattern.compile("^[a-z0-9./_-]+(:[0-9][A-Za-z0-9._-]*|@sha256:[0-9a-f]{64})$");

        for (Workload w : rendered(overlay).workloads()) {
            for (Container c : allContainers(w)) {
                assertThat(c.getImage()).as("image of %s container %s", w, c.getName()).matches(versioned);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyReferencedSecretAndConfigMapIsRenderedWithTheReferencedKey(String overlay) {
        Manifests m = rendered(overlay);

        for (Workload w : m.workloads()) {
            for (Container c : allContainers(w)) {
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        var ref = e.getValueFrom().getSecretKeyRef();
                        Secret secret = m.named(Secret.class, ref.getName());
                        assertThat(data(secret)).as("Secret %s used by %s", ref.getName(), w).containsKey(ref.getKey());
                    }
                }
            }
            for (Volume v : Optional.ofNullable(w.template().getSpec().getVolumes()).orElse(List.of())) {
                if (v.getConfigMap() != null) {
                    assertThat(m.find(ConfigMap.class, v.getConfigMap().getName()))
                            .as("ConfigMap %s mounted by %s", v.getConfigMap().getName(), w).isPresent();
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableAnArgumentReferencesIsDefinedInThatContainer(String overlay) {
        for (Workload w : rendered(overlay).workloads()) {
            for (Container c : allContainers(w)) {
                Set<String> defined = new HashSet<>();
                Optional.ofNullable(c.getEnv()).orElse(List.of()).forEach(e -> defined.add(e.getName()));
                List<String> words = new ArrayList<>(Optional.ofNullable(c.getCommand()).orElse(List.of()));
                words.addAll(Optional.ofNullable(c.getArgs()).orElse(List.of()));
                for (String word : words) {
                    Matcher ref = ENV_REFERENCE.matcher(word);
                    while (ref.find()) {
                        assertThat(defined).as("variables of %s container %s (for %s)", w, c.getName(), word)
                                .contains(ref.group(1));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void siteConfigFilesUseOnlyKeysOfTheSiteConfigSchema(String overlay) {
        Manifests m = rendered(overlay);
        Set<String> known = Set.copyOf(RepoFiles.resourceLines("site-config-keys.txt"));

        for (String site : SiteIds.ALL) {
            ConfigMap config = m.generated(ConfigMap.class, "edgeoff-site-config-" + site);
            assertThat(config.getData()).as("files of %s", config.getMetadata().getName()).containsOnlyKeys("site.yaml");
            JsonNode yaml = readYaml(config.getData().get("site.yaml"));
            assertThat(yaml.isObject()).as("site.yaml of %s is a mapping", site).isTrue();
            List<String> keys = new ArrayList<>();
            yaml.fieldNames().forEachRemaining(keys::add);
            assertThat(known).as("site config keys known to the site (site-config-keys.txt)").containsAll(keys);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void siteContainersReadTheMountedConfigFileAndUseOnlyKnownFlags(String overlay) {
        Set<String> knownFlags = Set.copyOf(RepoFiles.resourceLines("site-cli-flags.txt"));

        for (Workload w : sites(rendered(overlay))) {
            Container c = w.template().getSpec().getContainers().get(0);
            List<String> args = c.getArgs();
            assertThat(args.get(0)).isEqualTo("site");
            for (String arg : args.subList(1, args.size())) {
                assertThat(arg).as("arguments of %s are --flag=value", w).startsWith("--").contains("=");
                assertThat(knownFlags).as("flags of edgeoff site (site-cli-flags.txt)").contains(arg.substring(0, arg.indexOf('=')));
            }
            String configFile = flag(args, "--config").orElseThrow();
            var mount = c.getVolumeMounts().stream().filter(v -> configFile.startsWith(v.getMountPath() + "/")).findFirst();
            assertThat(mount).as("%s mounts the folder of %s", w, configFile).isPresent();
            Volume volume = w.template().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.get().getName())).findFirst().orElseThrow();
            assertThat(volume.getConfigMap()).as("%s is a ConfigMap volume", configFile).isNotNull();
            ConfigMap config = rendered(overlay).named(ConfigMap.class, volume.getConfigMap().getName());
            assertThat(config.getData()).containsKey(configFile.substring(mount.get().getMountPath().length() + 1));
            assertThat(flag(args, "--port").map(Integer::parseInt)).as("%s listens on its declared port", w)
                    .contains(c.getPorts().get(0).getContainerPort());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachSiteRunsWithItsOwnIdAndPrometheusScrapesItsDeclaredPort(String overlay) {
        for (String site : SiteIds.ALL) {
            Workload w = rendered(overlay).workloads().stream()
                    .filter(x -> x.name().equals("edgeoff-site-" + site)).findFirst().orElseThrow();
            Container c = w.template().getSpec().getContainers().get(0);
            String siteEnv = c.getEnv().stream().filter(e -> e.getName().equals("EDGEOFF_SITE_ID"))
                    .findFirst().orElseThrow().getValue();
            Map<String, String> annotations = w.template().getMetadata().getAnnotations();

            assertThat(siteEnv).isEqualTo(site.toUpperCase(java.util.Locale.ROOT));
            assertThat(w.podLabels()).containsEntry("edgeoff.io/site", site);
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/v1/metrics");
            assertThat(c.getPorts()).extracting(ContainerPort::getContainerPort)
                    .contains(Integer.parseInt(annotations.get("prometheus.io/port")));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void migrationJobRunsDbMigrateAgainstTheInClusterDatabaseService(String overlay) {
        Manifests m = rendered(overlay);
        Workload job = m.workloads().stream().filter(w -> w.kind().equals("Job")).findFirst().orElseThrow();
        Container c = job.template().getSpec().getContainers().get(0);

        assertThat(c.getArgs().subList(0, 2)).containsExactly("db", "migrate");
        String url = flag(c.getArgs(), "--url").orElseThrow();
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([a-z0-9-]+):(\\d+)/(\\w+)\\?.*").matcher(url);
        assertThat(jdbc.matches()).as("JDBC URL %s", url).isTrue();
        Service db = m.named(Service.class, jdbc.group(1));
        assertThat(db.getSpec().getPorts()).extracting(ServicePort::getPort).contains(Integer.parseInt(jdbc.group(2)));
        Workload postgres = m.workloadsSelectedBy(db.getSpec().getSelector()).get(0);
        Container pg = postgres.template().getSpec().getContainers().get(0);
        assertThat(pg.getEnv()).filteredOn(e -> e.getName().equals("POSTGRES_DB"))
                .extracting(EnvVar::getValue).containsExactly(jdbc.group(3));
        assertThat(pg.getImage()).startsWith("postgres:15.");
        assertThat(job.template().getSpec().getRestartPolicy()).isIn("OnFailure", "Never");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void ingressRoutesEachSitePathToThatSitesServiceAndStripsThePrefix(String overlay) {
        Manifests m = rendered(overlay);
        var ingress = m.ingresses().get(0);
        var paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
        String rewrite = ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/rewrite-target");

        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(paths).hasSize(SiteIds.ALL.size());
        for (String site : SiteIds.ALL) {
            var path = paths.stream().filter(p -> p.getPath().startsWith("/" + site + "(")).findFirst().orElseThrow();
            Service service = m.named(Service.class, path.getBackend().getService().getName());
            assertThat(service.getMetadata().getName()).isEqualTo("edgeoff-site-" + site);
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName)
                    .contains(path.getBackend().getService().getPort().getName());
            assertThat(rewriteOf(path.getPath(), rewrite, "/" + site + "/v1/health")).contains("/v1/health");
            assertThat(rewriteOf(path.getPath(), rewrite, "/" + site)).contains("/");
            assertThat(rewriteOf(path.getPath(), rewrite, "/" + site + "x/v1/health")).isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyEdgeoffPodsSuchAsTheMigrationJobMayConnectToTheDatabase(String overlay) {
        Manifests m = rendered(overlay);
        NetworkPolicy policy = m.named(NetworkPolicy.class, "postgres");
        Workload postgres = m.workloads().stream().filter(w -> w.name().equals("postgres")).findFirst().orElseThrow();
        Workload migration = m.workloads().stream().filter(w -> w.kind().equals("Job")).findFirst().orElseThrow();
        var rule = policy.getSpec().getIngress().get(0);

        assertThat(m.workloadsSelectedBy(policy.getSpec().getPodSelector().getMatchLabels())).containsExactly(postgres);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(resolve(rule.getPorts().get(0).getPort(), containerPorts(postgres))).isPresent();
        assertThat(migration.podLabels()).containsAllEntriesOf(rule.getFrom().get(0).getPodSelector().getMatchLabels());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySiteKeepsItsFailureFileOnAClaimOfItsOwnThatOutlivesThePod(String overlay) {
        Manifests m = rendered(overlay);
        Set<String> claims = new HashSet<>();

        for (Workload w : sites(m)) {
            Container c = w.template().getSpec().getContainers().get(0);
            String dataDir = flag(c.getArgs(), "--data-dir").orElseThrow();
            String volumeName = c.getVolumeMounts().stream().filter(v -> v.getMountPath().equals(dataDir))
                    .findFirst().orElseThrow(() -> new AssertionError(w + " mounts nothing at " + dataDir)).getName();
            Volume volume = w.template().getSpec().getVolumes().stream().filter(v -> v.getName().equals(volumeName))
                    .findFirst().orElseThrow();
            assertThat(volume.getPersistentVolumeClaim()).as("%s keeps %s on a PersistentVolumeClaim", w, dataDir).isNotNull();
            String claim = volume.getPersistentVolumeClaim().getClaimName();
            assertThat(m.find(PersistentVolumeClaim.class, claim)).as("claim %s of %s is rendered", claim, w).isPresent();
            assertThat(m.named(PersistentVolumeClaim.class, claim).getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
            assertThat(claims.add(claim)).as("%s shares no claim with another site", w).isTrue();
            assertThat(m.named(Deployment.class, w.name()).getSpec().getStrategy().getType())
                    .as("%s never runs two pods on one ReadWriteOnce claim", w).isEqualTo("Recreate");
        }
        assertThat(claims).hasSize(SiteIds.ALL.size());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noPodGetsAKubernetesApiToken(String overlay) {
        for (Workload w : rendered(overlay).workloads()) {
            assertThat(w.template().getSpec().getAutomountServiceAccountToken()).as("%s mounts no API token", w).isFalse();
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    static List<Workload> sites(Manifests m) {
        return m.workloads().stream().filter(w -> w.name().startsWith("edgeoff-site-")).toList();
    }

    /** What ingress-nginx sends upstream for a request path: the regex as a prefix, {@code $n} groups. */
    private static Optional<String> rewriteOf(String regex, String rewrite, String requestPath) {
        Matcher matcher = Pattern.compile("^" + regex).matcher(requestPath);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        String result = rewrite;
        for (int g = matcher.groupCount(); g >= 1; g--) {
            result = result.replace("$" + g, Optional.ofNullable(matcher.group(g)).orElse(""));
        }
        return Optional.of(result);
    }

    static Optional<String> flag(List<String> args, String name) {
        return args.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1)).findFirst();
    }

    private static List<Container> allContainers(Workload w) {
        List<Container> all = new ArrayList<>(w.template().getSpec().getContainers());
        all.addAll(Optional.ofNullable(w.template().getSpec().getInitContainers()).orElse(List.of()));
        return all;
    }

    private static List<ContainerPort> containerPorts(Workload w) {
        return w.template().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()).toList();
    }

    private static Optional<ContainerPort> resolve(IntOrString port, List<ContainerPort> ports) {
        if (port == null || ports == null) {
            return Optional.empty();
        }
        return ports.stream().filter(p -> port.getStrVal() != null
                ? port.getStrVal().equals(p.getName())
                : port.getIntVal().equals(p.getContainerPort())).findFirst();
    }

    private static List<Probe> probes(Container c) {
        List<Probe> probes = new ArrayList<>();
        for (Probe p : new Probe[] {c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()}) {
            if (p != null) {
                probes.add(p);
            }
        }
        return probes;
    }

    private static Optional<IntOrString> probePort(Probe p) {
        if (p.getHttpGet() != null) {
            return Optional.of(p.getHttpGet().getPort());
        }
        if (p.getTcpSocket() != null) {
            return Optional.of(p.getTcpSocket().getPort());
        }
        return Optional.empty();
    }

    private static Map<String, String> data(Secret secret) {
        Map<String, String> all = new java.util.HashMap<>();
        Optional.ofNullable(secret.getStringData()).ifPresent(all::putAll);
        Optional.ofNullable(secret.getData()).ifPresent(d -> d.forEach(
                (k, v) -> all.put(k, new String(Base64.getDecoder().decode(v), java.nio.charset.StandardCharsets.UTF_8))));
        return all;
    }

    private static JsonNode readYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not YAML: " + text, e);
        }
    }
}
