package io.edgeoff.testbed.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates and removes the namespaces, veth pairs, addresses, routes and qdiscs of a
 * {@link TopologyPlan}. Creation is all-or-nothing: a failure removes what was created.
 */
public final class Topology implements AutoCloseable {
    private final TopologyPlan plan;
    private final Shell shell;
    private final LatencyMode latencyMode;
    private final List<String> created = new ArrayList<>();

    private Topology(TopologyPlan plan, Shell shell, LatencyMode latencyMode) {
        this.plan = plan;
        this.shell = shell;
        this.latencyMode = latencyMode;
    }

    /** Builds the network of {@code plan}. */
    public static Topology create(TopologyPlan plan, Shell shell, LatencyMode latencyMode) {
        Topology topology = new Topology(plan, shell, latencyMode);
        try {
            topology.build();
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
    }

    public TopologyPlan plan() {
        return plan;
    }

    public LatencyMode latencyMode() {
        return latencyMode;
    }

    private void build() {
        for (String ns : plan.namespaces()) {
            shell.run(List.of("ip", "netns", "add", ns));
            created.add(ns);
            shell.run(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
        }
        for (VethPair link : plan.links()) {
            shell.run(List.of("ip", "link", "add", link.nameA(), "netns", link.namespaceA(), "type", "veth",
                    "peer", "name", link.nameB(), "netns", link.namespaceB()));
            configureEnd(link.namespaceA(), link.nameA(), link.addressA(), link);
            configureEnd(link.namespaceB(), link.nameB(), link.addressB(), link);
        }
        for (String ns : plan.forwarding()) {
            shell.run(List.of("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"));
        }
        for (Route route : plan.routes()) {
            shell.run(List.of("ip", "-n", route.namespace(), "route", "add", route.destination(), "via", route.via()));
        }
        if (latencyMode == LatencyMode.NETEM) {
            for (SiteEndpoint site : plan.sites()) {
                addNetemDelay(site);
            }
        }
    }

    private void configureEnd(String ns, String dev, String address, VethPair link) {
        shell.run(List.of("ip", "-n", ns, "addr", "add", address + "/30", "dev", dev));
        shell.run(List.of("ip", "-n", ns, "link", "set", dev, "up"));
        if (link.shaping().isPresent()) {
            List<String> cmd = new ArrayList<>(List.of("tc", "-n", ns, "qdisc", "add", "dev", dev, "root"));
            if (latencyMode == LatencyMode.NETEM) {
                cmd.addAll(List.of("handle", "1:"));
            }
            cmd.addAll(link.shaping().get().tbfArguments());
            shell.run(cmd);
        }
    }

    /** NETEM mode: half of nothing; the full one-way delay on each end of the site's shaped pair. */
    private void addNetemDelay(SiteEndpoint site) {
        VethPair link = shapedLinkOf(site);
        for (String[] end : new String[][] {{link.namespaceA(), link.nameA()}, {link.namespaceB(), link.nameB()}}) {
            shell.run(List.of("tc", "-n", end[0], "qdisc", "add", "dev", end[1], "parent", "1:1", "handle", "10:",
                    "netem", "delay", millis(site.oneWayLatencyMillis()), "limit", "100000"));
        }
    }

    /**
     * Changes the extra delay and loss of a site's link with netem (NETEM mode only).
     */
    public void netemDegrade(String siteId, double extraDelayMillis, double lossPercent) {
        if (latencyMode != LatencyMode.NETEM) {
            throw new IllegalStateException("netem degradation needs latency mode NETEM, but is " + latencyMode);
        }
        SiteEndpoint site = plan.site(siteId);
        VethPair link = shapedLinkOf(site);
        for (String[] end : new String[][] {{link.namespaceA(), link.nameA()}, {link.namespaceB(), link.nameB()}}) {
            shell.run(List.of("tc", "-n", end[0], "qdisc", "change", "dev", end[1], "parent", "1:1", "handle", "10:",
                    "netem", "delay", millis(site.oneWayLatencyMillis() + extraDelayMillis),
                    "loss", lossPercent + "%", "limit", "100000"));
        }
    }

    private VethPair shapedLinkOf(SiteEndpoint site) {
        return plan.links().stream()
                .filter(l -> l.namespaceB().equals(site.namespace()) && l.nameA().equals(site.cutInterface()))
                .findFirst().orElseThrow();
    }

    private static String millis(double ms) {
        return String.format(java.util.Locale.ROOT, "%.3fms", ms);
    }

    /** Sets the link of {@code siteId} down (a partition: the device cannot reach the site). */
    public void linkDown(String siteId) {
        SiteEndpoint site = plan.site(siteId);
        shell.run(List.of("ip", "-n", site.cutNamespace(), "link", "set", site.cutInterface(), "down"));
    }

    /** Brings the link of {@code siteId} back up and restores the routes that went with it. */
    public void linkUp(String siteId) {
        SiteEndpoint site = plan.site(siteId);
        shell.run(List.of("ip", "-n", site.cutNamespace(), "link", "set", site.cutInterface(), "up"));
        for (Route route : plan.routes()) {
            if (route.namespace().equals(site.namespace()) || route.namespace().equals(plan.deviceNamespace())) {
                shell.tryRun(List.of("ip", "-n", route.namespace(), "route", "replace", route.destination(),
                        "via", route.via()));
            }
        }
    }

    /** Removes every namespace of the plan (which removes their interfaces); processes must be gone first. */
    @Override
    public void close() {
        for (int i = created.size() - 1; i >= 0; i--) {
            shell.tryRun(List.of("ip", "netns", "del", created.get(i)));
        }
        created.clear();
    }
}
