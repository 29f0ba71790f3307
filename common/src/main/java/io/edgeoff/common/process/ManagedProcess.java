package io.edgeoff.common.process;

import io.edgeoff.common.files.OwnerOnlyFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process with its output in a log file: the one way this code base starts a process (a site, a node agent,
 * the device in a test-bed namespace, a probe). The log (mode 0600) starts with the command line; standard output and
 * error follow, and each output line is also queued for {@link #awaitLine}. Standard input takes {@link #command}s.
 *
 * <p>Secrets (a site's bearer token) go in the environment, never in the command: a command line is visible to every
 * user ({@code ps}) and is written to the log; {@code /proc/PID/environ} is readable only by the same user and root.
 * The log names the environment variables set, not their values.
 */
public final class ManagedProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintWriter stdin;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(this::pumpOutput, "out-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} with {@code environment} added to this process's, logging to {@code log}.
     *
     * @throws ProcessException when it cannot be started
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        try {
            OwnerOnlyFiles.write(log, "$ " + (environment.isEmpty() ? ""
                    : String.join(" ", new TreeSet<>(environment.keySet())) + " (set in the environment) ")
                    + String.join(" ", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException | UncheckedIOException e) {
            throw new ProcessException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * Waits for the next output line that starts with {@code prefix}.
     *
     * @throws ProcessException when the process exits or the timeout passes first
     */
    public String awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = lines.poll(Math.max(0, Math.min(left, 200_000_000L)), TimeUnit.NANOSECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    throw new ProcessException(name + " exited with code " + process.exitValue()
                            + " before printing '" + prefix + "'; see " + log);
                }
                if (left <= 0) {
                    throw new ProcessException(name + " printed no '" + prefix + "' within " + timeout + "; see " + log);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessException("interrupted while waiting for " + name, e);
        }
    }

    /** Sends one command line and returns the reply line, which must start with {@code OK}. */
    public synchronized String command(String line, Duration timeout) {
        stdin.println(line);
        String reply = awaitLine("", timeout);
        if (!reply.startsWith("OK")) {
            throw new ProcessException(name + ": '" + line + "' failed: " + reply);
        }
        return reply;
    }

    /** Waits for the process to end; returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProcessException(name + " still running after " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessException("interrupted while waiting for " + name, e);
        }
    }

    /** @return every output line not yet consumed */
    public List<String> drainLines() {
        List<String> out = new ArrayList<>();
        lines.drainTo(out);
        return out;
    }

    /** @return the underlying process (its exit, its handle) */
    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** Kills the process at once (SIGKILL), as a crash would, and returns when it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes standard input, asks the process and its descendants to stop (SIGTERM), then kills them after a grace
     * period of 3 s. Descendants are stopped too: a shell's children, say, would outlive it.
     */
    @Override
    public void close() {
        stdin.close();
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            awaitEnd(child, GRACE);
            if (child.isAlive()) {
                child.destroyForcibly();
                awaitEnd(child, Duration.ofSeconds(5));
            }
        }
    }

    private static void awaitEnd(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // still alive: the caller decides
        }
    }
}
