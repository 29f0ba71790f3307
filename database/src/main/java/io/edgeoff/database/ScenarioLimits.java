package io.edgeoff.database;

import static java.util.Map.entry;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.DagEdge;
import io.edgeoff.common.app.Range;
import io.edgeoff.common.app.TaskKind;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.cost.DevicePower;
import io.edgeoff.common.network.Link;
import io.edgeoff.common.scenario.ExperimentConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioException;
import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.common.site.Site;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the schema ({@code V1__parameters.sql}) demands of a scenario beyond what the domain model
 * ({@link Scenario} and its records) already checks, checked before any SQL runs: the length of
 * every text column ({@code VARCHAR(n)}, counted in UTF-16 units as H2 counts them; PostgreSQL
 * counts code points, which is never more), text the database can store (no NUL character, which
 * PostgreSQL refuses, no unpaired surrogate, which UTF-8 cannot hold), the bounds of every numeric
 * column ({@code mips < 1e12}, ...), task kind names that appear once, and tasks that name a
 * declared kind. A violation is a {@link ScenarioException} naming the source, the field (the
 * scenario YAML's path, e.g. {@code sites[2].mips}) and the value, in one line:
 * {@code my.yaml: sites[2].mips: must be > 0 and < 1.0E12, but was 1.0E308}.
 *
 * <p>{@link #TEXT_LENGTHS}, {@link #NUMBER_BOUNDS} and {@link #CHECKED_BY} state the schema's rules
 * once; a test reads the migration and fails when a column or constraint is added without them.
 */
public final class ScenarioLimits {
    /** The longest text of each text column, {@code table.column} to its {@code VARCHAR} length. */
    static final Map<String, Integer> TEXT_LENGTHS = Map.ofEntries(
            entry("scenarios.name", 200),
            entry("offloading_sites.site_id", 100), entry("offloading_sites.kind", 10),
            entry("offloading_sites.service_url", 2000),
            entry("links.site_a", 100), entry("links.site_b", 100),
            entry("task_kinds.name", 100),
            entry("applications.name", 200),
            entry("tasks.application_name", 200), entry("tasks.name", 200), entry("tasks.kind_name", 100),
            entry("dag_edges.application_name", 200), entry("dag_edges.from_task", 200),
            entry("dag_edges.to_task", 200),
            entry("workload_mix.application_name", 200),
            entry("node_candidates.site_id", 100));

    /**
     * An interval of allowed values; an open end is {@code inclusive == false}, a missing end is
     * infinite.
     */
    record Bounds(double min, boolean minInclusive, double max, boolean maxInclusive) {
        static Bounds above(double min, boolean inclusive) {
            return new Bounds(min, inclusive, Double.POSITIVE_INFINITY, true);
        }

        static Bounds below(double max, boolean inclusive) {
            return new Bounds(Double.NEGATIVE_INFINITY, true, max, inclusive);
        }

        static Bounds open(double min, double max) {
            return new Bounds(min, false, max, false);
        }

        static Bounds halfOpen(double min, double max) {
            return new Bounds(min, true, max, false);
        }

        static Bounds closed(double min, double max) {
            return new Bounds(min, true, max, true);
        }

        boolean contains(double v) {
            return (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (min != Double.NEGATIVE_INFINITY) {
                parts.add((minInclusive ? ">= " : "> ") + formatted(min));
            }
            if (max != Double.POSITIVE_INFINITY) {
                parts.add((maxInclusive ? "<= " : "< ") + formatted(max));
            }
            return String.join(" and ", parts);
        }
    }

    private static final Bounds WATTS = Bounds.open(0, 1e9);
    private static final Bounds NON_NEGATIVE = Bounds.above(0, true);
    private static final Bounds RANGE_MAX = Bounds.below(1e15, false);

    /** The bounds of each numeric column the migration bounds with literals, {@code table.column} to bounds. */
    static final Map<String, Bounds> NUMBER_BOUNDS = Map.ofEntries(
            entry("scenarios.uplink_watts", WATTS), entry("scenarios.downlink_watts", WATTS),
            entry("scenarios.local_execution_watts", WATTS), entry("scenarios.idle_watts", WATTS),
            entry("scenarios.battery_joules", Bounds.open(0, 1e15)),
            entry("scenarios.time_weight", Bounds.closed(0, 1)), entry("scenarios.energy_weight", Bounds.closed(0, 1)),
            entry("scenarios.failure_detection_seconds", Bounds.halfOpen(0, 1e9)),
            entry("offloading_sites.mips", Bounds.open(0, 1e12)),
            entry("offloading_sites.cores", Bounds.above(1, true)),
            entry("offloading_sites.memory_gb", Bounds.halfOpen(0, 1e12)),
            entry("offloading_sites.storage_gb", Bounds.halfOpen(0, 1e15)),
            entry("links.latency_millis", Bounds.halfOpen(0, 1e9)),
            entry("links.latency_normal_mean_millis", Bounds.open(-1e9, 1e9)),
            entry("links.latency_normal_sd_millis", Bounds.halfOpen(0, 1e9)),
            entry("links.bandwidth_kbps", Bounds.open(0, 1e15)),
            entry("task_kinds.mi_min", NON_NEGATIVE), entry("task_kinds.mi_max", RANGE_MAX),
            entry("task_kinds.in_kb_min", NON_NEGATIVE), entry("task_kinds.in_kb_max", RANGE_MAX),
            entry("task_kinds.out_kb_min", NON_NEGATIVE), entry("task_kinds.out_kb_max", RANGE_MAX),
            entry("tasks.memory_gb", Bounds.halfOpen(0, 1e12)),
            entry("tasks.mi_min", NON_NEGATIVE), entry("tasks.mi_max", RANGE_MAX),
            entry("tasks.in_kb_min", NON_NEGATIVE), entry("tasks.in_kb_max", RANGE_MAX),
            entry("tasks.out_kb_min", NON_NEGATIVE), entry("tasks.out_kb_max", RANGE_MAX),
            entry("workload_mix.probability", Bounds.closed(0, 1)),
            entry("configurations.configuration_id", Bounds.above(1, true)),
            entry("node_candidates.trace_system", NON_NEGATIVE), entry("node_candidates.trace_node", NON_NEGATIVE));

    private static final String STORE = "ScenarioStore (it writes the rows in order: positions are list indices, "
            + "children after their parents, all in one transaction)";

    /** Every constraint of {@code V1__parameters.sql} and what rejects a violating scenario before SQL runs. */
    static final Map<String, String> CHECKED_BY = Map.ofEntries(
            entry("scenarios_pk", "the database (generated id)"),
            entry("scenarios_name_unique", "ScenarioStore (save refuses a stored name; replace deletes it first)"),
            entry("scenarios_name_not_blank", "ScenarioLimits"),
            entry("scenarios_power_positive", "DevicePower (> 0, finite), ScenarioLimits (upper bounds)"),
            entry("scenarios_weights_in_unit_interval", "CostWeights, ScenarioLimits"),
            entry("scenarios_detection_non_negative", "Scenario, ScenarioLimits"),
            entry("offloading_sites_pk", "Scenario (duplicate site id)"),
            entry("offloading_sites_position_unique", STORE),
            entry("offloading_sites_scenario_fk", STORE),
            entry("offloading_sites_id_not_blank", "Site"),
            entry("offloading_sites_position_non_negative", STORE),
            entry("offloading_sites_kind_known", "SiteKind"),
            entry("offloading_sites_mips_positive", "Site, ScenarioLimits"),
            entry("offloading_sites_cores_positive", "Site, ScenarioLimits"),
            entry("offloading_sites_capacity_non_negative", "Site, ScenarioLimits"),
            entry("offloading_sites_service_url_http", "ScenarioStore.setServiceUrl, ScenarioLimits.checkServiceUrl"),
            entry("links_pk", STORE),
            entry("links_site_a_fk", "Scenario (links join known sites)"),
            entry("links_site_b_fk", "Scenario (links join known sites)"),
            entry("links_distinct_ends", "Link"),
            entry("links_latency_non_negative", "LatencySpec, ScenarioLimits"),
            entry("links_bandwidth_positive", "Link, ScenarioLimits"),
            entry("task_kinds_pk", "ScenarioLimits (a kind name appears once)"),
            entry("task_kinds_position_unique", STORE),
            entry("task_kinds_scenario_fk", STORE),
            entry("task_kinds_name_not_blank", "TaskKind"),
            entry("task_kinds_ranges_valid", "Range, ScenarioLimits"),
            entry("applications_pk", "Scenario (duplicate application)"),
            entry("applications_position_unique", STORE),
            entry("applications_scenario_fk", STORE),
            entry("applications_name_not_blank", "Application"),
            entry("tasks_pk", "Application (duplicate task name)"),
            entry("tasks_position_unique", STORE),
            entry("tasks_application_fk", STORE),
            entry("tasks_kind_fk", "ScenarioLimits (a task names a declared kind)"),
            entry("tasks_name_not_blank", "TaskSpec"),
            entry("tasks_memory_non_negative", "TaskSpec, ScenarioLimits"),
            entry("tasks_ranges_valid", "Range, ScenarioLimits"),
            entry("dag_edges_pk", STORE),
            entry("dag_edges_unique", "Application (duplicate edge)"),
            entry("dag_edges_from_fk", "Application (edges join its tasks)"),
            entry("dag_edges_to_fk", "Application (edges join its tasks)"),
            entry("dag_edges_no_self_loop", "Application (a self-loop is a cycle)"),
            entry("workload_mix_pk", "WorkloadMix (a map)"),
            entry("workload_mix_position_unique", STORE),
            entry("workload_mix_application_fk", "Scenario (workload names known applications)"),
            entry("workload_mix_probability_in_unit_interval", "WorkloadMix, ScenarioLimits"),
            entry("configurations_pk", "Scenario (duplicate configuration id)"),
            entry("configurations_position_unique", STORE),
            entry("configurations_scenario_fk", STORE),
            entry("configurations_id_positive", "ExperimentConfig, ScenarioLimits"),
            entry("node_candidates_pk", "ExperimentConfig (a map)"),
            entry("node_candidates_position_unique", STORE),
            entry("node_candidates_configuration_fk", STORE),
            entry("node_candidates_site_fk", "Scenario (configurations name known sites)"),
            entry("node_candidates_trace_ids_non_negative", "TraceNode, ScenarioLimits"));

    private static final int SHOWN_CHARACTERS = 40;

    private ScenarioLimits() {
    }

    /**
     * @param source names the scenario in messages (the file it was read from, or {@code scenario 'x'})
     * @throws ScenarioException naming source, field and value at the first value the database would refuse
     */
    public static void check(Scenario s, String source) {
        Checker c = new Checker(source);
        c.text("name", "scenarios.name", s.name());
        if (s.name().isBlank()) {
            throw c.error("name", "must not be blank");
        }
        DevicePower p = s.devicePower();
        c.number("devicePower.uplinkWatts", "scenarios.uplink_watts", p.uplinkWatts());
        c.number("devicePower.downlinkWatts", "scenarios.downlink_watts", p.downlinkWatts());
        c.number("devicePower.localExecutionWatts", "scenarios.local_execution_watts", p.localExecutionWatts());
        c.number("devicePower.idleWatts", "scenarios.idle_watts", p.idleWatts());
        c.number("devicePower.batteryJoules", "scenarios.battery_joules", p.batteryJoules());
        c.number("costWeights.time", "scenarios.time_weight", s.costWeights().time());
        c.number("costWeights.energy", "scenarios.energy_weight", s.costWeights().energy());
        c.number("failureDetectionSeconds", "scenarios.failure_detection_seconds", s.failureDetectionSeconds());
        for (int i = 0; i < s.sites().size(); i++) {
            site(c, "sites[" + i + "]", s.sites().get(i));
        }
        for (int i = 0; i < s.links().size(); i++) {
            link(c, "links[" + i + "]", s.links().get(i));
        }
        Set<String> kinds = new HashSet<>();
        for (TaskKind kind : s.taskKinds()) {
            String path = "taskKinds." + shown(kind.name());
            c.text(path, "task_kinds.name", kind.name());
            if (!kinds.add(kind.name())) {
                throw c.error(path, "task kind '" + shown(kind.name()) + "' is declared twice");
            }
            ranges(c, path, "task_kinds", kind);
        }
        for (int i = 0; i < s.applications().size(); i++) {
            application(c, "applications[" + i + "]", s.applications().get(i), s.taskKinds());
        }
        for (Map.Entry<String, Double> e : s.workload().probabilities().entrySet()) {
            String path = "workload." + shown(e.getKey());
            c.text(path, "workload_mix.application_name", e.getKey());
            c.number(path, "workload_mix.probability", e.getValue());
        }
        for (int i = 0; i < s.configurations().size(); i++) {
            configuration(c, "configurations[" + i + "]", s.configurations().get(i));
        }
        FleetLimits.check(c, s.fleet());
    }

    /** The service URL of a site fits {@code offloading_sites.service_url}. */
    public static void checkServiceUrl(String siteId, URI url) {
        String text = url.toString();
        int limit = TEXT_LENGTHS.get("offloading_sites.service_url");
        if (text.length() > limit) {
            throw new IllegalArgumentException("service URL of site " + shown(siteId) + " must be at most " + limit
                    + " characters, but has " + text.length() + ": '" + shown(text) + "'");
        }
    }

    private static void site(Checker c, String path, Site site) {
        c.text(path + ".id", "offloading_sites.site_id", site.id());
        c.text(path + ".kind", "offloading_sites.kind", site.kind().name());
        c.number(path + ".mips", "offloading_sites.mips", site.mips());
        c.number(path + ".cores", "offloading_sites.cores", site.cores());
        c.number(path + ".memoryGb", "offloading_sites.memory_gb", site.memoryGb());
        c.number(path + ".storageGb", "offloading_sites.storage_gb", site.storageGb());
    }

    private static void link(Checker c, String path, Link link) {
        c.text(path + ".between[0]", "links.site_a", link.siteA());
        c.text(path + ".between[1]", "links.site_b", link.siteB());
        c.number(path + ".latencyMillis", "links.latency_millis", link.latency().fixedMillis());
        c.number(path + ".latencyNormal.meanMillis", "links.latency_normal_mean_millis",
                link.latency().normalMeanMillis());
        c.number(path + ".latencyNormal.sdMillis", "links.latency_normal_sd_millis", link.latency().normalSdMillis());
        c.number(path + ".bandwidthKBps", "links.bandwidth_kbps", link.bandwidthKBps());
    }

    private static void application(Checker c, String path, Application app, List<TaskKind> kinds) {
        c.text(path + ".name", "applications.name", app.name());
        c.text(path + ".name", "tasks.application_name", app.name());
        c.text(path + ".name", "dag_edges.application_name", app.name());
        List<String> kindNames = kinds.stream().map(TaskKind::name).toList();
        for (int t = 0; t < app.tasks().size(); t++) {
            TaskSpec task = app.tasks().get(t);
            String taskPath = path + ".tasks[" + t + "]";
            c.text(taskPath + ".name", "tasks.name", task.name());
            c.text(taskPath + ".kind", "tasks.kind_name", task.kind().name());
            if (!kindNames.contains(task.kind().name())) {
                throw c.error(taskPath + ".kind", "unknown task kind '" + shown(task.kind().name()) + "'; known: "
                        + kindNames.stream().map(ScenarioLimits::shown).toList());
            }
            c.number(taskPath + ".memoryGb", "tasks.memory_gb", task.memoryGb());
            ranges(c, taskPath, "tasks", task.kind());
        }
        for (int e = 0; e < app.edges().size(); e++) {
            DagEdge edge = app.edges().get(e);
            c.text(path + ".edges[" + e + "][0]", "dag_edges.from_task", edge.from());
            c.text(path + ".edges[" + e + "][1]", "dag_edges.to_task", edge.to());
        }
    }

    private static void ranges(Checker c, String path, String table, TaskKind kind) {
        range(c, path + ".mi", table + ".mi", kind.millionInstructions());
        range(c, path + ".inKB", table + ".in_kb", kind.inKB());
        range(c, path + ".outKB", table + ".out_kb", kind.outKB());
    }

    private static void range(Checker c, String path, String column, Range range) {
        if (range.isFixed()) {
            c.number(path, column + "_min", range.min());
            c.number(path, column + "_max", range.max());
        } else {
            c.number(path + "[0]", column + "_min", range.min());
            c.number(path + "[1]", column + "_max", range.max());
        }
    }

    private static void configuration(Checker c, String path, ExperimentConfig config) {
        c.number(path + ".id", "configurations.configuration_id", config.id());
        for (Map.Entry<String, TraceNode> e : config.nodes().entrySet()) {
            String nodePath = path + ".nodes." + shown(e.getKey());
            c.text(nodePath, "node_candidates.site_id", e.getKey());
            c.number(nodePath + ".system", "node_candidates.trace_system", e.getValue().system());
            c.number(nodePath + ".node", "node_candidates.trace_node", e.getValue().node());
        }
    }

    /** Checks values against the tables above and reports the first violation. */
    record Checker(String source) {
        ScenarioException error(String path, String problem) {
            return new ScenarioException(source, path, problem);
        }

        void text(String path, String column, String value) {
            Integer declared = TEXT_LENGTHS.get(column);
            int limit = declared != null ? declared : FleetLimits.TEXT_LENGTHS.get(column);
            if (value.length() > limit) {
                throw error(path, "must be at most " + limit + " characters, but has " + value.length() + ": '"
                        + shown(value) + "'");
            }
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == 0) {
                    throw error(path, "must not contain the NUL character (U+0000), which PostgreSQL cannot store: '"
                            + shown(value) + "'");
                }
                if (Character.isSurrogate(ch) && !(Character.isHighSurrogate(ch) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1)))) {
                    throw error(path, String.format("contains an unpaired UTF-16 surrogate (U+%04X), which UTF-8 "
                            + "cannot hold: '%s'", (int) ch, shown(value)));
                }
                if (Character.isHighSurrogate(ch)) {
                    i++;
                }
            }
        }

        void number(String path, String column, double value) {
            Bounds declared = NUMBER_BOUNDS.get(column);
            Bounds bounds = declared != null ? declared : FleetLimits.NUMBER_BOUNDS.get(column);
            if (!bounds.contains(value)) {
                throw error(path, "must be " + bounds + ", but was " + formatted(value));
            }
        }
    }

    /** A whole number without ".0" when it is small, else Java's shortest form (1.0E12). */
    private static String formatted(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e7 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Text for a one-line message: at most {@value #SHOWN_CHARACTERS} characters (then "..."), control
     * characters and unpaired surrogates written as {@code \}{@code uXXXX}.
     */
    static String shown(String text) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            if (count == SHOWN_CHARACTERS) {
                return out.append("...").toString();
            }
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp) || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            count++;
        }
        return out.toString();
    }
}
