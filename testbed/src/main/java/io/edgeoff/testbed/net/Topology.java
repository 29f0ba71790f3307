package io.edgeoff.testbed.net;

import io.edgeoff.common.mobility.AccessLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates and removes the namespaces, veth pairs, addresses, routes and qdiscs of a
 * {@link TopologyPlan}. Creation is all-or-nothing: a failure removes what was created.
 */
public final class Topology implements AutoCloseable {
    private final TopologyPlan plan;
    private final Shell shell;
    private final LatencyMode latencyMode;
    private final List<String> created = new ArrayList<>();
    /** A fleet's device-edge links as shaped now, by the pair's end-A name. */
    private final Map<String, AccessLink> current = new HashMap<>();
    /** A fleet's edge-site degradations in effect: {extra one-way delay ms, loss %}, by site id. */
    private final Map<String, double[]> degradation = new HashMap<>();

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
        for (HostAddress address : plan.hostAddresses()) {
            shell.run(List.of("ip", "-n", address.namespace(), "addr", "add", address.address() + "/32", "dev", "lo"));
        }
        for (Route route : plan.routes()) {
            shell.run(List.of("ip", "-n", route.namespace(), "route", "add", route.destination(), "via", route.via()));
        }
        if (latencyMode == LatencyMode.NETEM) {
            for (SiteEndpoint site : plan.sites()) {
                if (plan.deviceLinksTo(site.siteId()).isEmpty()) {
                    addNetemDelay(site);
                }
            }
            for (DeviceHost device : plan.devices()) {
                for (DeviceSiteLink link : device.links()) {
                    addNetemDelay(link.pair(), link.initial().latencyMillis());
                }
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
        addNetemDelay(shapedLinkOf(site), site.oneWayLatencyMillis());
    }

    private void addNetemDelay(VethPair link, double oneWayLatencyMillis) {
        for (String[] end : ends(link)) {
            shell.run(List.of("tc", "-n", end[0], "qdisc", "add", "dev", end[1], "parent", "1:1", "handle", "10:",
                    "netem", "delay", millis(oneWayLatencyMillis), "limit", "100000"));
        }
    }

    private static String[][] ends(VethPair link) {
        return new String[][] {{link.namespaceA(), link.nameA()}, {link.namespaceB(), link.nameB()}};
    }

    private void changeNetem(VethPair link, double oneWayLatencyMillis, double lossPercent) {
        for (String[] end : ends(link)) {
            shell.run(List.of("tc", "-n", end[0], "qdisc", "change", "dev", end[1], "parent", "1:1", "handle", "10:",
                    "netem", "delay", millis(oneWayLatencyMillis), "loss", lossPercent + "%", "limit", "100000"));
        }
    }

    /**
     * Reshapes the links of fleet device {@code deviceId} to {@code links} (one per edge site it has a link to, e.g.
     * those of the cell it entered) with {@code tc qdisc change}: the rate ({@code tbf}) on both ends of each link
     * whose values change and, in {@link LatencyMode#NETEM}, the one-way delay ({@code netem}, plus any degradation of
     * the site in effect); in {@link LatencyMode#RELAY} the caller sets the new delay in the site's relay.
     *
     * @return the links that changed
     * @throws IllegalArgumentException naming the device or site when it has no such link
     */
    public synchronized List<LinkChange> shape(String deviceId, List<AccessLink> links) {
        DeviceHost device = plan.device(deviceId);
        List<LinkChange> changes = new ArrayList<>();
        for (AccessLink target : links) {
            DeviceSiteLink link = device.link(target.siteId()).orElseThrow(() -> new IllegalArgumentException(
                    "device " + deviceId + " has no link to edge site " + target.siteId() + "; it has "
                            + device.links().stream().map(DeviceSiteLink::siteId).toList()));
            AccessLink now = current.getOrDefault(link.pair().nameA(), link.initial());
            if (now.equals(target)) {
                continue;
            }
            Shaping shaping = Shaping.forPayloadKBps(target.bandwidthKBps());
            for (String[] end : ends(link.pair())) {
                List<String> cmd = new ArrayList<>(List.of("tc", "-n", end[0], "qdisc", "change", "dev", end[1], "root"));
                if (latencyMode == LatencyMode.NETEM) {
                    cmd.addAll(List.of("handle", "1:")); // as created, with the netem delay below it
                }
                cmd.addAll(shaping.tbfArguments());
                shell.run(cmd);
            }
            if (latencyMode == LatencyMode.NETEM) {
                double[] degraded = degradation.getOrDefault(target.siteId(), new double[] {0, 0});
                changeNetem(link.pair(), target.latencyMillis() + degraded[0], degraded[1]);
            }
            current.put(link.pair().nameA(), target);
            changes.add(new LinkChange(link, now, target));
        }
        return changes;
    }

    /**
     * A fleet device's link to an edge site, reshaped.
     *
     * @param link  the link
     * @param from  its values before
     * @param to    its values now
     */
    public record LinkChange(DeviceSiteLink link, AccessLink from, AccessLink to) {
        /** {@code SITE a ms b KB/s -> c ms d KB/s}. */
        public String describe() {
            return String.format(Locale.ROOT, "%s %.1f ms %.1f KB/s -> %.1f ms %.1f KB/s", to.siteId(),
                    from.latencyMillis(), from.bandwidthKBps(), to.latencyMillis(), to.bandwidthKBps());
        }
    }

    /** @return the link of fleet device {@code deviceId} to edge site {@code siteId} as shaped now */
    public synchronized AccessLink currentLink(String deviceId, String siteId) {
        DeviceSiteLink link = plan.device(deviceId).link(siteId).orElseThrow(() -> new IllegalArgumentException(
                "device " + deviceId + " has no link to edge site " + siteId));
        return current.getOrDefault(link.pair().nameA(), link.initial());
    }

    /**
     * Changes the extra delay and loss of a site's link with netem (NETEM mode only).
     */
    public synchronized void netemDegrade(String siteId, double extraDelayMillis, double lossPercent) {
        if (latencyMode != LatencyMode.NETEM) {
            throw new IllegalStateException("netem degradation needs latency mode NETEM, but is " + latencyMode);
        }
        SiteEndpoint site = plan.site(siteId);
        List<DeviceSiteLink> deviceLinks = plan.deviceLinksTo(siteId);
        if (!deviceLinks.isEmpty()) {
            degradation.put(siteId, new double[] {extraDelayMillis, lossPercent});
            for (DeviceSiteLink link : deviceLinks) {
                double base = current.getOrDefault(link.pair().nameA(), link.initial()).latencyMillis();
                changeNetem(link.pair(), base + extraDelayMillis, lossPercent);
            }
            return;
        }
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
        for (String[] cut : cuts(siteId)) {
            shell.run(List.of("ip", "-n", cut[0], "link", "set", cut[1], "down"));
        }
    }

    /** The interfaces a partition of the site sets down: each fleet device's link to it, else the site's cut. */
    private List<String[]> cuts(String siteId) {
        SiteEndpoint site = plan.site(siteId);
        List<DeviceSiteLink> deviceLinks = plan.deviceLinksTo(siteId);
        if (deviceLinks.isEmpty()) {
            return List.<String[]>of(new String[] {site.cutNamespace(), site.cutInterface()});
        }
        return deviceLinks.stream().map(l -> new String[] {l.pair().namespaceA(), l.pair().nameA()}).toList();
    }

    /** Brings the link of {@code siteId} back up and restores the routes that went with it. */
    public void linkUp(String siteId) {
        SiteEndpoint site = plan.site(siteId);
        for (String[] cut : cuts(siteId)) {
            shell.run(List.of("ip", "-n", cut[0], "link", "set", cut[1], "up"));
        }
        for (Route route : plan.routes()) {
            if (plan.isFleet() || route.namespace().equals(site.namespace())
                    || route.namespace().equals(plan.deviceNamespace())) {
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
