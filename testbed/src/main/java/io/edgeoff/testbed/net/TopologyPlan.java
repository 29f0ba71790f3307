package io.edgeoff.testbed.net;

import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.network.Network;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The test-bed network of one scenario, computed without touching the system.
 *
 * <p>Every site is a namespace {@code eo<run>-<tag>} ({@code tag} = lower-case site id, or
 * {@code h<index>} when that is longer than 4 characters or not unique). Each edge site gets a
 * veth pair to the device; cloud sites sit behind a WAN hop namespace {@code eo<run>-wan} (an IP
 * router): one unshaped device-WAN access pair and one shaped WAN-site pair per cloud site, as
 * in the seed, where the cloud was reached through the Internet (an OpenVPN tunnel). Every pair
 * gets its own /30 of {@code 10.213.<run>.0/24}. Links between two remote sites are not built:
 * the live runtime never sends traffic between sites (the device sends every task's input itself).
 *
 * <p>A scenario that declares {@code devices:} ({@link #ofFleet}) gets one namespace {@code eo<run>-d<index>} per
 * device instead of the DEVICE site's, each with its own shaped pair to every edge site (shaped with the device's
 * link in the cell it is in at 0 s) and its own unshaped access pair to the WAN hop. Every remote site then has one
 * service address on its {@code lo} ({@code 10.213.<run>.<224 + remote index>}), routed from each device over that
 * device's own link, so every device reaches a site at the same URL through its own shaping.
 *
 * @param runId           run number, 1 to 250 (also the third octet of every address)
 * @param deviceNamespace the device's namespace
 * @param namespaces      every namespace, device first
 * @param links           every veth pair
 * @param routes          static routes (device and cloud sites through the WAN hop)
 * @param forwarding      namespaces that forward IPv4 (the WAN hop)
 * @param sites           one endpoint per remote site, in scenario order
 * @param devices         the devices of a fleet scenario, in scenario order (empty: the seed's single device)
 * @param hostAddresses   addresses on no link (the sites' service addresses of a fleet)
 */
public record TopologyPlan(int runId, String deviceNamespace, List<String> namespaces, List<VethPair> links,
                           List<Route> routes, List<String> forwarding, List<SiteEndpoint> sites,
                           List<DeviceHost> devices, List<HostAddress> hostAddresses) {
    /** Prefix of every namespace and interface the test-bed creates. */
    public static final String PREFIX = "eo";
    /** Names the test-bed owns: {@code eo<run>-...}. */
    public static final Pattern OWNED_NAME = Pattern.compile("^eo(\\d{1,3})-[a-z0-9-]+$");
    private static final int MAX_TAG = 4;
    /** /30 blocks of a fleet plan: the top of the /24 (from .224) holds the sites' service addresses. */
    private static final int FLEET_BLOCKS = 56;
    private static final int SERVICE_ADDRESS_BASE = 224;

    public TopologyPlan {
        namespaces = List.copyOf(namespaces);
        links = List.copyOf(links);
        routes = List.copyOf(routes);
        forwarding = List.copyOf(forwarding);
        sites = List.copyOf(sites);
        devices = List.copyOf(devices);
        hostAddresses = List.copyOf(hostAddresses);
    }

    /** A plan of the seed's single device. */
    public TopologyPlan(int runId, String deviceNamespace, List<String> namespaces, List<VethPair> links,
                        List<Route> routes, List<String> forwarding, List<SiteEndpoint> sites) {
        this(runId, deviceNamespace, namespaces, links, routes, forwarding, sites, List.of(), List.of());
    }

    /** @return true when the plan has a namespace per fleet device */
    public boolean isFleet() {
        return !devices.isEmpty();
    }

    /** @throws IllegalArgumentException naming the known devices when {@code deviceId} is not one of the fleet's */
    public DeviceHost device(String deviceId) {
        return devices.stream().filter(d -> d.deviceId().equals(deviceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown device " + deviceId + "; known: "
                        + devices.stream().map(DeviceHost::deviceId).toList()));
    }

    /**
     * @return the remote sites as fleet device {@code deviceId} starts out seeing them: each edge site with the
     *         latency and bandwidth of that device's own link (its cell's at 0 s, else its own, else the scenario's)
     */
    public List<SiteEndpoint> sitesSeenBy(String deviceId) {
        DeviceHost device = device(deviceId);
        return sites.stream().map(s -> device.link(s.siteId()).map(l -> new SiteEndpoint(s.siteId(), s.namespace(),
                s.address(), l.initial().latencyMillis(), l.initial().bandwidthKBps(), s.cutNamespace(),
                s.cutInterface(), s.viaWan())).orElse(s)).toList();
    }

    /** @return every fleet device's link to the edge site {@code siteId} (empty for a cloud site or the seed) */
    public List<DeviceSiteLink> deviceLinksTo(String siteId) {
        return devices.stream().flatMap(d -> d.link(siteId).stream()).toList();
    }

    /** The namespace name prefix of a run, {@code eo<run>-}. */
    public static String runPrefix(int runId) {
        return PREFIX + runId + "-";
    }

    /**
     * Plans the test-bed of {@code scenario} with the latencies of {@code network} (the scenario's
     * links resolved for one configuration).
     */
    public static TopologyPlan of(Scenario scenario, Network network, int runId) {
        if (runId < 1 || runId > 250) {
            throw new IllegalArgumentException("run id must be in [1, 250], but was " + runId);
        }
        if (!scenario.fleet().devices().isEmpty()) {
            return ofFleet(scenario, network, runId);
        }
        List<Site> sites = scenario.sites();
        List<String> tags = tags(sites);
        String prefix = runPrefix(runId);
        Site device = scenario.device();
        String deviceNs = prefix + tags.get(sites.indexOf(device));
        String wanNs = prefix + "wan";
        boolean hasCloud = sites.stream().anyMatch(s -> s.kind() == SiteKind.CLOUD);

        List<String> namespaces = new ArrayList<>();
        namespaces.add(deviceNs);
        List<VethPair> links = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        List<SiteEndpoint> endpoints = new ArrayList<>();
        int[] block = {0};

        VethPair access = null;
        if (hasCloud) {
            namespaces.add(wanNs);
            access = pair(runId, block, 64, tags.get(sites.indexOf(device)), deviceNs, "wan", wanNs, Optional.empty());
            links.add(access);
        }
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            if (!site.isRemote()) {
                continue;
            }
            String ns = prefix + tags.get(i);
            namespaces.add(ns);
            double latency = network.latencyMillis(device.id(), site.id());
            double bandwidth = network.bandwidthKBps(device.id(), site.id());
            Optional<Shaping> shaping = Optional.of(Shaping.forPayloadKBps(bandwidth));
            if (site.kind() == SiteKind.CLOUD) {
                VethPair wanLink = pair(runId, block, 64, "wan", wanNs, tags.get(i), ns, shaping);
                links.add(wanLink);
                routes.add(new Route(deviceNs, wanLink.network(), access.addressB()));
                routes.add(new Route(ns, access.network(), wanLink.addressA()));
                endpoints.add(new SiteEndpoint(site.id(), ns, wanLink.addressB(), latency, bandwidth,
                        wanNs, wanLink.nameA(), true));
            } else {
                VethPair direct = pair(runId, block, 64, tags.get(sites.indexOf(device)), deviceNs, tags.get(i), ns,
                        shaping);
                links.add(direct);
                endpoints.add(new SiteEndpoint(site.id(), ns, direct.addressB(), latency, bandwidth,
                        deviceNs, direct.nameA(), false));
            }
        }
        return new TopologyPlan(runId, deviceNs, namespaces, links, routes,
                hasCloud ? List.of(wanNs) : List.of(), endpoints);
    }

    /** @return the endpoint of {@code siteId} */
    public SiteEndpoint site(String siteId) {
        return sites.stream().filter(s -> s.siteId().equals(siteId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown remote site " + siteId + "; known: "
                        + sites.stream().map(SiteEndpoint::siteId).toList()));
    }

    /**
     * The plan of a scenario with {@code devices:}: a namespace per device with its own links (see the class comment).
     *
     * @throws IllegalArgumentException when a device or cell gives its own link to a cloud site (the cloud's link is
     *                                  shaped once, behind the WAN hop, for every device) or the plan needs more links
     *                                  than fit the run's /24
     */
    public static TopologyPlan ofFleet(Scenario scenario, Network network, int runId) {
        Fleet fleet = scenario.fleet();
        requireNoCloudLinks(scenario);
        List<Site> sites = scenario.sites();
        List<String> tags = tags(sites);
        String prefix = runPrefix(runId);
        String wanNs = prefix + "wan";
        boolean hasCloud = sites.stream().anyMatch(s -> s.kind() == SiteKind.CLOUD);
        List<String> deviceTags = deviceTags(fleet.devices().size(), tags);
        String base = "10.213." + runId + ".";

        List<String> namespaces = new ArrayList<>();
        deviceTags.forEach(t -> namespaces.add(prefix + t));
        if (hasCloud) {
            namespaces.add(wanNs);
        }
        List<HostAddress> addresses = new ArrayList<>();
        List<String> remoteIds = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).isRemote()) {
                namespaces.add(prefix + tags.get(i));
                addresses.add(new HostAddress(prefix + tags.get(i), base + (SERVICE_ADDRESS_BASE + remoteIds.size())));
                remoteIds.add(sites.get(i).id());
            }
        }
        if (remoteIds.size() > 256 - SERVICE_ADDRESS_BASE) {
            throw new IllegalArgumentException("too many remote sites for the test-bed: at most "
                    + (256 - SERVICE_ADDRESS_BASE) + ", scenario has " + remoteIds.size());
        }
        List<VethPair> links = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        List<DeviceHost> hosts = new ArrayList<>();
        List<VethPair> accessPairs = new ArrayList<>();
        int[] block = {0};
        for (int k = 0; k < fleet.devices().size(); k++) {
            DeviceSpec spec = fleet.devices().get(k);
            String ns = prefix + deviceTags.get(k);
            Cell firstCell = spec.cells().isEmpty() ? null : fleet.cell(spec.cells().cellAt(0));
            if (hasCloud) {
                VethPair access = pair(runId, block, FLEET_BLOCKS, deviceTags.get(k), ns, "wan", wanNs, Optional.empty());
                links.add(access);
                accessPairs.add(access);
                for (int r = 0; r < remoteIds.size(); r++) {
                    if (scenario.site(remoteIds.get(r)).kind() == SiteKind.CLOUD) {
                        routes.add(new Route(ns, addresses.get(r).address() + "/32", access.addressB()));
                    }
                }
            }
            List<DeviceSiteLink> own = new ArrayList<>();
            for (int r = 0; r < remoteIds.size(); r++) {
                Site site = scenario.site(remoteIds.get(r));
                if (site.kind() == SiteKind.CLOUD) {
                    continue;
                }
                AccessLink initial = DeviceHost.linkIn(spec, firstCell, site.id(), network, scenario.device().id());
                VethPair direct = pair(runId, block, FLEET_BLOCKS, deviceTags.get(k), ns, tags.get(sites.indexOf(site)),
                        addresses.get(r).namespace(), Optional.of(Shaping.forPayloadKBps(initial.bandwidthKBps())));
                links.add(direct);
                routes.add(new Route(ns, addresses.get(r).address() + "/32", direct.addressB()));
                own.add(new DeviceSiteLink(spec.id(), direct, initial));
            }
            hosts.add(new DeviceHost(spec.id(), ns, own));
        }
        List<SiteEndpoint> endpoints = new ArrayList<>();
        String deviceId = scenario.device().id();
        for (int r = 0; r < remoteIds.size(); r++) {
            Site site = scenario.site(remoteIds.get(r));
            HostAddress address = addresses.get(r);
            double latency = network.latencyMillis(network.indexOf(deviceId), network.indexOf(site.id()));
            double bandwidth = network.bandwidthKBps(network.indexOf(deviceId), network.indexOf(site.id()));
            if (site.kind() == SiteKind.CLOUD) {
                VethPair wanLink = pair(runId, block, FLEET_BLOCKS, "wan", wanNs, tags.get(sites.indexOf(site)),
                        address.namespace(), Optional.of(Shaping.forPayloadKBps(bandwidth)));
                links.add(wanLink);
                routes.add(new Route(wanNs, address.address() + "/32", wanLink.addressB()));
                for (VethPair access : accessPairs) {
                    routes.add(new Route(address.namespace(), access.network(), wanLink.addressA()));
                }
                endpoints.add(new SiteEndpoint(site.id(), address.namespace(), address.address(), latency, bandwidth,
                        wanNs, wanLink.nameA(), true));
            } else {
                VethPair first = hosts.get(0).link(site.id()).orElseThrow().pair();
                endpoints.add(new SiteEndpoint(site.id(), address.namespace(), address.address(), latency, bandwidth,
                        first.namespaceA(), first.nameA(), false));
            }
        }
        return new TopologyPlan(runId, hosts.get(0).namespace(), namespaces, links, routes,
                hasCloud ? List.of(wanNs) : List.of(), endpoints, hosts, addresses);
    }

    private static void requireNoCloudLinks(Scenario scenario) {
        List<String> clouds = scenario.sites().stream().filter(s -> s.kind() == SiteKind.CLOUD).map(Site::id).toList();
        for (DeviceSpec d : scenario.fleet().devices()) {
            d.links().stream().filter(l -> clouds.contains(l.siteId())).findFirst().ifPresent(l -> {
                throw new IllegalArgumentException("device " + d.id() + " has its own link to cloud site " + l.siteId()
                        + ", which the test-bed does not emulate: it shapes a cloud site's link once, behind the WAN hop,"
                        + " for every device; edgeoff simulate runs it");
            });
        }
        for (Cell c : scenario.fleet().cells()) {
            c.links().stream().filter(l -> clouds.contains(l.siteId())).findFirst().ifPresent(l -> {
                throw new IllegalArgumentException("cell " + c.id() + " has a link to cloud site " + l.siteId()
                        + ", which the test-bed does not emulate: it shapes a cloud site's link once, behind the WAN hop,"
                        + " for every device; edgeoff simulate runs it");
            });
        }
    }

    /** {@code d<index>} per device, or {@code v<index>} where a site already has that tag. */
    private static List<String> deviceTags(int count, List<String> siteTags) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(siteTags.contains("d" + k) ? "v" + k : "d" + k);
        }
        return out;
    }

    private static VethPair pair(int runId, int[] block, int maxBlocks, String tagA, String nsA, String tagB,
                                 String nsB, Optional<Shaping> shaping) {
        int b = block[0]++;
        if (b >= maxBlocks) {
            throw new IllegalArgumentException("too many links for one /24: at most " + maxBlocks
                    + ", scenario needs more");
        }
        String base = "10.213." + runId + ".";
        String nameA = interfaceName(runId, tagA, tagB, b, 'a');
        String nameB = interfaceName(runId, tagB, tagA, b, 'b');
        return new VethPair(nameA, nsA, base + (4 * b + 1), nameB, nsB, base + (4 * b + 2),
                base + (4 * b) + "/30", shaping);
    }

    private static String interfaceName(int runId, String own, String peer, int block, char end) {
        String readable = PREFIX + runId + "-" + own + "-" + peer;
        return readable.length() <= VethPair.MAX_INTERFACE_NAME ? readable : PREFIX + runId + "-l" + block + end;
    }

    private static List<String> tags(List<Site> sites) {
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add("wan");
        for (int i = 0; i < sites.size(); i++) {
            String tag = sites.get(i).id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (tag.isEmpty() || tag.length() > MAX_TAG || !seen.add(tag)) {
                tag = "h" + i;
                seen.add(tag);
            }
            tags.add(tag);
        }
        return tags;
    }
}
