package io.edgeoff.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a kustomization with {@code kubectl kustomize} and parses every object with the fabric8
 * Kubernetes model. The {@code kubernetes/} tree is copied to a scratch folder first and given
 * throw-away secret files, so a test never reads or writes the user's real secrets.
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("base", "overlays/testbed", "overlays/single-node");

    /** The bearer token in the rendered {@code edgeoff-token} Secret. */
    static final String TEST_TOKEN = "test-token-0123456789";

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Kustomize() {
    }

    static boolean kubectlAvailable() {
        return RepoFiles.executable("kubectl").isPresent();
    }

    /** Rendered objects of one kustomization, e.g. {@code overlays/testbed}. */
    static Manifests render(String kustomization) {
        return render(kustomization, Map.of());
    }

    /**
     * Rendered objects of one kustomization after {@code extraFiles} (path under {@code kubernetes/}
     * to content, e.g. a test overlay) were added to the scratch copy.
     */
    static Manifests render(String kustomization, Map<String, String> extraFiles) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("edgeoff-kustomize");
            RepoFiles.copyTree(RepoFiles.resolve("kubernetes"), scratch);
            Path secrets = scratch.resolve("base/secrets");
            Files.createDirectories(secrets);
            Files.writeString(secrets.resolve("token.env"), "token=" + TEST_TOKEN + "\n");
            Files.writeString(secrets.resolve("postgres.env"), "password=test-password-0123456789\n");
            for (Map.Entry<String, String> file : extraFiles.entrySet()) {
                Path target = scratch.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            String yaml = run(scratch.resolve(kustomization));
            return new Manifests(kustomization, yaml, parse(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (!document.isBlank()) {
                objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        return List.copyOf(objects);
    }

    private static String run(Path dir) throws IOException {
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                .redirectErrorStream(false)
                .start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // scratch folder under the temp directory: left for the OS to clean
        }
    }
}
