package io.edgeoff.testbed;

import io.edgeoff.common.process.ManagedProcess;
import io.edgeoff.common.process.ProcessException;
import io.edgeoff.testbed.net.TestbedException;
import io.edgeoff.testbed.probe.PortReady;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The device's policy plug-ins in a test-bed run ({@code docs/POLICY-PLUGINS.md}): the plug-in options passed through
 * to the device's {@code edgeoff device} (and to the simulator of {@code --compare}), and the commands that start the
 * run's external policies.
 *
 * <p>The device runs in a network namespace of its own, which reaches its own loopback and the sites, nothing on the
 * host. So an external policy runs <em>on the device</em>: the test-bed starts each command in the device's namespace
 * before the device, and waits until every external policy's address accepts TCP connections there. Each external
 * URL must therefore name the device's loopback ({@code 127.0.0.1} or {@code localhost}); the namespace is the run's
 * own, so any port is free in it.
 *
 * @param deviceOptions options for {@code edgeoff device}: {@code --policy-path} (absolute paths),
 *                      {@code --external-budget-ms}, {@code --external-fallback}
 * @param commands      the external policies' commands, each a program and its arguments (no shell), started in the
 *                      device namespace in the test-bed's working directory; logs {@code <work>/policy-<k>.log}
 * @param externalUrls  the URLs of the run's {@code external:URL} policies
 */
public record PolicyPlugins(List<String> deviceOptions, List<List<String>> commands, List<URI> externalUrls) {
    /** No plug-in options, no external policy. */
    public static final PolicyPlugins NONE = new PolicyPlugins(List.of(), List.of(), List.of());

    /** How long the external policies may take to accept connections. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

    public PolicyPlugins {
        deviceOptions = List.copyOf(deviceOptions);
        commands = commands.stream().map(List::copyOf).toList();
        externalUrls = List.copyOf(externalUrls);
        if (commands.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("--policy-command must name a program, but was empty");
        }
        for (URI url : externalUrls) {
            if (!LOOPBACK.contains(url.getHost())) {
                throw new IllegalArgumentException("external:" + url + ": the test-bed's device reaches only its own "
                        + "loopback and the sites, not " + url.getHost() + "; use http://127.0.0.1:PORT/PATH and start "
                        + "the policy on the device with --policy-command");
            }
        }
        if (!externalUrls.isEmpty() && commands.isEmpty()) {
            throw new IllegalArgumentException("external:" + externalUrls.get(0) + " needs --policy-command: the "
                    + "device runs in a network namespace of its own, so the test-bed starts the external policy there "
                    + "(docs/POLICY-PLUGINS.md)");
        }
        if (externalUrls.isEmpty() && !commands.isEmpty()) {
            throw new IllegalArgumentException("--policy-command " + String.join(" ", commands.get(0))
                    + ": --policies names no external:URL policy to call it");
        }
    }

    /** @return {@code host:port} of each external policy, the scheme's port when the URL names none */
    List<String> addresses() {
        return externalUrls.stream().map(u -> u.getHost() + ":" + (u.getPort() >= 0 ? u.getPort()
                : "https".equals(u.getScheme()) ? 443 : 80)).distinct().toList();
    }

    /**
     * Starts the commands in the device's namespace (stopped with the test-bed) and waits until every external policy
     * accepts connections there.
     *
     * @throws IllegalArgumentException (a user's mistake: exit 2) naming the command that exited first, or the
     *                                  addresses nobody listens at in time (a port not the command's)
     */
    void start(Testbed testbed, String deviceId, PrintStream log) {
        start(testbed, deviceId, "policy-", log);
    }

    /**
     * As {@link #start(Testbed, String, PrintStream)}, the processes named {@code namePrefix} + their number (one set
     * per device namespace of a fleet, each device running its own copy of the policy).
     */
    void start(Testbed testbed, String deviceId, String namePrefix, PrintStream log) {
        if (commands.isEmpty()) {
            return;
        }
        List<ManagedProcess> started = new ArrayList<>();
        for (int k = 0; k < commands.size(); k++) {
            started.add(testbed.startIn(deviceId, namePrefix + (k + 1), commands.get(k)));
        }
        log.println("starting " + commands.size() + " external polic" + (commands.size() == 1 ? "y" : "ies")
                + " in the namespace of device " + deviceId + "; waiting for " + addresses() + " ...");
        List<String> args = new ArrayList<>(List.of(Double.toString(READY_TIMEOUT.toSeconds())));
        args.addAll(addresses());
        ManagedProcess ready = testbed.startIn(deviceId, namePrefix + "ready", JavaCommand.of(PortReady.class, args));
        try {
            while (ready.isAlive()) {
                for (int k = 0; k < started.size(); k++) {
                    ManagedProcess policy = started.get(k);
                    if (!policy.isAlive()) {
                        throw new IllegalArgumentException("--policy-command " + String.join(" ", commands.get(k))
                                + " exited with code " + policy.process().exitValue() + " before every external "
                                + "policy listened; see " + policy.log());
                    }
                }
                try {
                    ready.waitFor(Duration.ofMillis(200));
                } catch (ProcessException e) {
                    // still waiting
                }
            }
            List<String> missing = ready.drainLines().stream().filter(l -> l.startsWith("TIMEOUT "))
                    .map(l -> l.substring("TIMEOUT ".length())).toList();
            if (ready.process().exitValue() != 0) {
                throw new TestbedException("waiting for the external policies failed; see " + ready.log());
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("no external policy listening at " + missing + " in the device's namespace "
                        + "within " + READY_TIMEOUT.toSeconds() + " s; see " + started.get(0).log());
            }
        } finally {
            ready.close();
        }
        log.println("external policies listening");
    }
}
