package io.edgeoff.common.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Supervises named long-running processes (services): starts them ({@link ManagedProcess}), starts one again when
 * it exits with its launch's restart code, kills ({@link #kill}, a crash) and recovers ({@link #recover}) them on
 * request, waits until they are ready ({@link #awaitReady}) and stops them all on {@link #close()}, also from a
 * shutdown hook on Ctrl-C. The one supervisor of the demo's site processes and the test-bed's, and of their failure
 * monitors (which the test-bed launches, like its
 * sites inside network namespaces: that is only a command prefix, see {@link Launch#command}).
 */
public final class ProcessSupervisor implements AutoCloseable {

    /**
     * How to start one service.
     *
     * @param command     the command line (never a secret: it is visible to every user and logged)
     * @param environment variables added to the child's environment (the way to pass a secret)
     * @param log         its log file; a restart appends {@code -2}, {@code -3}, ... to the file name
     * @param restartCode exit code after which the service is started again at once (a crash outage), or empty
     */
    public record Launch(List<String> command, Map<String, String> environment, Path log, OptionalInt restartCode) {
        public Launch {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    /** Which of the services waiting to be ready are ready now. */
    @FunctionalInterface
    public interface ReadinessCheck {
        /** @return the names among {@code waiting} that are ready; may block up to {@code timeLeft} */
        Set<String> ready(Collection<String> waiting, Duration timeLeft);
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Launch> launches = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new LinkedHashMap<>();
    private final Set<String> killed = new HashSet<>();
    private final Consumer<String> log;
    private final Thread hook;
    private boolean closing;
    private int restarts;

    /** A supervisor reporting unexpected exits to {@code log}; its shutdown hook stops every service. */
    public ProcessSupervisor(Consumer<String> log) {
        this(log, true);
    }

    /**
     * A supervisor reporting unexpected exits to {@code log}, with a shutdown hook that stops every service unless
     * {@code shutdownHook} is false (its owner's hook closes it).
     */
    public ProcessSupervisor(Consumer<String> log, boolean shutdownHook) {
        this.log = log;
        this.hook = shutdownHook ? new Thread(this::stopAll, "edgeoff-stop-services") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Starts service {@code name}; {@link #recover} starts it again the same way. */
    public synchronized ManagedProcess start(String name, Launch launch) {
        if (closing) {
            throw new ProcessException("the supervisor is closed; not starting " + name);
        }
        launches.put(name, launch);
        return spawn(name);
    }

    private synchronized ManagedProcess spawn(String name) {
        Launch launch = launches.get(name);
        int n = starts.merge(name, 1, Integer::sum);
        Path log = n == 1 ? launch.log() : numbered(launch.log(), n);
        ManagedProcess p = ManagedProcess.start(n == 1 ? name : name + "-" + n, launch.command(),
                launch.environment(), log);
        processes.put(name, p);
        p.process().onExit().thenAccept(done -> exited(name, p));
        return p;
    }

    private static Path numbered(Path log, int n) {
        String file = log.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String numbered = dot < 0 ? file + "-" + n : file.substring(0, dot) + "-" + n + file.substring(dot);
        return log.resolveSibling(numbered);
    }

    private void exited(String name, ManagedProcess process) {
        int code = process.process().exitValue();
        synchronized (this) {
            if (closing || processes.get(name) != process || killed.contains(name)) {
                return; // stopping, replaced, or killed on purpose
            }
            OptionalInt restart = launches.get(name).restartCode();
            if (restart.isPresent() && restart.getAsInt() == code) {
                restarts++;
                spawn(name);
                return;
            }
        }
        log.accept(name + " exited with code " + code + "; see " + process.log());
    }

    /**
     * Waits until {@code check} says every service is ready.
     *
     * @throws ProcessException naming the services that exited (and will not be restarted) or were not ready in time
     */
    public void awaitReady(Duration timeout, ReadinessCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(launches.keySet());
        }
        while (!waiting.isEmpty()) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            waiting.removeAll(check.ready(List.copyOf(waiting), left));
            if (waiting.isEmpty()) {
                return;
            }
            for (String name : waiting) {
                ManagedProcess p = process(name);
                OptionalInt restart = launches.get(name).restartCode();
                if (!p.isAlive() && !(restart.isPresent() && p.process().exitValue() == restart.getAsInt())) {
                    throw new ProcessException(name + " exited with code " + p.process().exitValue()
                            + " while starting; see " + p.log());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ProcessException(waiting + " not ready within " + timeout.toSeconds() + " s; see "
                        + process(waiting.get(0)).log().getParent());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessException("interrupted while waiting for " + waiting);
            }
        }
    }

    /** @return the current process of service {@code name} */
    public synchronized ManagedProcess process(String name) {
        ManagedProcess p = processes.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no service " + name + " started; started: " + launches.keySet());
        }
        return p;
    }

    /** @return the names of the services, in the order they were started */
    public synchronized List<String> names() {
        return List.copyOf(launches.keySet());
    }

    /** Kills service {@code name} with SIGKILL (no clean-up in it, a crash; not restarted) and returns when it is gone. */
    public void kill(String name) {
        ManagedProcess p;
        synchronized (this) {
            p = process(name);
            killed.add(name); // its exit is no news and no reason to restart it
        }
        p.kill();
    }

    /** Starts service {@code name} again with its launch, unless it is still running. */
    public synchronized void recover(String name) {
        if (!process(name).isAlive()) {
            killed.remove(name);
            spawn(name);
        }
    }

    /** @return how many times a service was started again after exiting with its restart code */
    public synchronized int restarts() {
        return restarts;
    }

    private void stopAll() {
        List<ManagedProcess> all;
        synchronized (this) {
            closing = true;
            all = new ArrayList<>(processes.values());
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
    }

    /** Stops every service (SIGTERM to it and its descendants, SIGKILL after 3 s). Idempotent. */
    @Override
    public void close() {
        stopAll();
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: this runs from the hook or the hook runs (harmlessly) again
        }
    }
}
