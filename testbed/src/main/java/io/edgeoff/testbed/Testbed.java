package io.edgeoff.testbed;

import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.process.ManagedProcess;
import io.edgeoff.common.process.ProcessSupervisor;
import io.edgeoff.testbed.fault.FaultTarget;
import io.edgeoff.testbed.mobility.CellSwitcher;
import io.edgeoff.testbed.net.DeviceHost;
import io.edgeoff.testbed.net.LatencyMode;
import io.edgeoff.testbed.net.NetemProbe;
import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.net.SiteEndpoint;
import io.edgeoff.testbed.net.StaleCleanup;
import io.edgeoff.testbed.net.TestbedException;
import io.edgeoff.testbed.net.Topology;
import io.edgeoff.testbed.net.TopologyPlan;
import io.edgeoff.testbed.probe.LinkMeasurement;
import io.edgeoff.testbed.probe.ProbeClient;
import io.edgeoff.testbed.relay.NodeAgent;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A running test-bed: the network of a scenario, one node agent (latency relay and probe) per site
 * namespace, and every process started in it. With a fleet ({@code devices:}), a namespace per device whose links
 * {@link #enterCell} reshapes when the device moves (the {@link CellSwitcher.Target} of the cell switcher). {@link #close()} (also run by a shutdown hook on
 * Ctrl-C) kills every process, removes every namespace and link, and releases the run.
 */
public final class Testbed implements AutoCloseable, FaultTarget, CellSwitcher.Target {
    private static final Duration AGENT_START = Duration.ofSeconds(60);

    private final TestbedConfig config;
    private final Shell shell;
    private final StaleCleanup cleanup;
    private final Topology topology;
    private final PrintStream log;
    private final Map<String, ManagedProcess> agents = new LinkedHashMap<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    /** The sites' services, under the one process supervisor (the demo's sites run under it too). */
    private final ProcessSupervisor sites;
    private final Thread shutdownHook;
    private boolean closed;

    private Testbed(TestbedConfig config, Shell shell, StaleCleanup cleanup, Topology topology, PrintStream log) {
        this.config = config;
        this.shell = shell;
        this.cleanup = cleanup;
        this.topology = topology;
        this.log = log;
        this.shutdownHook = new Thread(this::closeFromHook, "testbed-teardown");
        this.sites = new ProcessSupervisor(log::println, false);
    }

    /**
     * Checks the preconditions, removes what crashed runs left behind, builds the network and
     * starts a node agent in each site namespace.
     *
     * @throws IllegalArgumentException when not running as root on Linux with {@code ip} and {@code tc}
     */
    public static Testbed start(TestbedConfig config, Shell shell, PrintStream log) {
        Preconditions.require();
        long startNanos = System.nanoTime();
        StaleCleanup cleanup = new StaleCleanup(shell, StaleCleanup.defaultStateDir());
        cleanup.claim(config.runId());
        for (String removed : cleanup.clean(config.runId())) {
            log.println("removed stale " + removed);
        }
        LatencyMode mode = NetemProbe.detect(shell, config.runId());
        log.println("latency emulation: " + describe(mode));
        TopologyPlan plan = TopologyPlan.of(config.scenario(), config.network(), config.runId());
        Topology topology;
        try {
            topology = Topology.create(plan, shell, mode);
        } catch (RuntimeException e) {
            cleanup.release(config.runId());
            throw e;
        }
        Testbed testbed = new Testbed(config, shell, cleanup, topology, log);
        Runtime.getRuntime().addShutdownHook(testbed.shutdownHook);
        try {
            long agentsNanos = System.nanoTime();
            testbed.startAgents();
            log.println(String.format(Locale.ROOT,
                    "test-bed run %d up in %.1f s: %d namespaces, %d veth pairs (network %.1f s), %d node agents (%.1f s)",
                    config.runId(), (System.nanoTime() - startNanos) / 1e9, plan.namespaces().size(),
                    plan.links().size(), (agentsNanos - startNanos) / 1e9, plan.sites().size(),
                    (System.nanoTime() - agentsNanos) / 1e9));
        } catch (RuntimeException e) {
            testbed.close();
            throw e;
        }
        return testbed;
    }

    /** One line saying how latency is emulated. */
    public static String describe(LatencyMode mode) {
        return mode == LatencyMode.NETEM
                ? "kernel netem delay on each shaped veth (netem available)"
                : "userspace delay relay in each site namespace (netem not available on this kernel)";
    }

    private void startAgents() {
        for (SiteEndpoint site : plan().sites()) {
            List<String> args = new ArrayList<>(List.of("--listen", site.address(), "--target", "127.0.0.1",
                    "--delay-ms", Double.toString(relayDelay(site)), "--seed",
                    Long.toString(config.seed() + plan().sites().indexOf(site)),
                    "--probe", Integer.toString(config.probePort()),
                    "--forward", Integer.toString(config.probePort())));
            for (int port : config.servicePorts()) {
                args.add("--forward");
                args.add(Integer.toString(port));
            }
            if (topology.latencyMode() == LatencyMode.RELAY) {
                for (io.edgeoff.testbed.net.DeviceSiteLink link : plan().deviceLinksTo(site.siteId())) {
                    args.add("--peer-delay");
                    args.add(link.pair().addressA() + "=" + link.initial().latencyMillis());
                }
            }
            agents.put(site.siteId(), NamespaceProcess.start("agent-" + site.siteId(), site.namespace(),
                    JavaCommand.of(NodeAgent.class, args), logFile("agent-" + site.siteId())));
        }
        for (ManagedProcess agent : agents.values()) {
            agent.awaitLine("READY", AGENT_START);
        }
    }

    private double relayDelay(SiteEndpoint site) {
        return topology.latencyMode() == LatencyMode.RELAY ? site.oneWayLatencyMillis() : 0.0;
    }

    public TopologyPlan plan() {
        return topology.plan();
    }

    public LatencyMode latencyMode() {
        return topology.latencyMode();
    }

    public TestbedConfig config() {
        return config;
    }

    /** @return the log file of a process named {@code name} */
    public Path logFile(String name) {
        return config.workDir().resolve(name + ".log");
    }

    /**
     * Measures every device-site path from the device namespace: round trip, uplink and downlink
     * goodput with bulk transfers of about {@code transferSeconds} each.
     */
    public List<LinkMeasurement> measure(double transferSeconds) {
        List<LinkMeasurement> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        probe(transferSeconds, plan().sites(), config.probePort(), results, failures);
        if (!failures.isEmpty()) {
            throw new TestbedException("measurement failed: " + failures);
        }
        return results;
    }

    /**
     * As {@link #measure(double)}, from fleet device {@code deviceId}'s namespace (compare with
     * {@code plan().sitesSeenBy(deviceId)}).
     */
    public List<LinkMeasurement> measure(String deviceId, double transferSeconds) {
        List<LinkMeasurement> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        probe(plan().device(deviceId).namespace(), transferSeconds, plan().sitesSeenBy(deviceId), config.probePort(),
                results, failures);
        if (!failures.isEmpty()) {
            throw new TestbedException("measurement from " + deviceId + " failed: " + failures);
        }
        return results;
    }

    /**
     * @return true when a TCP exchange with the site's probe (through relay and link) succeeds
     *         from the device namespace now
     */
    public boolean reachable(String siteId) {
        return reachable(siteId, config.probePort());
    }

    /**
     * @return true when a TCP exchange with whatever listens on {@code port} of the site (through
     *         relay and link; an echo such as the probe or a stand-in) succeeds from the device namespace
     */
    public boolean reachable(String siteId, int port) {
        List<LinkMeasurement> results = new ArrayList<>();
        probe(0, List.of(plan().site(siteId)), port, results, new ArrayList<>());
        return !results.isEmpty();
    }

    /**
     * @return true when a TCP exchange with the site's probe succeeds from fleet device {@code deviceId}'s namespace
     *         now
     */
    public boolean reachableFrom(String deviceId, String siteId) {
        List<LinkMeasurement> results = new ArrayList<>();
        probe(plan().device(deviceId).namespace(), 0, List.of(plan().site(siteId)), config.probePort(), results,
                new ArrayList<>());
        return !results.isEmpty();
    }

    /** The median round trip device-site now, ms. */
    public double measureRoundTrip(String siteId) {
        return roundTripFrom(plan().deviceNamespace(), siteId);
    }

    /** The median round trip from fleet device {@code deviceId}'s namespace to {@code siteId} now, ms. */
    public double measureRoundTrip(String deviceId, String siteId) {
        return roundTripFrom(plan().device(deviceId).namespace(), siteId);
    }

    private double roundTripFrom(String fromNamespace, String siteId) {
        List<LinkMeasurement> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        probe(fromNamespace, 0, List.of(plan().site(siteId)), config.probePort(), results, failures);
        if (results.isEmpty()) {
            throw new TestbedException("round trip to " + siteId + " failed: " + failures);
        }
        return results.get(0).roundTripMillis();
    }

    private void probe(double transferSeconds, List<SiteEndpoint> sites, int port, List<LinkMeasurement> results,
                       List<String> failures) {
        probe(plan().deviceNamespace(), transferSeconds, sites, port, results, failures);
    }

    private void probe(String fromNamespace, double transferSeconds, List<SiteEndpoint> sites, int port,
                       List<LinkMeasurement> results, List<String> failures) {
        List<String> args = new ArrayList<>(List.of(Double.toString(transferSeconds)));
        for (SiteEndpoint site : sites) {
            args.add(String.format(Locale.ROOT, "%s=%s:%d:%s", site.siteId(), site.address(), port,
                    site.bandwidthKBps()));
        }
        ManagedProcess client = NamespaceProcess.start("probe-client", fromNamespace,
                JavaCommand.of(ProbeClient.class, args), logFile("probe-client"));
        try {
            client.waitFor(Duration.ofMinutes(5));
            for (String line : client.drainLines()) {
                if (line.startsWith("MEASURED")) {
                    results.add(LinkMeasurement.parseLine(line));
                } else if (line.startsWith("FAILED")) {
                    failures.add(line);
                }
            }
        } finally {
            client.close();
        }
    }

    /**
     * Waits until every URL answers HTTP 200 from the device namespace.
     *
     * @throws TestbedException naming the URLs that did not
     */
    public void awaitHttpReady(List<String> urls, Duration timeout) {
        List<String> missing = notReady(urls, timeout);
        if (!missing.isEmpty()) {
            throw new TestbedException("not ready within " + timeout + ": " + missing);
        }
    }

    /** @return the URLs among {@code urls} that did not answer HTTP 200 from the device namespace within the time */
    private List<String> notReady(List<String> urls, Duration timeout) {
        List<String> args = new ArrayList<>(List.of(Double.toString(timeout.toMillis() / 1000.0)));
        args.addAll(urls);
        ManagedProcess wait = NamespaceProcess.start("http-ready", plan().deviceNamespace(),
                JavaCommand.of(io.edgeoff.testbed.probe.HttpReady.class, args), logFile("http-ready"));
        try {
            wait.waitFor(timeout.plusSeconds(30));
            return wait.drainLines().stream().filter(l -> l.startsWith("TIMEOUT ")).map(l -> l.substring(8)).toList();
        } finally {
            wait.close();
        }
    }

    /**
     * Waits until every site started with {@link #startSite} answers HTTP 200 at {@code healthUrls} (site id to URL)
     * from the device namespace; fails naming a site whose process exited, or the ones not ready in time.
     */
    public void awaitSitesReady(Map<String, String> healthUrls, Duration timeout) {
        sites.awaitReady(timeout, (waiting, left) -> {
            java.util.Set<String> ready = new java.util.HashSet<>();
            List<String> siteNames = new ArrayList<>();
            for (String name : waiting) {
                if (name.startsWith(MONITOR_PREFIX)) {
                    if (printed(sites.process(name), MONITOR_READY)) {
                        ready.add(name);
                    }
                } else {
                    siteNames.add(name);
                }
            }
            if (siteNames.isEmpty()) {
                return ready;
            }
            List<String> urls = siteNames.stream().map(name -> healthUrls.get(siteOf(name))).toList();
            List<String> missing = notReady(urls, left.isZero() ? Duration.ofSeconds(1) : left);
            siteNames.stream().filter(name -> !missing.contains(healthUrls.get(siteOf(name)))).forEach(ready::add);
            return ready;
        });
    }

    private static boolean printed(ManagedProcess process, String prefix) {
        try {
            return Files.readString(process.log()).lines().anyMatch(l -> l.startsWith(prefix));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Starts {@code command} in the namespace of {@code siteId} (the device's id for the device namespace). */
    public synchronized ManagedProcess startIn(String siteId, String name, List<String> command) {
        return startIn(siteId, name, command, Map.of());
    }

    /**
     * Starts {@code command} in the namespace of {@code siteId} with {@code environment} added to this process's:
     * the way to hand a process a secret (a command line is visible to every user and logged).
     */
    public synchronized ManagedProcess startIn(String siteId, String name, List<String> command,
                                               Map<String, String> environment) {
        ManagedProcess process = NamespaceProcess.start(name, namespace(siteId), command, environment, logFile(name));
        processes.add(process);
        return process;
    }

    private String namespace(String siteId) {
        if (closed) {
            throw new TestbedException("test-bed run " + config.runId() + " is torn down; not starting in " + siteId);
        }
        if (siteId.equals(config.scenario().device().id())) {
            return plan().deviceNamespace();
        }
        if (plan().devices().stream().anyMatch(d -> d.deviceId().equals(siteId))) {
            return plan().device(siteId).namespace();
        }
        return plan().site(siteId).namespace();
    }

    /**
     * Reshapes fleet device {@code deviceId}'s links to those it has in cell {@code cellId} (null: in no cell): the
     * cell's link to a site, else the device's own, else the scenario's.
     *
     * @return one {@code SITE a ms b KB/s -> c ms d KB/s} per link that changed
     */
    @Override
    public List<String> enterCell(String deviceId, String cellId) {
        Fleet fleet = config.scenario().fleet();
        DeviceHost host = plan().device(deviceId);
        DeviceSpec spec = fleet.devices().stream().filter(d -> d.id().equals(deviceId)).findFirst().orElseThrow();
        Cell cell = cellId == null ? null : fleet.cell(cellId);
        List<AccessLink> links = host.links().stream().map(l -> DeviceHost.linkIn(spec, cell, l.siteId(),
                config.network(), config.scenario().device().id())).toList();
        List<Topology.LinkChange> changes = topology.shape(deviceId, links);
        if (topology.latencyMode() == LatencyMode.RELAY) {
            for (Topology.LinkChange change : changes) {
                agent(change.to().siteId()).command(String.format(Locale.ROOT, "peer %s %s",
                        change.link().pair().addressA(), change.to().latencyMillis()), Duration.ofSeconds(5));
            }
        }
        return changes.stream().map(Topology.LinkChange::describe).toList();
    }

    /** @return the link of fleet device {@code deviceId} to edge site {@code siteId} as shaped now */
    public AccessLink currentLink(String deviceId, String siteId) {
        return topology.currentLink(deviceId, siteId);
    }

    /**
     * Starts the service of a remote site in its namespace (it should listen on 127.0.0.1 at a
     * service port; the relay forwards to it) and remembers the command for {@link #recover}.
     */
    public synchronized ManagedProcess startSite(String siteId, List<String> command) {
        return startSite(siteId, command, Map.of());
    }

    /**
     * As {@link #startSite(String, List)}, with {@code environment} (e.g. the site's token in
     * {@code EDGEOFF_SITE_TOKEN}) added to the process's; {@link #recover} starts it with the same.
     */
    public synchronized ManagedProcess startSite(String siteId, List<String> command, Map<String, String> environment) {
        plan().site(siteId);
        String name = SITE_PREFIX + siteId;
        return sites.start(name, new ProcessSupervisor.Launch(NamespaceProcess.in(namespace(siteId), command),
                environment, logFile(name), OptionalInt.empty()));
    }

    private static final String SITE_PREFIX = "site-";
    private static final String MONITOR_PREFIX = "monitor-";
    /**
     * The line {@code edgeoff site monitor} prints once it has seen its site answer (the offloading-site module's
     * {@code SidecarService.READY_LINE}, which this module cannot name; {@code TestbedRunTest} runs both).
     */
    static final String MONITOR_READY = "edgeoff site monitor: ready:";

    /**
     * Starts the sidecar failure monitor of a remote site in the site's namespace (it probes the service on
     * 127.0.0.1 there, beside it, not through the link: a partition is not a crash), under the same supervisor as the
     * sites, so it is stopped with them; {@link #awaitSitesReady} waits until it has seen its site answer. A crash
     * ({@link #crash}) kills the site only: its monitor measures the outage.
     */
    public synchronized ManagedProcess startMonitor(String siteId, List<String> command) {
        plan().site(siteId);
        String name = MONITOR_PREFIX + siteId;
        return sites.start(name, new ProcessSupervisor.Launch(NamespaceProcess.in(namespace(siteId), command),
                Map.of(), logFile(name), OptionalInt.empty()));
    }

    private static String siteOf(String serviceName) {
        return serviceName.substring(SITE_PREFIX.length());
    }

    /** @return the current process of a site started with {@link #startSite} */
    public synchronized ManagedProcess siteProcess(String siteId) {
        try {
            return sites.process(SITE_PREFIX + siteId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no site process started for " + siteId + "; started: "
                    + sites.names().stream().filter(n -> n.startsWith(SITE_PREFIX)).map(Testbed::siteOf).toList());
        }
    }

    /** Kills the site's process (SIGKILL), a crash. */
    @Override
    public synchronized void crash(String siteId) {
        siteProcess(siteId);
        sites.kill(SITE_PREFIX + siteId);
    }

    /** Starts the site's process again after a crash (no-op when it is still running). */
    @Override
    public synchronized void recover(String siteId) {
        siteProcess(siteId);
        sites.recover(SITE_PREFIX + siteId);
    }

    /** Partitions the site from the device (the link goes down). */
    @Override
    public void linkDown(String siteId) {
        topology.linkDown(siteId);
    }

    /** Ends a partition. */
    @Override
    public void linkUp(String siteId) {
        topology.linkUp(siteId);
    }

    /**
     * Degrades the device-site path: {@code extraDelayMillis} more one-way latency and
     * {@code lossProbability} of losing (netem: each packet; relay: each new connection).
     */
    @Override
    public void degrade(String siteId, double extraDelayMillis, double lossProbability) {
        if (topology.latencyMode() == LatencyMode.NETEM) {
            topology.netemDegrade(siteId, extraDelayMillis, lossProbability * 100.0);
            return;
        }
        ManagedProcess agent = agent(siteId);
        agent.command("extra " + extraDelayMillis, Duration.ofSeconds(5));
        agent.command("drop " + lossProbability, Duration.ofSeconds(5));
    }

    /** Ends a degradation. */
    @Override
    public void restore(String siteId) {
        degrade(siteId, 0, 0);
    }

    /** @return the relay's counters of {@code siteId}, {@code OK accepted=N dropped=M} */
    public String relayStats(String siteId) {
        return agent(siteId).command("stats", Duration.ofSeconds(5));
    }

    private ManagedProcess agent(String siteId) {
        ManagedProcess agent = agents.get(siteId);
        if (agent == null) {
            throw new IllegalArgumentException("unknown remote site " + siteId + "; known: " + agents.keySet());
        }
        return agent;
    }

    private void closeFromHook() {
        close();
    }

    /** Kills every process, removes every namespace and link, releases the run. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        sites.close();
        agents.values().forEach(ManagedProcess::close);
        for (String ns : plan().namespaces()) {
            cleanup.killProcessesIn(ns);
        }
        topology.close();
        cleanup.release(config.runId());
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
        log.println("test-bed run " + config.runId() + " torn down");
    }

    /** Root, Linux, {@code ip} and {@code tc}. */
    static final class Preconditions {
        private Preconditions() {
        }

        static boolean satisfied() {
            return isRoot() && onPath("ip") && onPath("tc");
        }

        static void require() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                throw new IllegalArgumentException("the test-bed needs Linux network namespaces; this is "
                        + System.getProperty("os.name"));
            }
            if (!isRoot()) {
                throw new IllegalArgumentException("the test-bed needs root (network namespaces, veth, tc); run it as root,"
                        + " e.g. sudo ./edgeoff testbed ...");
            }
            for (String tool : List.of("ip", "tc")) {
                if (!onPath(tool)) {
                    throw new IllegalArgumentException("the test-bed needs '" + tool + "' (iproute2) on the PATH");
                }
            }
        }

        static boolean isRoot() {
            return "root".equals(System.getProperty("user.name"));
        }

        static boolean onPath(String tool) {
            String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @return true when the test-bed can run here (root on Linux with iproute2) */
    public static boolean available() {
        return Preconditions.satisfied();
    }
}
