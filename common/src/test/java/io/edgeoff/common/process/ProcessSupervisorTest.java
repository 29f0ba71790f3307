package io.edgeoff.common.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one supervisor, with shell processes standing in for sites. */
class ProcessSupervisorTest {
    @TempDir
    Path dir;

    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void needsAShell() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    }

    /** Ready once it has printed READY in its current log. */
    private static ProcessSupervisor.ReadinessCheck printedReady(ProcessSupervisor supervisor) {
        return (waiting, left) -> waiting.stream().filter(name -> {
            try {
                ManagedProcess p = supervisor.process(name);
                return p.isAlive() && Files.readAllLines(p.log()).contains("READY");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.toSet());
    }

    private ProcessSupervisor.Launch shell(String name, String script, Map<String, String> env, Integer restartCode) {
        return new ProcessSupervisor.Launch(List.of("/bin/sh", "-c", script), env, dir.resolve(name + ".log"),
                restartCode == null ? OptionalInt.empty() : OptionalInt.of(restartCode));
    }

    @Test
    void aServiceExitingWithItsRestartCodeIsStartedAgainAndCloseStopsEveryServiceAndItsChildren() throws Exception {
        Path marker = dir.resolve("crashed-once");
        String crashOnce = "if [ -e " + marker + " ]; then sleep 60 & echo READY; wait; else touch " + marker
                + "; exit 75; fi";
        List<Process> all = new ArrayList<>();
        try (ProcessSupervisor supervisor = new ProcessSupervisor(messages::add)) {
            ManagedProcess first = supervisor.start("a", shell("a", crashOnce, Map.of(), 75));
            supervisor.start("b", shell("b", "sleep 60 & echo READY; wait", Map.of(), 75));

            supervisor.awaitReady(Duration.ofSeconds(60), printedReady(supervisor));

            assertThat(first.process().exitValue()).isEqualTo(75);
            assertThat(supervisor.restarts()).isEqualTo(1);
            assertThat(supervisor.process("a")).isNotSameAs(first);
            assertThat(supervisor.process("a").log()).isEqualTo(dir.resolve("a-2.log"));
            all.add(supervisor.process("a").process());
            all.add(supervisor.process("b").process());
            List<ProcessHandle> children = supervisor.process("b").process().descendants().toList();
            assertThat(children).isNotEmpty();

            supervisor.close();

            assertThat(all).noneMatch(Process::isAlive);
            assertThat(children).noneMatch(ProcessHandle::isAlive);
        }
        assertThat(messages).isEmpty();
    }

    @Test
    void aKilledServiceStaysDownUntilRecoveredAndAnUnexpectedExitIsReported() {
        try (ProcessSupervisor supervisor = new ProcessSupervisor(messages::add)) {
            supervisor.start("site", shell("site", "echo READY; exec sleep 60", Map.of(), 75));
            supervisor.awaitReady(Duration.ofSeconds(60), printedReady(supervisor));
            ManagedProcess before = supervisor.process("site");

            supervisor.kill("site");

            assertThat(before.isAlive()).isFalse();
            assertThat(supervisor.process("site")).isSameAs(before);
            assertThat(supervisor.restarts()).isZero();

            supervisor.recover("site");
            supervisor.awaitReady(Duration.ofSeconds(60), printedReady(supervisor));

            assertThat(supervisor.process("site")).isNotSameAs(before);
            assertThat(supervisor.process("site").isAlive()).isTrue();
            assertThat(messages).isEmpty();
        }
    }

    @Test
    void aServiceThatExitsWhileStartingFailsTheWaitNamingItsLog() {
        try (ProcessSupervisor supervisor = new ProcessSupervisor(messages::add)) {
            supervisor.start("broken", shell("broken", "echo no such port; exit 3", Map.of(), 75));

            assertThatThrownBy(() -> supervisor.awaitReady(Duration.ofSeconds(60), (waiting, left) -> Set.of()))
                    .isInstanceOf(ProcessException.class)
                    .hasMessageContaining("broken exited with code 3 while starting; see " + dir.resolve("broken.log"));
        }
    }

    @Test
    void theEnvironmentReachesTheChildButNotItsCommandLineOrLogAndTheLogIsOwnerOnly() throws Exception {
        String secret = "s3cret-" + System.nanoTime();
        try (ProcessSupervisor supervisor = new ProcessSupervisor(messages::add)) {
            supervisor.start("env", shell("env", "[ \"$EDGEOFF_SITE_TOKEN\" = '" + "x" + "' ] || echo READY; exec sleep 60",
                    Map.of("EDGEOFF_SITE_TOKEN", secret), null));
            supervisor.awaitReady(Duration.ofSeconds(60), printedReady(supervisor));
            ManagedProcess p = supervisor.process("env");

            String log = Files.readString(p.log());
            assertThat(log).startsWith("$ EDGEOFF_SITE_TOKEN (set in the environment) /bin/sh -c").doesNotContain(secret);
            assertThat(Files.readString(Path.of("/proc", Long.toString(p.pid()), "environ"))).contains(secret);
            assertThat(p.process().info().arguments().orElse(new String[0])).noneMatch(a -> a.contains(secret));
            if (Files.getFileStore(p.log()).supportsFileAttributeView("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p.log()))).isEqualTo("rw-------");
            }
        }
    }
}
