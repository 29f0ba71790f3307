package io.edgeoff.testbed;

import io.edgeoff.testbed.net.TestbedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
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
 * A process started inside a namespace ({@code ip netns exec NS command...}; {@code ip} execs the
 * command, so the pid is the command's). Standard output lines are queued for {@link #awaitLine}
 * and copied, with standard error, to a log file.
 *
 * <p>Secrets (a site's bearer token) go in the environment, never in the command: a command line is visible to
 * every user ({@code ps}) and is written to the log. {@code ip netns exec} keeps the environment it is given,
 * so the command sees it; {@code /proc/PID/environ} is readable only by the same user and root.
 */
public final class NamespaceProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintWriter stdin;
    private final Path log;

    private NamespaceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(this::pumpOutput, "out-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} in {@code namespace}, logging to {@code log}.
     */
    public static NamespaceProcess start(String name, String namespace, List<String> command, Path log) {
        return start(name, namespace, command, Map.of(), log);
    }

    /**
     * Starts {@code command} in {@code namespace} with {@code environment} added to this process's, logging to
     * {@code log} (the command line is logged, the values of {@code environment} are not).
     */
    public static NamespaceProcess start(String name, String namespace, List<String> command,
                                         Map<String, String> environment, Path log) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "$ " + (environment.isEmpty() ? "" : String.join(" ", new TreeSet<>(environment.keySet()))
                    + " (set in the environment) ") + String.join(" ", full) + "\n", StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new NamespaceProcess(name, process, log);
        } catch (IOException e) {
            throw new TestbedException("cannot start " + name + " in " + namespace + ": " + e.getMessage(), e);
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
     * @throws TestbedException when the process exits or the timeout passes first
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
                    throw new TestbedException(name + " exited with code " + process.exitValue()
                            + " before printing '" + prefix + "'; see " + log);
                }
                if (left <= 0) {
                    throw new TestbedException(name + " printed no '" + prefix + "' within " + timeout + "; see " + log);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted while waiting for " + name, e);
        }
    }

    /** Sends one command line and returns the reply line (the agent protocol). */
    public synchronized String command(String line, Duration timeout) {
        stdin.println(line);
        String reply = awaitLine("", timeout);
        if (!reply.startsWith("OK")) {
            throw new TestbedException(name + ": '" + line + "' failed: " + reply);
        }
        return reply;
    }

    /** Waits for the process to end; returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TestbedException(name + " still running after " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted while waiting for " + name, e);
        }
    }

    /** @return every output line not yet consumed */
    public List<String> drainLines() {
        List<String> out = new ArrayList<>();
        lines.drainTo(out);
        return out;
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

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes standard input, asks the process to stop (SIGTERM), then kills it after a grace period. */
    @Override
    public void close() {
        stdin.close();
        if (!process.isAlive()) {
            return;
        }
        // Its children too (a shell's, say): they would outlive it in the namespace.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
