package io.edgeoff.common.scenario;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.DevicePower;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.app.TaskKind;
import io.edgeoff.common.network.Link;
import io.edgeoff.common.network.Network;
import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Everything the framework needs to know about one deployment: sites, links, task kinds,
 * applications, workload mix, device power, cost weights, the failure detection time used by the
 * seed's cost model, and the experiment configurations (trace nodes per site).
 * Validated: exactly one device, links between known sites covering every pair, workload and
 * configurations naming known applications and remote sites.
 *
 * <p>{@code fleet} holds the optional sections beyond the seed: several devices, the edge cells they move between
 * and the handover rule ({@link Fleet}); {@link Fleet#none()} is the seed's single device in a fixed place, and the
 * constructor without it gives that.
 */
public record Scenario(String name, List<Site> sites, List<Link> links, List<TaskKind> taskKinds,
                       List<Application> applications, WorkloadMix workload, DevicePower devicePower,
                       CostWeights costWeights, double failureDetectionSeconds,
                       List<ExperimentConfig> configurations, Fleet fleet) {

    /** Default time to detect a failed offloading attempt in the cost model, s (the seed's constant). */
    public static final double DEFAULT_FAILURE_DETECTION_SECONDS = 1.5;

    public Scenario {
        Objects.requireNonNull(name, "name");
        sites = List.copyOf(sites);
        links = List.copyOf(links);
        taskKinds = List.copyOf(taskKinds);
        applications = List.copyOf(applications);
        configurations = List.copyOf(configurations);
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(devicePower, "devicePower");
        Objects.requireNonNull(costWeights, "costWeights");
        Objects.requireNonNull(fleet, "fleet");
        validate(sites, links, applications, workload, configurations, failureDetectionSeconds);
        fleet.requireKnown(sites.stream().filter(Site::isRemote).map(Site::id).toList(),
                applications.stream().map(Application::name).toList());
    }

    /** A scenario of one device in a fixed place ({@link Fleet#none()}), as the seed's. */
    public Scenario(String name, List<Site> sites, List<Link> links, List<TaskKind> taskKinds,
                    List<Application> applications, WorkloadMix workload, DevicePower devicePower,
                    CostWeights costWeights, double failureDetectionSeconds, List<ExperimentConfig> configurations) {
        this(name, sites, links, taskKinds, applications, workload, devicePower, costWeights, failureDetectionSeconds,
                configurations, Fleet.none());
    }

    /** This scenario with another fleet (devices, cells, handover rule). */
    public Scenario withFleet(Fleet newFleet) {
        return new Scenario(name, sites, links, taskKinds, applications, workload, devicePower, costWeights,
                failureDetectionSeconds, configurations, newFleet);
    }

    private static void validate(List<Site> sites, List<Link> links, List<Application> applications,
                                 WorkloadMix workload, List<ExperimentConfig> configurations, double detection) {
        Set<String> ids = new HashSet<>();
        long devices = 0;
        for (Site site : sites) {
            if (!ids.add(site.id())) {
                throw new IllegalArgumentException("duplicate site id " + site.id());
            }
            if (site.kind() == SiteKind.DEVICE) {
                devices++;
            }
        }
        if (devices != 1) {
            throw new IllegalArgumentException("a scenario needs exactly one DEVICE site, but has " + devices);
        }
        for (Link link : links) {
            for (String end : List.of(link.siteA(), link.siteB())) {
                if (!ids.contains(end)) {
                    throw new IllegalArgumentException(
                            "link " + link.siteA() + "-" + link.siteB() + " names unknown site " + end);
                }
            }
        }
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                String a = sites.get(i).id();
                String b = sites.get(j).id();
                long count = links.stream().filter(l -> l.joins(a, b)).count();
                if (count == 0) {
                    throw new IllegalArgumentException("no link between " + a + " and " + b);
                }
                if (count > 1) {
                    throw new IllegalArgumentException("more than one link between " + a + " and " + b);
                }
            }
        }
        Set<String> appNames = new HashSet<>();
        for (Application app : applications) {
            if (!appNames.add(app.name())) {
                throw new IllegalArgumentException("duplicate application " + app.name());
            }
        }
        for (String app : workload.probabilities().keySet()) {
            if (!appNames.contains(app)) {
                throw new IllegalArgumentException("workload names unknown application " + app);
            }
        }
        Set<Integer> configIds = new HashSet<>();
        for (ExperimentConfig config : configurations) {
            if (!configIds.add(config.id())) {
                throw new IllegalArgumentException("duplicate configuration id " + config.id());
            }
            for (String site : config.nodes().keySet()) {
                if (!ids.contains(site)) {
                    throw new IllegalArgumentException("configuration " + config.id() + " names unknown site " + site);
                }
            }
        }
        if (!(detection >= 0) || !Double.isFinite(detection)) {
            throw new IllegalArgumentException("failureDetectionSeconds must be >= 0, but was " + detection);
        }
    }

    /** @return the device site */
    public Site device() {
        return sites.stream().filter(s -> !s.isRemote()).findFirst().orElseThrow();
    }

    /** @return the remote (edge and cloud) sites in scenario order */
    public List<Site> remoteSites() {
        return sites.stream().filter(Site::isRemote).toList();
    }

    public Optional<Site> findSite(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** @throws IllegalArgumentException naming the known sites when {@code id} is unknown */
    public Site site(String id) {
        return findSite(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown site " + id + "; known sites: " + sites.stream().map(Site::id).toList()));
    }

    public int siteIndex(String id) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "unknown site " + id + "; known sites: " + sites.stream().map(Site::id).toList());
    }

    /** @throws IllegalArgumentException naming the known applications when {@code name} is unknown */
    public Application application(String name) {
        return applications.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown application " + name
                        + "; known applications: " + applications.stream().map(Application::name).toList()));
    }

    public ExperimentConfig configuration(int id) {
        return configurations.stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown configuration " + id + "; known: "
                        + configurations.stream().map(ExperimentConfig::id).toList()));
    }

    /** Links resolved with random latencies at their mean. */
    public Network meanNetwork() {
        return Network.ofMeans(sites, links);
    }

    /** Links resolved with random latencies drawn once from {@code random}, in link order. */
    public Network network(RandomGenerator random) {
        return Network.resolve(sites, links, random);
    }

    /** The cost model over the given resolved network. */
    public CostModel costModel(Network network) {
        return new CostModel(sites, network, devicePower, failureDetectionSeconds);
    }

    /** The cost model with mean latencies. */
    public CostModel costModel() {
        return costModel(meanNetwork());
    }

    /** @return application name to application */
    public Map<String, Application> applicationsByName() {
        java.util.LinkedHashMap<String, Application> map = new java.util.LinkedHashMap<>();
        applications.forEach(a -> map.put(a.name(), a));
        return map;
    }
}
