package io.edgeoff.common.network;

import io.edgeoff.common.site.Site;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Links resolved to concrete numbers for one configuration: a dense latency and bandwidth matrix
 * indexed by site index (the order of the scenario's sites). Immutable.
 */
public final class Network {
    private final List<String> siteIds;
    private final Map<String, Integer> index;
    private final double[][] latencyMillis;
    private final double[][] bandwidthKBps;

    private Network(List<String> siteIds, double[][] latencyMillis, double[][] bandwidthKBps) {
        this.siteIds = List.copyOf(siteIds);
        this.index = new HashMap<>();
        for (int i = 0; i < siteIds.size(); i++) {
            index.put(siteIds.get(i), i);
        }
        this.latencyMillis = latencyMillis;
        this.bandwidthKBps = bandwidthKBps;
    }

    /**
     * Resolves links; random latencies resolve to their mean.
     */
    public static Network ofMeans(List<Site> sites, List<Link> links) {
        return resolve(sites, links, null);
    }

    /**
     * Resolves links, drawing each random latency once from {@code random} in link order
     * ({@code random == null} means: use the mean).
     */
    public static Network resolve(List<Site> sites, List<Link> links, RandomGenerator random) {
        int n = sites.size();
        List<String> ids = sites.stream().map(Site::id).toList();
        double[][] latency = new double[n][n];
        double[][] bandwidth = new double[n][n];
        for (double[] row : bandwidth) {
            Arrays.fill(row, Double.NaN);
        }
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(ids.get(i), i);
            bandwidth[i][i] = Double.POSITIVE_INFINITY;
        }
        for (Link link : links) {
            Integer a = idx.get(link.siteA());
            Integer b = idx.get(link.siteB());
            if (a == null || b == null) {
                throw new IllegalArgumentException("link " + link.siteA() + "-" + link.siteB() + " names an unknown site");
            }
            double millis = random == null ? link.latency().meanMillis() : link.latency().sampleMillis(random);
            latency[a][b] = millis;
            latency[b][a] = millis;
            bandwidth[a][b] = link.bandwidthKBps();
            bandwidth[b][a] = link.bandwidthKBps();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (Double.isNaN(bandwidth[i][j])) {
                    throw new IllegalArgumentException("no link between " + ids.get(i) + " and " + ids.get(j));
                }
            }
        }
        return new Network(ids, latency, bandwidth);
    }

    public List<String> siteIds() {
        return siteIds;
    }

    public int indexOf(String siteId) {
        Integer i = index.get(siteId);
        if (i == null) {
            throw new IllegalArgumentException("unknown site " + siteId + "; known: " + siteIds);
        }
        return i;
    }

    /** One-way latency in ms between sites {@code from} and {@code to} (0 for the same site). */
    public double latencyMillis(int from, int to) {
        return latencyMillis[from][to];
    }

    /** Bandwidth in KB/s between sites (infinite for the same site). */
    public double bandwidthKBps(int from, int to) {
        return bandwidthKBps[from][to];
    }

    /**
     * This network with the link between sites {@code a} and {@code b} (both directions) set to {@code latencyMillis}
     * and {@code bandwidthKBps}; every other link unchanged.
     */
    public Network withLink(int a, int b, double latencyMillis, double bandwidthKBps) {
        if (a == b) {
            throw new IllegalArgumentException("a link joins two different sites, but both were " + siteIds.get(a));
        }
        double[][] latency = new double[this.latencyMillis.length][];
        double[][] bandwidth = new double[this.bandwidthKBps.length][];
        for (int i = 0; i < latency.length; i++) {
            latency[i] = this.latencyMillis[i].clone();
            bandwidth[i] = this.bandwidthKBps[i].clone();
        }
        latency[a][b] = latencyMillis;
        latency[b][a] = latencyMillis;
        bandwidth[a][b] = bandwidthKBps;
        bandwidth[b][a] = bandwidthKBps;
        return new Network(siteIds, latency, bandwidth);
    }

    public double latencyMillis(String from, String to) {
        return latencyMillis(indexOf(from), indexOf(to));
    }

    public double bandwidthKBps(String from, String to) {
        return bandwidthKBps(indexOf(from), indexOf(to));
    }
}
