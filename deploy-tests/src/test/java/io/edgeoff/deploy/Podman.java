package io.edgeoff.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code podman} command as these machines need it ({@code --runtime runc}, with the
 * configuration {@code deploy/podman/build-images.sh} writes). Every object a test creates is
 * named {@code edgeoff-test-...}.
 */
final class Podman {

    static final String BASE_IMAGE = "localhost/edgeoff-base:17-bookworm";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Podman() {
    }

    /** Why podman tests cannot run here, or empty when they can. */
    static Optional<String> unavailableBecause() {
        if (RepoFiles.executable("podman").isEmpty()) {
            return Optional.of("podman is not installed (.ci/run installs it: apt-get install podman runc mmdebstrap)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("podman tests need root (pods with published ports and volumes)");
        }
        if (!Files.isRegularFile(Path.of("/etc/containers/containers.conf"))) {
            return Optional.of("/etc/containers/containers.conf is missing: run deploy/podman/build-images.sh --base-only");
        }
        if (run("image", "exists", BASE_IMAGE).exitCode() != 0) {
            return Optional.of("no base image " + BASE_IMAGE + ": run deploy/podman/build-images.sh --base-only");
        }
        return Optional.empty();
    }

    static Processes.Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("podman", "--runtime", "runc"));
        command.addAll(List.of(args));
        return Processes.run(command, Map.of(), null, TIMEOUT);
    }

    /** Runs and fails with podman's output unless the exit code is 0. */
    static String check(String... args) {
        Processes.Result result = run(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", args) + " exited with " + result.exitCode()
                    + ": " + result.output());
        }
        return result.output();
    }
}
