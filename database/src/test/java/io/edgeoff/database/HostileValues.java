package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.DagEdge;
import io.edgeoff.common.app.Range;
import io.edgeoff.common.app.TaskKind;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.DevicePower;
import io.edgeoff.common.network.LatencySpec;
import io.edgeoff.common.network.Link;
import io.edgeoff.common.scenario.ExperimentConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.common.site.Site;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * For every column limit of {@link ScenarioLimits} (which {@code ScenarioLimitsTest} holds equal to
 * the migration), values just beyond it, each placed into the seed scenario where a scenario
 * YAML would put it, with the field a message must name.
 */
final class HostileValues {
    /** SQL a message must not quote: statements, clauses, comments, H2's and Jdbi's statement context. */
    static final Pattern SQL = Pattern.compile("(?i)insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|select\\s.*\\sfrom"
            + "|values\\s*\\(|sql statement|/\\*|\\[statement:|foreign\\s+key\\s*\\(|references\\s+\\S+\\(|\\bcheck\\s*\\("
            + "|\\(\\s*\"?[a-z_]+\"?\\s*[<>]=?\\s*-?\\d");

    /** One hostile value in one column: how to put it into a scenario and the field a message must name. */
    record Case(String column, String value, UnaryOperator<Scenario> mutation, String field) {
        Scenario apply(Scenario seed) {
            return mutation.apply(seed);
        }

        @Override
        public String toString() {
            return column + " = " + value;
        }
    }

    private record TextColumn(BiFunction<Scenario, String, Scenario> mutation, String field) {
    }

    private record NumberColumn(BiFunction<Scenario, Double, Scenario> mutation, String field) {
    }

    private HostileValues() {
    }

    /** The text columns a scenario fills, with how to set one value and the field that names it. */
    static Map<String, TextColumn> textColumns() {
        Map<String, TextColumn> m = new TreeMap<>();
        m.put("scenarios.name", new TextColumn(HostileValues::withName, "name"));
        for (String c : List.of("offloading_sites.site_id", "links.site_a", "links.site_b", "node_candidates.site_id")) {
            m.put(c, new TextColumn((s, v) -> renameSite(s, "EC", v), "sites[2].id"));
        }
        for (String c : List.of("task_kinds.name", "tasks.kind_name")) {
            m.put(c, new TextColumn((s, v) -> renameKind(s, "CI", v), "taskKinds."));
        }
        for (String c : List.of("applications.name", "tasks.application_name", "dag_edges.application_name",
                "workload_mix.application_name")) {
            m.put(c, new TextColumn((s, v) -> renameApplication(s, "ANTIVIRUS", v), "applications[0].name"));
        }
        for (String c : List.of("tasks.name", "dag_edges.from_task", "dag_edges.to_task")) {
            m.put(c, new TextColumn((s, v) -> renameTask(s, "ANTIVIRUS", "GUI", v), "applications[0].tasks[0].name"));
        }
        return m;
    }

    /** The numeric columns a scenario fills. */
    static Map<String, NumberColumn> numberColumns() {
        Map<String, NumberColumn> m = new TreeMap<>();
        m.put("scenarios.uplink_watts", power(0, "devicePower.uplinkWatts"));
        m.put("scenarios.downlink_watts", power(1, "devicePower.downlinkWatts"));
        m.put("scenarios.local_execution_watts", power(2, "devicePower.localExecutionWatts"));
        m.put("scenarios.idle_watts", power(3, "devicePower.idleWatts"));
        m.put("scenarios.battery_joules", power(4, "devicePower.batteryJoules"));
        m.put("scenarios.time_weight", new NumberColumn((s, v) -> with(s, new CostWeights(v, 1 - v)), "costWeights.time"));
        m.put("scenarios.energy_weight", new NumberColumn((s, v) -> with(s, new CostWeights(1 - v, v)),
                "costWeights.energy"));
        m.put("scenarios.failure_detection_seconds", new NumberColumn((s, v) -> new Scenario(s.name(), s.sites(),
                s.links(), s.taskKinds(), s.applications(), s.workload(), s.devicePower(), s.costWeights(), v,
                s.configurations()), "failureDetectionSeconds"));
        m.put("offloading_sites.mips", site((x, v) -> new Site(x.id(), x.kind(), v, x.cores(), x.memoryGb(),
                x.storageGb()), "sites[2].mips"));
        m.put("offloading_sites.cores", site((x, v) -> new Site(x.id(), x.kind(), x.mips(), whole(v),
                x.memoryGb(), x.storageGb()), "sites[2].cores"));
        m.put("offloading_sites.memory_gb", site((x, v) -> new Site(x.id(), x.kind(), x.mips(), x.cores(), v,
                x.storageGb()), "sites[2].memoryGb"));
        m.put("offloading_sites.storage_gb", site((x, v) -> new Site(x.id(), x.kind(), x.mips(), x.cores(),
                x.memoryGb(), v), "sites[2].storageGb"));
        m.put("links.latency_millis", link((l, v) -> new Link(l.siteA(), l.siteB(), new LatencySpec(v,
                l.latency().normalMeanMillis(), l.latency().normalSdMillis()), l.bandwidthKBps()),
                "links[3].latencyMillis"));
        m.put("links.latency_normal_mean_millis", link((l, v) -> new Link(l.siteA(), l.siteB(), new LatencySpec(
                l.latency().fixedMillis(), v, l.latency().normalSdMillis()), l.bandwidthKBps()),
                "links[3].latencyNormal.meanMillis"));
        m.put("links.latency_normal_sd_millis", link((l, v) -> new Link(l.siteA(), l.siteB(), new LatencySpec(
                l.latency().fixedMillis(), l.latency().normalMeanMillis(), v), l.bandwidthKBps()),
                "links[3].latencyNormal.sdMillis"));
        m.put("links.bandwidth_kbps", link((l, v) -> new Link(l.siteA(), l.siteB(), l.latency(), v),
                "links[3].bandwidthKBps"));
        for (String table : List.of("task_kinds", "tasks")) {
            String field = table.equals("task_kinds") ? "taskKinds.CI" : "applications[1].tasks[2]";
            m.put(table + ".mi_min", range(table, 0, true, field + ".mi[0]"));
            m.put(table + ".mi_max", range(table, 0, false, field + ".mi[1]"));
            m.put(table + ".in_kb_min", range(table, 1, true, field + ".inKB[0]"));
            m.put(table + ".in_kb_max", range(table, 1, false, field + ".inKB[1]"));
            m.put(table + ".out_kb_min", range(table, 2, true, field + ".outKB[0]"));
            m.put(table + ".out_kb_max", range(table, 2, false, field + ".outKB[1]"));
        }
        m.put("tasks.memory_gb", new NumberColumn((s, v) -> mapTask(s, "GPS_NAVIGATOR", "CONTROL",
                t -> new TaskSpec(t.name(), t.kind(), v, t.offloadable())), "applications[1].tasks[2].memoryGb"));
        m.put("workload_mix.probability", new NumberColumn((s, v) -> {
            Map<String, Double> mix = new LinkedHashMap<>(s.workload().probabilities());
            mix.put("ANTIVIRUS", v);
            return with(s, new WorkloadMix(mix));
        }, "workload.ANTIVIRUS"));
        m.put("configurations.configuration_id", new NumberColumn((s, v) -> withConfig(s,
                c -> new ExperimentConfig(whole(v), c.nodes())), "configurations[0].id"));
        m.put("node_candidates.trace_system", new NumberColumn((s, v) -> withConfig(s, c -> {
            Map<String, TraceNode> nodes = new LinkedHashMap<>(c.nodes());
            nodes.put("EC", new TraceNode(whole(v), nodes.get("EC").node()));
            return new ExperimentConfig(c.id(), nodes);
        }), "configurations[0].nodes.EC.system"));
        m.put("node_candidates.trace_node", new NumberColumn((s, v) -> withConfig(s, c -> {
            Map<String, TraceNode> nodes = new LinkedHashMap<>(c.nodes());
            nodes.put("EC", new TraceNode(nodes.get("EC").system(), whole(v)));
            return new ExperimentConfig(c.id(), nodes);
        }), "configurations[0].nodes.EC.node"));
        return m;
    }

    /** Every hostile case: text one character too long, far too long, with NUL, with a lone surrogate; numbers at and beyond each bound. */
    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        textColumns().forEach((column, c) -> {
            int limit = ScenarioLimits.TEXT_LENGTHS.get(column);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("x * " + (limit + 1), "x".repeat(limit + 1));
            if (column.equals("scenarios.name")) {
                values.put("x * 10000", "x".repeat(10_000));
            }
            values.put("NUL", "A\u0000B");
            values.put("lone surrogate", "A\uD800B");
            values.forEach((label, v) -> out.add(new Case(column, label, s -> c.mutation().apply(s, v), c.field())));
        });
        numberColumns().forEach((column, c) -> {
            ScenarioLimits.Bounds b = ScenarioLimits.NUMBER_BOUNDS.get(column);
            List<Double> values = new ArrayList<>();
            if (b.min() != Double.NEGATIVE_INFINITY) {
                values.add(b.minInclusive() ? Math.nextDown(b.min()) : b.min());
                values.add(-1e308);
            }
            if (b.max() != Double.POSITIVE_INFINITY) {
                values.add(b.maxInclusive() ? Math.nextUp(b.max()) : b.max());
                values.add(1e308);
            }
            for (double v : values) {
                out.add(new Case(column, Double.toString(v), s -> c.mutation().apply(s, v), c.field()));
            }
        });
        return out.stream();
    }

    /** Asserts what every error a user sees must be: one line, no SQL, no stack trace. */
    static void assertCleanOneLine(String message) {
        assertThat(message).doesNotContain("\n").doesNotContain("\r").doesNotContain("\tat ").hasSizeLessThan(700);
        assertThat(SQL.matcher(message).find()).as("SQL in: %s", message).isFalse();
    }

    // ---- mutations ----

    /** A value for an INTEGER column: rounded down, so that a value just below a bound stays below it. */
    private static int whole(double v) {
        return (int) Math.floor(v);
    }

    private static Scenario withName(Scenario s, String name) {
        return new Scenario(name, s.sites(), s.links(), s.taskKinds(), s.applications(), s.workload(), s.devicePower(),
                s.costWeights(), s.failureDetectionSeconds(), s.configurations());
    }

    private static Scenario with(Scenario s, CostWeights w) {
        return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds(), s.applications(), s.workload(),
                s.devicePower(), w, s.failureDetectionSeconds(), s.configurations());
    }

    private static Scenario with(Scenario s, WorkloadMix mix) {
        return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds(), s.applications(), mix, s.devicePower(),
                s.costWeights(), s.failureDetectionSeconds(), s.configurations());
    }

    private static NumberColumn power(int which, String field) {
        return new NumberColumn((s, v) -> {
            DevicePower p = s.devicePower();
            double[] w = {p.uplinkWatts(), p.downlinkWatts(), p.localExecutionWatts(), p.idleWatts(), p.batteryJoules()};
            w[which] = v;
            return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds(), s.applications(), s.workload(),
                    new DevicePower(w[0], w[1], w[2], w[3], w[4]), s.costWeights(), s.failureDetectionSeconds(),
                    s.configurations());
        }, field);
    }

    private static NumberColumn site(BiFunction<Site, Double, Site> change, String field) {
        return new NumberColumn((s, v) -> new Scenario(s.name(), s.sites().stream()
                .map(x -> x.id().equals("EC") ? change.apply(x, v) : x).toList(), s.links(), s.taskKinds(),
                s.applications(), s.workload(), s.devicePower(), s.costWeights(), s.failureDetectionSeconds(),
                s.configurations()), field);
    }

    /** Changes link 3 (MD-CD, the one with a normal latency part). */
    private static NumberColumn link(BiFunction<Link, Double, Link> change, String field) {
        return new NumberColumn((s, v) -> {
            List<Link> links = new ArrayList<>(s.links());
            links.set(3, change.apply(links.get(3), v));
            return new Scenario(s.name(), s.sites(), links, s.taskKinds(), s.applications(), s.workload(),
                    s.devicePower(), s.costWeights(), s.failureDetectionSeconds(), s.configurations());
        }, field);
    }

    /**
     * Changes one bound of one range of kind CI (in {@code task_kinds}) or of task CONTROL of
     * GPS_NAVIGATOR, whose kind is CI (in {@code tasks}, as an override).
     */
    private static NumberColumn range(String table, int which, boolean min, String field) {
        return new NumberColumn((s, v) -> {
            UnaryOperator<TaskKind> edit = k -> {
                Range[] r = {k.millionInstructions(), k.inKB(), k.outKB()};
                r[which] = min ? new Range(v, Math.max(v, r[which].max())) : new Range(Math.min(r[which].min(), v), v);
                return new TaskKind(k.name(), r[0], r[1], r[2]);
            };
            if (table.equals("task_kinds")) {
                return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds().stream()
                        .map(k -> k.name().equals("CI") ? edit.apply(k) : k).toList(), s.applications(), s.workload(),
                        s.devicePower(), s.costWeights(), s.failureDetectionSeconds(), s.configurations());
            }
            return mapTask(s, "GPS_NAVIGATOR", "CONTROL",
                    t -> new TaskSpec(t.name(), edit.apply(t.kind()), t.memoryGb(), t.offloadable()));
        }, field);
    }

    private static Scenario withConfig(Scenario s, UnaryOperator<ExperimentConfig> change) {
        List<ExperimentConfig> configs = new ArrayList<>(s.configurations());
        configs.set(0, change.apply(configs.get(0)));
        return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds(), s.applications(), s.workload(),
                s.devicePower(), s.costWeights(), s.failureDetectionSeconds(), configs);
    }

    private static Scenario mapTask(Scenario s, String app, String task, UnaryOperator<TaskSpec> change) {
        List<Application> apps = s.applications().stream().map(a -> !a.name().equals(app) ? a
                : new Application(a.name(), a.tasks().stream().map(t -> t.name().equals(task) ? change.apply(t) : t)
                        .toList(), a.edges())).toList();
        return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds(), apps, s.workload(), s.devicePower(),
                s.costWeights(), s.failureDetectionSeconds(), s.configurations());
    }

    private static Scenario renameSite(Scenario s, String from, String to) {
        UnaryOperator<String> r = id -> id.equals(from) ? to : id;
        List<Site> sites = s.sites().stream()
                .map(x -> new Site(r.apply(x.id()), x.kind(), x.mips(), x.cores(), x.memoryGb(), x.storageGb())).toList();
        List<Link> links = s.links().stream()
                .map(l -> new Link(r.apply(l.siteA()), r.apply(l.siteB()), l.latency(), l.bandwidthKBps())).toList();
        List<ExperimentConfig> configs = s.configurations().stream().map(c -> {
            Map<String, TraceNode> nodes = new LinkedHashMap<>();
            c.nodes().forEach((id, node) -> nodes.put(r.apply(id), node));
            return new ExperimentConfig(c.id(), nodes);
        }).toList();
        return new Scenario(s.name(), sites, links, s.taskKinds(), s.applications(), s.workload(), s.devicePower(),
                s.costWeights(), s.failureDetectionSeconds(), configs);
    }

    private static Scenario renameKind(Scenario s, String from, String to) {
        UnaryOperator<TaskKind> r = k -> k.name().equals(from)
                ? new TaskKind(to, k.millionInstructions(), k.inKB(), k.outKB()) : k;
        List<Application> apps = s.applications().stream().map(a -> new Application(a.name(), a.tasks().stream()
                .map(t -> new TaskSpec(t.name(), r.apply(t.kind()), t.memoryGb(), t.offloadable())).toList(),
                a.edges())).toList();
        return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds().stream().map(r).toList(), apps, s.workload(),
                s.devicePower(), s.costWeights(), s.failureDetectionSeconds(), s.configurations());
    }

    private static Scenario renameApplication(Scenario s, String from, String to) {
        List<Application> apps = s.applications().stream()
                .map(a -> a.name().equals(from) ? new Application(to, a.tasks(), a.edges()) : a).toList();
        Map<String, Double> mix = new LinkedHashMap<>();
        s.workload().probabilities().forEach((name, p) -> mix.put(name.equals(from) ? to : name, p));
        return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds(), apps, new WorkloadMix(mix), s.devicePower(),
                s.costWeights(), s.failureDetectionSeconds(), s.configurations());
    }

    private static Scenario renameTask(Scenario s, String app, String from, String to) {
        UnaryOperator<String> r = n -> n.equals(from) ? to : n;
        List<Application> apps = s.applications().stream().map(a -> !a.name().equals(app) ? a
                : new Application(a.name(), a.tasks().stream()
                        .map(t -> new TaskSpec(r.apply(t.name()), t.kind(), t.memoryGb(), t.offloadable())).toList(),
                        a.edges().stream().map(e -> new DagEdge(r.apply(e.from()), r.apply(e.to()))).toList()))
                .toList();
        return new Scenario(s.name(), s.sites(), s.links(), s.taskKinds(), apps, s.workload(), s.devicePower(),
                s.costWeights(), s.failureDetectionSeconds(), s.configurations());
    }
}
