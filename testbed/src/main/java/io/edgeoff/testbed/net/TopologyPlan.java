package io.edgeoff.testbed.net;

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
 * @param runId           run number, 1 to 250 (also the third octet of every address)
 * @param deviceNamespace the device's namespace
 * @param namespaces      every namespace, device first
 * @param links           every veth pair
 * @param routes          static routes (device and cloud sites through the WAN hop)
 * @param forwarding      namespaces that forward IPv4 (the WAN hop)
 * @param sites           one endpoint per remote site, in scenario order
 */
public record TopologyPlan(int runId, String deviceNamespace, List<String> namespaces, List<VethPair> links,
                           List<Route> routes, List<String> forwarding, List<SiteEndpoint> sites) {
    /** Prefix of every namespace and interface the test-bed creates. */
    public static final String PREFIX = "eo";
    /** Names the test-bed owns: {@code eo<run>-...}. */
    public static final Pattern OWNED_NAME = Pattern.compile("^eo(\\d{1,3})-[a-z0-9-]+$");
    private static final int MAX_TAG = 4;

    public TopologyPlan {
        namespaces = List.copyOf(namespaces);
        links = List.copyOf(links);
        routes = List.copyOf(routes);
        forwarding = List.copyOf(forwarding);
        sites = List.copyOf(sites);
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
            access = pair(runId, block, tags.get(sites.indexOf(device)), deviceNs, "wan", wanNs, Optional.empty());
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
                VethPair wanLink = pair(runId, block, "wan", wanNs, tags.get(i), ns, shaping);
                links.add(wanLink);
                routes.add(new Route(deviceNs, wanLink.network(), access.addressB()));
                routes.add(new Route(ns, access.network(), wanLink.addressA()));
                endpoints.add(new SiteEndpoint(site.id(), ns, wanLink.addressB(), latency, bandwidth,
                        wanNs, wanLink.nameA(), true));
            } else {
                VethPair direct = pair(runId, block, tags.get(sites.indexOf(device)), deviceNs, tags.get(i), ns, shaping);
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

    private static VethPair pair(int runId, int[] block, String tagA, String nsA, String tagB, String nsB,
                                 Optional<Shaping> shaping) {
        int b = block[0]++;
        if (b >= 64) {
            throw new IllegalArgumentException("too many links for one /24: at most 64, scenario needs more");
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
