package io.edgeoff.testbed;

import io.edgeoff.common.process.ManagedProcess;
import io.edgeoff.common.process.ProcessException;
import io.edgeoff.testbed.net.TestbedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process started inside a network namespace: {@code ip netns exec NS command...} ({@code ip} execs the command, so
 * the pid is the command's), run as any other {@link ManagedProcess}. {@code ip netns exec} keeps the environment it
 * is given, so a secret passed in the environment reaches the command.
 */
public final class NamespaceProcess {
    private NamespaceProcess() {
    }

    /** {@code command} prefixed to run in {@code namespace}. */
    public static List<String> in(String namespace, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    /** Starts {@code command} in {@code namespace}, logging to {@code log}. */
    public static ManagedProcess start(String name, String namespace, List<String> command, Path log) {
        return start(name, namespace, command, Map.of(), log);
    }

    /**
     * Starts {@code command} in {@code namespace} with {@code environment} added to this process's, logging to
     * {@code log} (the command line is logged, the values of {@code environment} are not).
     */
    public static ManagedProcess start(String name, String namespace, List<String> command,
                                       Map<String, String> environment, Path log) {
        try {
            return ManagedProcess.start(name, in(namespace, command), environment, log);
        } catch (ProcessException e) {
            throw new TestbedException("cannot start " + name + " in " + namespace + ": " + e.getMessage(), e);
        }
    }
}
