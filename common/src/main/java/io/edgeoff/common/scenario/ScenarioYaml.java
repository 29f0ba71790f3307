package io.edgeoff.common.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.DagEdge;
import io.edgeoff.common.app.Range;
import io.edgeoff.common.app.TaskKind;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.DevicePower;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.network.LatencySpec;
import io.edgeoff.common.network.Link;
import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the scenario YAML format (see {@code docs/SCENARIO.md}). Reading validates
 * every field and reports problems as {@link ScenarioException} naming the source, the field path
 * and the value. Writing produces a canonical document: {@code write(read(write(s)))} equals
 * {@code write(s)}.
 */
public final class ScenarioYaml {
    /** Name of the built-in scenario from the seed paper. */
    public static final String SEED = "seed";

    private static final YAMLMapper MAPPER = YAMLMapper.builder(
                    YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build())
            .build();

    private ScenarioYaml() {
    }

    /** Names of the built-in scenarios: the seed's, and the examples beyond it (docs/SCENARIO.md). */
    public static final List<String> BUILT_IN = List.of(SEED, "campus-3-devices", "commuter-3-hotspots");

    /**
     * Loads a built-in scenario by name ({@link #BUILT_IN}) or a YAML file by path.
     */
    public static Scenario load(String nameOrPath) {
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        return read(Path.of(nameOrPath));
    }

    /** A built-in scenario, one of {@link #BUILT_IN}. */
    public static Scenario builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new ScenarioException(name, "", "no built-in scenario named '" + name + "'; built-in: " + BUILT_IN);
        }
        String resource = "/scenarios/" + name + ".yaml";
        try (InputStream in = ScenarioYaml.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + resource + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in scenario " + resource, e);
        }
    }

    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), "", "file not found");
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "", "cannot read file: " + e.getMessage());
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /** Parses YAML text; {@code source} names it in error messages; a device's cell trace file is an error here. */
    public static Scenario parse(String yaml, String source) {
        return parse(yaml, source, null);
    }

    /**
     * Parses YAML text; {@code source} names it in error messages, {@code baseDir} is where relative cell trace
     * files are found (null: none may be named).
     */
    public static Scenario parse(String yaml, String source, Path baseDir) {
        JsonNode root;
        try {
            root = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, "", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source, "", "expected a YAML mapping at the top level");
        }
        return new Reader(source, baseDir).scenario(new Field(root, ""));
    }

    /** Writes the canonical YAML form of a scenario. */
    public static String write(Scenario scenario) {
        try {
            return MAPPER.writeValueAsString(Writer.scenario(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario " + scenario.name(), e);
        }
    }

    /** A YAML node with its path, for error messages. */
    record Field(JsonNode node, String path) {
        Field child(String name) {
            return new Field(node.get(name), path.isEmpty() ? name : path + "." + name);
        }

        Field element(int i) {
            return new Field(node.get(i), path + "[" + i + "]");
        }

        boolean present() {
            return node != null && !node.isNull() && !node.isMissingNode();
        }
    }

    static final class Reader {
        private final String source;
        private final Path baseDir;

        Reader(String source, Path baseDir) {
            this.source = source;
            this.baseDir = baseDir;
        }

        String source() {
            return source;
        }

        ScenarioException error(Field f, String problem) {
            return new ScenarioException(source, f.path(), problem);
        }

        Scenario scenario(Field root) {
            knownKeys(root, "name", "sites", "links", "taskKinds", "applications", "workload", "devicePower",
                    "costWeights", "failureDetectionSeconds", "configurations", "cells", "mobility", "devices");
            String name = text(root.child("name"));
            List<Site> sites = list(root.child("sites"), this::site);
            List<String> siteIds = sites.stream().map(Site::id).toList();
            List<Link> links = list(root.child("links"), f -> link(f, siteIds));
            Map<String, TaskKind> kinds = new LinkedHashMap<>();
            Field kindsField = root.child("taskKinds");
            for (Map.Entry<String, Field> e : entries(kindsField).entrySet()) {
                kinds.put(e.getKey(), taskKind(e.getKey(), e.getValue()));
            }
            List<Application> apps = list(root.child("applications"), f -> application(f, kinds));
            List<String> appNames = apps.stream().map(Application::name).toList();
            WorkloadMix workload = workload(root.child("workload"), appNames);
            DevicePower power = root.child("devicePower").present() ? devicePower(root.child("devicePower"))
                    : DevicePower.seed();
            Field weightsField = root.child("costWeights");
            CostWeights weights = weightsField.present() ? build(weightsField, () -> {
                knownKeys(weightsField, "time", "energy");
                return new CostWeights(number(weightsField.child("time")), number(weightsField.child("energy")));
            }) : CostWeights.seed();
            Field detectionField = root.child("failureDetectionSeconds");
            double detection = detectionField.present() ? number(detectionField)
                    : Scenario.DEFAULT_FAILURE_DETECTION_SECONDS;
            if (!(detection >= 0)) {
                throw error(detectionField, "must be >= 0, but was " + detection);
            }
            Field configsField = root.child("configurations");
            List<ExperimentConfig> configs = configsField.present()
                    ? list(configsField, f -> configuration(f, sites)) : List.of();
            Fleet fleet = new FleetReader(this, baseDir).fleet(root, sites, appNames);
            return build(root, () -> new Scenario(name, sites, links, List.copyOf(kinds.values()), apps, workload,
                    power, weights, detection, configs, fleet));
        }

        WorkloadMix workload(Field workloadField, List<String> appNames) {
            Map<String, Double> mix = new LinkedHashMap<>();
            for (Map.Entry<String, Field> e : entries(workloadField).entrySet()) {
                if (!appNames.contains(e.getKey())) {
                    throw error(e.getValue(), "unknown application '" + e.getKey() + "'; known: " + appNames);
                }
                double p = number(e.getValue());
                if (!(p >= 0 && p <= 1)) {
                    throw error(e.getValue(), "probability must be in [0,1], but was " + p);
                }
                mix.put(e.getKey(), p);
            }
            return build(workloadField, () -> new WorkloadMix(mix));
        }

        Site site(Field f) {
            knownKeys(f, "id", "kind", "mips", "cores", "memoryGb", "storageGb");
            String id = text(f.child("id"));
            Field kindField = f.child("kind");
            String kindText = text(kindField);
            SiteKind kind;
            try {
                kind = SiteKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw error(kindField, "unknown site kind '" + kindText + "'; known: "
                        + Arrays.toString(SiteKind.values()));
            }
            Field coresField = f.child("cores");
            int cores = coresField.present() ? integer(coresField) : 1;
            return build(f, () -> new Site(id, kind, number(f.child("mips")), cores,
                    optionalNumber(f.child("memoryGb"), 0), optionalNumber(f.child("storageGb"), 0)));
        }

        Link link(Field f, List<String> siteIds) {
            knownKeys(f, "between", "latencyMillis", "latencyNormal", "bandwidthKBps");
            Field between = f.child("between");
            if (!between.present() || !between.node().isArray() || between.node().size() != 2) {
                throw error(between, "expected a list of two site ids, e.g. [MD, ED]");
            }
            String a = text(between.element(0));
            String b = text(between.element(1));
            for (int i = 0; i < 2; i++) {
                String end = i == 0 ? a : b;
                if (!siteIds.contains(end)) {
                    throw error(between.element(i), "unknown site '" + end + "'; known sites: " + siteIds);
                }
            }
            double fixed = number(f.child("latencyMillis"));
            double mean = 0;
            double sd = 0;
            Field normal = f.child("latencyNormal");
            if (normal.present()) {
                knownKeys(normal, "meanMillis", "sdMillis");
                mean = number(normal.child("meanMillis"));
                sd = number(normal.child("sdMillis"));
            }
            double m = mean;
            double s = sd;
            return build(f, () -> new Link(a, b, new LatencySpec(fixed, m, s), number(f.child("bandwidthKBps"))));
        }

        TaskKind taskKind(String name, Field f) {
            knownKeys(f, "mi", "inKB", "outKB");
            return build(f, () -> new TaskKind(name, range(f.child("mi")), range(f.child("inKB")),
                    range(f.child("outKB"))));
        }

        Range range(Field f) {
            if (!f.present()) {
                throw error(f, "missing; give a number or [min, max]");
            }
            if (f.node().isNumber()) {
                double v = f.node().asDouble();
                return build(f, () -> Range.fixed(v));
            }
            if (f.node().isArray() && f.node().size() == 2) {
                double min = number(f.element(0));
                double max = number(f.element(1));
                return build(f, () -> new Range(min, max));
            }
            throw error(f, "expected a number or [min, max], but was " + f.node());
        }

        Application application(Field f, Map<String, TaskKind> kinds) {
            knownKeys(f, "name", "tasks", "edges");
            String name = text(f.child("name"));
            List<TaskSpec> tasks = list(f.child("tasks"), t -> task(t, kinds));
            List<String> taskNames = tasks.stream().map(TaskSpec::name).toList();
            Field edgesField = f.child("edges");
            List<DagEdge> edges = edgesField.present() ? list(edgesField, e -> {
                if (!e.node().isArray() || e.node().size() != 2) {
                    throw error(e, "expected [from, to], but was " + e.node());
                }
                String from = text(e.element(0));
                String to = text(e.element(1));
                if (!taskNames.contains(from)) {
                    throw error(e.element(0), "unknown task '" + from + "' in application " + name);
                }
                if (!taskNames.contains(to)) {
                    throw error(e.element(1), "unknown task '" + to + "' in application " + name);
                }
                return new DagEdge(from, to);
            }) : List.of();
            return build(f, () -> new Application(name, tasks, edges));
        }

        TaskSpec task(Field f, Map<String, TaskKind> kinds) {
            knownKeys(f, "name", "kind", "memoryGb", "offloadable", "mi", "inKB", "outKB");
            String name = text(f.child("name"));
            Field kindField = f.child("kind");
            String kindName = text(kindField);
            TaskKind kind = kinds.get(kindName);
            if (kind == null) {
                throw error(kindField, "unknown task kind '" + kindName + "'; known: " + kinds.keySet());
            }
            if (f.child("mi").present() || f.child("inKB").present() || f.child("outKB").present()) {
                Range mi = f.child("mi").present() ? range(f.child("mi")) : kind.millionInstructions();
                Range in = f.child("inKB").present() ? range(f.child("inKB")) : kind.inKB();
                Range out = f.child("outKB").present() ? range(f.child("outKB")) : kind.outKB();
                kind = new TaskKind(kindName, mi, in, out);
            }
            Field off = f.child("offloadable");
            if (!off.present() || !off.node().isBoolean()) {
                throw error(off, "expected true or false, but was " + (off.present() ? off.node() : "nothing"));
            }
            TaskKind k = kind;
            return build(f, () -> new TaskSpec(name, k, optionalNumber(f.child("memoryGb"), 0),
                    off.node().booleanValue()));
        }

        DevicePower devicePower(Field f) {
            knownKeys(f, "uplinkWatts", "downlinkWatts", "localExecutionWatts", "idleWatts", "batteryJoules");
            return build(f, () -> new DevicePower(number(f.child("uplinkWatts")), number(f.child("downlinkWatts")),
                    number(f.child("localExecutionWatts")), number(f.child("idleWatts")),
                    number(f.child("batteryJoules"))));
        }

        ExperimentConfig configuration(Field f, List<Site> sites) {
            knownKeys(f, "id", "nodes");
            int id = integer(f.child("id"));
            Map<String, TraceNode> nodes = new LinkedHashMap<>();
            List<String> remote = sites.stream().filter(Site::isRemote).map(Site::id).toList();
            for (Map.Entry<String, Field> e : entries(f.child("nodes")).entrySet()) {
                if (!remote.contains(e.getKey())) {
                    throw error(e.getValue(), "unknown remote site '" + e.getKey() + "'; known: " + remote);
                }
                Field n = e.getValue();
                knownKeys(n, "system", "node");
                int system = integer(n.child("system"));
                int node = integer(n.child("node"));
                nodes.put(e.getKey(), build(n, () -> new TraceNode(system, node)));
            }
            return build(f, () -> new ExperimentConfig(id, nodes));
        }

        <T> List<T> list(Field f, java.util.function.Function<Field, T> element) {
            if (!f.present()) {
                throw error(f, "missing; expected a list");
            }
            if (!f.node().isArray()) {
                throw error(f, "expected a list, but was " + f.node().getNodeType().toString().toLowerCase());
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < f.node().size(); i++) {
                out.add(element.apply(f.element(i)));
            }
            return out;
        }

        Map<String, Field> entries(Field f) {
            if (!f.present()) {
                throw error(f, "missing; expected a mapping");
            }
            if (!f.node().isObject()) {
                throw error(f, "expected a mapping, but was " + f.node().getNodeType().toString().toLowerCase());
            }
            Map<String, Field> out = new LinkedHashMap<>();
            Iterator<String> names = f.node().fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                out.put(n, f.child(n));
            }
            return out;
        }

        void knownKeys(Field f, String... keys) {
            if (!f.present()) {
                throw error(f, "missing");
            }
            if (!f.node().isObject()) {
                throw error(f, "expected a mapping, but was " + f.node());
            }
            List<String> known = Arrays.asList(keys);
            Iterator<String> names = f.node().fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!known.contains(n)) {
                    throw error(f.child(n), "unknown field '" + n + "'; known fields: " + known);
                }
            }
        }

        String text(Field f) {
            if (!f.present()) {
                throw error(f, "missing");
            }
            if (!f.node().isTextual() && !f.node().isNumber()) {
                throw error(f, "expected text, but was " + f.node());
            }
            String s = f.node().asText();
            if (s.isBlank()) {
                throw error(f, "must not be blank");
            }
            return s;
        }

        double number(Field f) {
            if (!f.present()) {
                throw error(f, "missing");
            }
            if (!f.node().isNumber()) {
                throw error(f, "expected a number, but was " + f.node());
            }
            return f.node().asDouble();
        }

        double optionalNumber(Field f, double fallback) {
            return f.present() ? number(f) : fallback;
        }

        int integer(Field f) {
            double v = number(f);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw error(f, "expected a whole number, but was " + f.node());
            }
            return (int) v;
        }

        <T> T build(Field f, java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (ScenarioException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error(f, e.getMessage());
            }
        }
    }

    private static final class Writer {
        private static final JsonNodeFactory F = JsonNodeFactory.instance;

        static ObjectNode scenario(Scenario s) {
            ObjectNode root = F.objectNode();
            root.put("name", s.name());
            ArrayNode sites = root.putArray("sites");
            for (Site site : s.sites()) {
                ObjectNode n = sites.addObject();
                n.put("id", site.id());
                n.put("kind", site.kind().name());
                n.put("mips", site.mips());
                n.put("cores", site.cores());
                n.put("memoryGb", site.memoryGb());
                n.put("storageGb", site.storageGb());
            }
            ArrayNode links = root.putArray("links");
            for (Link link : s.links()) {
                ObjectNode n = links.addObject();
                n.putArray("between").add(link.siteA()).add(link.siteB());
                n.put("latencyMillis", link.latency().fixedMillis());
                if (link.latency().isDistribution()) {
                    ObjectNode normal = n.putObject("latencyNormal");
                    normal.put("meanMillis", link.latency().normalMeanMillis());
                    normal.put("sdMillis", link.latency().normalSdMillis());
                }
                n.put("bandwidthKBps", link.bandwidthKBps());
            }
            ObjectNode kinds = root.putObject("taskKinds");
            for (TaskKind kind : s.taskKinds()) {
                ObjectNode n = kinds.putObject(kind.name());
                range(n, "mi", kind.millionInstructions());
                range(n, "inKB", kind.inKB());
                range(n, "outKB", kind.outKB());
            }
            Map<String, TaskKind> kindsByName = new LinkedHashMap<>();
            s.taskKinds().forEach(k -> kindsByName.put(k.name(), k));
            ArrayNode apps = root.putArray("applications");
            for (Application app : s.applications()) {
                ObjectNode a = apps.addObject();
                a.put("name", app.name());
                ArrayNode tasks = a.putArray("tasks");
                for (TaskSpec task : app.tasks()) {
                    ObjectNode t = tasks.addObject();
                    t.put("name", task.name());
                    t.put("kind", task.kind().name());
                    t.put("memoryGb", task.memoryGb());
                    t.put("offloadable", task.offloadable());
                    TaskKind declared = kindsByName.get(task.kind().name());
                    if (declared == null || !declared.millionInstructions().equals(task.kind().millionInstructions())) {
                        range(t, "mi", task.kind().millionInstructions());
                    }
                    if (declared == null || !declared.inKB().equals(task.kind().inKB())) {
                        range(t, "inKB", task.kind().inKB());
                    }
                    if (declared == null || !declared.outKB().equals(task.kind().outKB())) {
                        range(t, "outKB", task.kind().outKB());
                    }
                }
                ArrayNode edges = a.putArray("edges");
                for (DagEdge edge : app.edges()) {
                    edges.addArray().add(edge.from()).add(edge.to());
                }
            }
            ObjectNode workload = root.putObject("workload");
            s.workload().probabilities().forEach(workload::put);
            ObjectNode power = root.putObject("devicePower");
            power.put("uplinkWatts", s.devicePower().uplinkWatts());
            power.put("downlinkWatts", s.devicePower().downlinkWatts());
            power.put("localExecutionWatts", s.devicePower().localExecutionWatts());
            power.put("idleWatts", s.devicePower().idleWatts());
            power.put("batteryJoules", s.devicePower().batteryJoules());
            ObjectNode weights = root.putObject("costWeights");
            weights.put("time", s.costWeights().time());
            weights.put("energy", s.costWeights().energy());
            root.put("failureDetectionSeconds", s.failureDetectionSeconds());
            ArrayNode configs = root.putArray("configurations");
            for (ExperimentConfig config : s.configurations()) {
                ObjectNode c = configs.addObject();
                c.put("id", config.id());
                ObjectNode nodes = c.putObject("nodes");
                config.nodes().forEach((site, node) -> {
                    ObjectNode n = nodes.putObject(site);
                    n.put("system", node.system());
                    n.put("node", node.node());
                });
            }
            FleetWriter.write(root, s.fleet());
            return root;
        }

        private static void range(ObjectNode parent, String field, Range range) {
            if (range.isFixed()) {
                parent.put(field, range.min());
            } else {
                parent.putArray(field).add(range.min()).add(range.max());
            }
        }
    }
}
