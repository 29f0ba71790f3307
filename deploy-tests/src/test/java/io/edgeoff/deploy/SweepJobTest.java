package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.deploy.Manifests.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulation sweep ({@code kubernetes/sweep}: an Indexed Job of shards on a shared claim, and
 * {@code kubernetes/sweep/merge}: the merge Job), rendered with {@code kubectl kustomize} and parsed with the fabric8
 * model, checked like the other manifests; and the two Jobs' exact commands run with the CLI jar on a local folder.
 */
class SweepJobTest {
    static final String SHARDS = "sweep";
    static final String MERGE = "sweep/merge";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final String INDEX_ANNOTATION = "metadata.annotations['batch.kubernetes.io/job-completion-index']";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsKubectl() {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed: sweep manifest checks skipped");
    }

    static Manifests rendered(String kustomization) {
        return ManifestInvariantsTest.rendered(kustomization);
    }

    static Job shardsJob() {
        return rendered(SHARDS).named(Job.class, "edgeoff-sweep-shards");
    }

    static Job mergeJob() {
        return rendered(MERGE).named(Job.class, "edgeoff-sweep-merge");
    }

    @ParameterizedTest
    @ValueSource(strings = {SHARDS, MERGE})
    void everyObjectIsAKnownKubernetesTypeWithNoUnknownFieldsInTheEdgeoffNamespace(String kustomization) {
        Manifests m = rendered(kustomization);

        assertThat(m.objects()).isNotEmpty();
        for (HasMetadata o : m.objects()) {
            assertThat(o.getClass().getName()).as("%s %s", o.getKind(), o.getMetadata().getName())
                    .doesNotContain("GenericKubernetesResource");
            assertThat(UnknownFields.of(o)).as("unknown fields of %s/%s", o.getKind(), o.getMetadata().getName()).isEmpty();
            if (!(o instanceof Namespace)) {
                assertThat(o.getMetadata().getNamespace()).as("%s/%s", o.getKind(), o.getMetadata().getName())
                        .isEqualTo("edgeoff");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SHARDS, MERGE})
    void everyJobRunsTheVersionedImageAsNonRootWithoutApiTokenWithinItsResourcesAndNeverRestartsInPlace(String kustomization) {
        Pattern versioned = Pattern.compile("^[a-z0-9./_-]+:[0-9][A-Za-z0-9._-]*$");

        for (Workload w : rendered(kustomization).workloads()) {
            var pod = w.template().getSpec();
            assertThat(w.kind()).isEqualTo("Job");
            assertThat(pod.getRestartPolicy()).as("%s restart policy", w).isEqualTo("Never");
            assertThat(pod.getAutomountServiceAccountToken()).as("%s mounts no API token", w).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runs as non-root", w).isTrue();
            for (Container c : pod.getContainers()) {
                assertThat(c.getImage()).as("image of %s", w).matches(versioned);
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as("%s read-only root", w).isTrue();
                Map<String, Quantity> requests = c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources().getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(requests.get(resource).getNumericalAmount()).as("%s %s request within limit", w, resource)
                            .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                }
                Set<String> defined = new HashSet<>();
                Optional.ofNullable(c.getEnv()).orElse(List.of()).forEach(e -> defined.add(e.getName()));
                for (String arg : c.getArgs()) {
                    Matcher ref = ENV_REFERENCE.matcher(arg);
                    while (ref.find()) {
                        assertThat(defined).as("variables of %s (for %s)", w, arg).contains(ref.group(1));
                    }
                }
            }
        }
    }

    @Test
    void theShardsJobIsIndexedAndEachPodRunsTheShardOfItsCompletionIndexOfCompletions() {
        Job job = shardsJob();
        Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        int completions = job.getSpec().getCompletions();
        EnvVar index = c.getEnv().stream().filter(e -> e.getName().equals("SHARD_INDEX")).findFirst().orElseThrow();

        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getSpec().getParallelism()).isBetween(1, completions);
        assertThat(index.getValueFrom().getFieldRef().getFieldPath()).isEqualTo(INDEX_ANNOTATION);
        assertThat(c.getArgs().get(0)).isEqualTo("simulate");
        assertThat(flag(c.getArgs(), "--shard")).as("--shard is I/N with N = completions")
                .contains("$(SHARD_INDEX)/" + completions);
        assertThat(flag(c.getArgs(), "--out")).as("each shard writes a folder of its own")
                .hasValueSatisfying(out -> assertThat(out).endsWith("/shard-$(SHARD_INDEX)"));
    }

    @Test
    void theMergeJobReadsTheFolderTheShardsWriteOnTheSameClaimAndWritesBesideIt() {
        Container shard = shardsJob().getSpec().getTemplate().getSpec().getContainers().get(0);
        Container merge = mergeJob().getSpec().getTemplate().getSpec().getContainers().get(0);
        String shardOut = flag(shard.getArgs(), "--out").orElseThrow();
        String shardsFolder = shardOut.substring(0, shardOut.lastIndexOf('/'));
        String mergeOut = flag(merge.getArgs(), "--out").orElseThrow();

        assertThat(merge.getArgs().subList(0, 3)).containsExactly("results", "merge", shardsFolder);
        assertThat(mergeOut).doesNotStartWith(shardsFolder + "/");
        String claim = claimOf(shardsJob(), shard, shardOut);
        assertThat(claimOf(mergeJob(), merge, shardsFolder)).as("the merge reads the shards' claim").isEqualTo(claim);
        assertThat(claimOf(mergeJob(), merge, mergeOut)).isEqualTo(claim);
        PersistentVolumeClaim pvc = rendered(SHARDS).named(PersistentVolumeClaim.class, claim);
        assertThat(pvc.getSpec().getAccessModes()).as("pods on several nodes share the results").containsExactly("ReadWriteMany");
        assertThat(rendered(MERGE).all(PersistentVolumeClaim.class)).as("merge/ reuses the sweep's claim").isEmpty();
    }

    /**
     * The Jobs' exact arguments, with the experiment made small (configuration 1, 2 samplings, 3 executions) and
     * {@code /results} a local folder, run with the CLI jar: the N shards, then the merge, as the manifests order them.
     */
    @Test
    void theJobsCommandsRunInOrderProduceTheMergedResults() throws Exception {
        Path jar = ContainerImageTest.cliJar();
        Job shards = shardsJob();
        List<String> shardArgs = shards.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        List<String> mergeArgs = mergeJob().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        Map<String, String> small = Map.of("--configs", "1", "--samplings", "2", "--executions", "3");

        for (int i = 0; i < shards.getSpec().getCompletions(); i++) {
            Processes.Result r = Processes.run(command(jar, shardArgs, small, Integer.toString(i)), Map.of(), null,
                    Duration.ofMinutes(3));
            assertThat(r.exitCode()).as("shard %d: %s", i, r.output()).isZero();
        }
        Processes.Result merged = Processes.run(command(jar, mergeArgs, small, null), Map.of(), null, Duration.ofMinutes(3));

        assertThat(merged.exitCode()).as(merged.output()).isZero();
        Path out = Path.of(local(flag(mergeArgs, "--out").orElseThrow()));
        JsonNode experiment = new ObjectMapper().readTree(out.resolve("experiment.json").toFile());
        assertThat(experiment.get("samplings").asInt()).isEqualTo(2);
        assertThat(Files.readAllLines(out.resolve("samplings.csv")))
                .hasSize(1 + 2 * experiment.get("policies").size());
    }

    private List<String> command(Path jar, List<String> args, Map<String, String> replaced, String shardIndex) {
        // short-lived JVMs on a busy test machine: the C1 compiler only and the serial collector (the Jobs' own JVM
        // flags are in their JAVA_TOOL_OPTIONS, which only size the heap)
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable().toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString()));
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String word = replaced.containsKey(name) ? name + "=" + replaced.get(name) : arg;
            if (shardIndex != null) {
                word = word.replace("$(SHARD_INDEX)", shardIndex);
            }
            command.add(local(word));
        }
        return command;
    }

    /** {@code /results} of the manifests as the test's folder. */
    private String local(String word) {
        return word.replace("/results", dir.resolve("results").toString());
    }

    private static String claimOf(Job job, Container c, String path) {
        VolumeMount mount = c.getVolumeMounts().stream()
                .filter(v -> path.equals(v.getMountPath()) || path.startsWith(v.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(job.getMetadata().getName() + " mounts nothing at " + path));
        Volume volume = job.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getPersistentVolumeClaim()).as("%s keeps %s on a claim", job.getMetadata().getName(), path)
                .isNotNull();
        return volume.getPersistentVolumeClaim().getClaimName();
    }

    private static Optional<String> flag(List<String> args, String name) {
        return ManifestInvariantsTest.flag(args, name);
    }
}
