package io.edgeoff.testbed.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds and removes what test-bed runs left behind: namespaces and interfaces named
 * {@code eo<run>-...} and every process inside those namespaces. A run records its owner's pid in
 * {@code <stateDir>/run-<id>.pid}; namespaces of a run whose owner is still alive are left alone
 * unless they belong to the run being started.
 */
public final class StaleCleanup {
    private final Shell shell;
    private final Path stateDir;

    public StaleCleanup(Shell shell, Path stateDir) {
        this.shell = shell;
        this.stateDir = stateDir;
    }

    /** The default state directory, {@code /run/edgeoff-testbed}. */
    public static Path defaultStateDir() {
        return Path.of("/run/edgeoff-testbed");
    }

    /** @return the test-bed namespaces that exist now (any run) */
    public List<String> ownedNamespaces() {
        List<String> names = new ArrayList<>();
        for (String line : shell.run(List.of("ip", "netns", "list")).split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (TopologyPlan.OWNED_NAME.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names;
    }

    /** @return the test-bed interfaces left in the root namespace (any run) */
    public List<String> ownedRootInterfaces() {
        List<String> names = new ArrayList<>();
        for (String line : shell.run(List.of("ip", "-o", "link", "show")).split("\n")) {
            String[] parts = line.split(":\\s+");
            if (parts.length > 1) {
                String name = parts[1].split("@")[0];
                if (TopologyPlan.OWNED_NAME.matcher(name).matches()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** @return the pids of the processes running in {@code namespace} */
    public List<Long> pidsIn(String namespace) {
        List<Long> pids = new ArrayList<>();
        String out;
        try {
            out = shell.run(List.of("ip", "netns", "pids", namespace));
        } catch (TestbedException e) {
            return pids;
        }
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        return pids;
    }

    /**
     * Removes the namespaces (with their processes) and root interfaces of {@code runId} (unless
     * another live process owns it) and of every run whose owner process is gone.
     *
     * @return what was removed, for the log
     */
    public List<String> clean(int runId) {
        List<String> removed = new ArrayList<>();
        for (String ns : ownedNamespaces()) {
            int run = runOf(ns);
            if ((run == runId && !ownedByAnother(run)) || !ownerAlive(run)) {
                killProcessesIn(ns);
                if (shell.tryRun(List.of("ip", "netns", "del", ns))) {
                    removed.add("namespace " + ns);
                }
            }
        }
        for (String dev : ownedRootInterfaces()) {
            int run = runOf(dev);
            if (((run == runId && !ownedByAnother(run)) || !ownerAlive(run)) && shell.tryRun(List.of("ip", "link", "del", dev))) {
                removed.add("interface " + dev);
            }
        }
        removeDeadOwnerFiles();
        return removed;
    }

    /** Kills every process in {@code namespace} (SIGKILL). */
    public void killProcessesIn(String namespace) {
        for (long pid : pidsIn(namespace)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Records the current process as the owner of {@code runId}.
     *
     * @throws IllegalArgumentException when another live process owns the run
     */
    public synchronized void claim(int runId) {
        Optional<Long> owner = owner(runId);
        long self = ProcessHandle.current().pid();
        if (owner.isPresent() && owner.get() != self && ownerAlive(runId)) {
            throw new IllegalArgumentException("test-bed run " + runId + " is in use by process " + owner.get()
                    + "; choose another --run");
        }
        try {
            Files.createDirectories(stateDir);
            Files.writeString(pidFile(runId), Long.toString(self), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TestbedException("cannot write " + pidFile(runId) + ": " + e.getMessage(), e);
        }
    }

    /** @return the first run id in [from, to] that no live process owns (for tests running side by side) */
    public int firstFreeRun(int from, int to) {
        for (int run = from; run <= to; run++) {
            if (!ownerAlive(run)) {
                return run;
            }
        }
        throw new IllegalStateException("every test-bed run in [" + from + ", " + to + "] is in use");
    }

    private void removeDeadOwnerFiles() {
        if (!Files.isDirectory(stateDir)) {
            return;
        }
        try (var files = Files.list(stateDir)) {
            for (Path file : files.toList()) {
                Matcher m = java.util.regex.Pattern.compile("run-(\\d+)\\.pid").matcher(file.getFileName().toString());
                if (m.matches() && !ownerAlive(Integer.parseInt(m.group(1)))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // best effort
        }
    }

    /** Forgets the owner of {@code runId}. */
    public void release(int runId) {
        try {
            Files.deleteIfExists(pidFile(runId));
        } catch (IOException e) {
            // best effort: a stale pid file only makes the next start check a dead pid
        }
    }

    private boolean ownedByAnother(int runId) {
        return ownerAlive(runId) && owner(runId).orElse(-1L) != ProcessHandle.current().pid();
    }

    private boolean ownerAlive(int runId) {
        return owner(runId).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private Optional<Long> owner(int runId) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile(runId)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Path pidFile(int runId) {
        return stateDir.resolve("run-" + runId + ".pid");
    }

    private static int runOf(String name) {
        Matcher m = TopologyPlan.OWNED_NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a test-bed name: " + name);
        }
        return Integer.parseInt(m.group(1));
    }
}
