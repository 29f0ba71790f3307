package io.edgeoff.database;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.DagEdge;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.network.Link;
import io.edgeoff.common.scenario.ExperimentConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.common.site.Site;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Scenarios whose names are built to break naive SQL and encodings. */
final class HostileScenarios {
    static final String INJECTION = "'; DROP TABLE offloading_sites; --";
    static final String QUOTES = "O'Brien \"the\" `back` \\slash\\ ''";
    static final String UNICODE = "Ωμέγα-边缘-🚀-\u00e9\u0301-ñ";

    private HostileScenarios() {
    }

    /**
     * The seed with the scenario named {@link #INJECTION}, site EC renamed to {@link #INJECTION},
     * site ED to {@link #UNICODE}, application CHESS to {@link #QUOTES} and its task GUI to
     * {@link #UNICODE}.
     */
    static Scenario from(Scenario seed) {
        UnaryOperator<String> site = id -> switch (id) {
            case "EC" -> INJECTION;
            case "ED" -> UNICODE;
            default -> id;
        };
        UnaryOperator<String> app = name -> name.equals("CHESS") ? QUOTES : name;
        List<Site> sites = seed.sites().stream()
                .map(s -> new Site(site.apply(s.id()), s.kind(), s.mips(), s.cores(), s.memoryGb(), s.storageGb()))
                .toList();
        List<Link> links = seed.links().stream()
                .map(l -> new Link(site.apply(l.siteA()), site.apply(l.siteB()), l.latency(), l.bandwidthKBps()))
                .toList();
        List<Application> apps = seed.applications().stream().map(a -> {
            if (!a.name().equals("CHESS")) {
                return a;
            }
            UnaryOperator<String> task = t -> t.equals("GUI") ? UNICODE : t;
            List<TaskSpec> tasks = a.tasks().stream()
                    .map(t -> new TaskSpec(task.apply(t.name()), t.kind(), t.memoryGb(), t.offloadable())).toList();
            List<DagEdge> edges = a.edges().stream()
                    .map(e -> new DagEdge(task.apply(e.from()), task.apply(e.to()))).toList();
            return new Application(QUOTES, tasks, edges);
        }).toList();
        Map<String, Double> mix = new LinkedHashMap<>();
        seed.workload().probabilities().forEach((name, p) -> mix.put(app.apply(name), p));
        List<ExperimentConfig> configs = seed.configurations().stream().map(c -> {
            Map<String, TraceNode> nodes = new LinkedHashMap<>();
            c.nodes().forEach((id, node) -> nodes.put(site.apply(id), node));
            return new ExperimentConfig(c.id(), nodes);
        }).toList();
        return new Scenario(INJECTION, sites, links, seed.taskKinds(), apps, new WorkloadMix(mix), seed.devicePower(),
                seed.costWeights(), seed.failureDetectionSeconds(), configs);
    }
}
