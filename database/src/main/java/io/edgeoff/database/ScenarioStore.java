package io.edgeoff.database;

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
import io.edgeoff.common.site.SiteKind;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Scenarios in the parameter database: sites (with their service URL), links, task kinds,
 * applications, tasks, DAG edges, workload mix, the experiment configurations with their node
 * candidates, and the optional devices, cells and handover rule ({@link FleetRows}). {@link #load}
 * gives back exactly the scenario that was saved (same order, same numbers), so {@code ScenarioYaml.write(load(s.name()))} equals {@code ScenarioYaml.write(s)}.
 */
public final class ScenarioStore {
    private final Database db;

    ScenarioStore(Database db) {
        this.db = db;
    }

    /**
     * Saves a new scenario. @throws DatabaseException when one with the same name exists
     * @throws io.edgeoff.common.scenario.ScenarioException when a value exceeds the schema's limits
     *     ({@link ScenarioLimits}), before anything is written
     */
    public void save(Scenario scenario) {
        checkLimits(scenario);
        db.inTransaction("cannot save scenario '" + scenario.name() + "'", h -> {
            if (idOf(h, scenario.name()).isPresent()) {
                throw new DatabaseException("cannot save scenario '" + scenario.name()
                        + "': a scenario with that name is already in the database; replace it with "
                        + "'edgeoff db import --replace' or delete it first", null);
            }
            insert(h, scenario, Map.of());
            return null;
        });
    }

    /**
     * Saves a scenario unless one with the same name is stored (used to load the built-in
     * {@code seed} scenario on {@code edgeoff db migrate}). @return true when it was saved
     */
    public boolean saveIfAbsent(Scenario scenario) {
        checkLimits(scenario);
        return db.inTransaction("cannot save scenario '" + scenario.name() + "'", h -> {
            if (idOf(h, scenario.name()).isPresent()) {
                return false;
            }
            insert(h, scenario, Map.of());
            return true;
        });
    }

    /**
     * Saves a scenario, replacing one with the same name in the same transaction. Service URLs of
     * sites that keep their id are kept; when anything fails the stored scenario stays as it was.
     * @return true when a scenario was replaced
     */
    public boolean replace(Scenario scenario) {
        checkLimits(scenario);
        return db.inTransaction("cannot replace scenario '" + scenario.name() + "'", h -> {
            Optional<Long> existing = idOf(h, scenario.name());
            Map<String, URI> urls = existing.isPresent() ? serviceUrls(h, existing.get()) : Map.of();
            existing.ifPresent(id -> deleteById(h, id));
            insert(h, scenario, urls);
            return existing.isPresent();
        });
    }

    /** @return the stored scenario with this name, if any */
    public Optional<Scenario> find(String name) {
        return db.withHandle("cannot read scenario '" + name + "'", h -> idOf(h, name).map(id -> read(h, id, name)));
    }

    /** @throws DatabaseException naming the stored scenarios when there is none called {@code name} */
    public Scenario load(String name) {
        return find(name).orElseThrow(() -> new DatabaseException("no scenario named '" + name
                + "' in the database; stored scenarios: " + names(), null));
    }

    /** @return the names of the stored scenarios, alphabetically */
    public List<String> names() {
        return db.withHandle("cannot list scenarios", h -> h.createQuery("SELECT name FROM scenarios ORDER BY name")
                .mapTo(String.class).list());
    }

    /** Deletes a scenario and all its parameters. @return true when it existed */
    public boolean delete(String name) {
        return db.inTransaction("cannot delete scenario '" + name + "'", h -> {
            Optional<Long> id = idOf(h, name);
            id.ifPresent(i -> deleteById(h, i));
            return id.isPresent();
        });
    }

    /**
     * Sets (or with an empty value clears) the URL of a remote site's offloading service, e.g.
     * {@code http://10.0.0.5:8080}.
     */
    public void setServiceUrl(String scenario, String siteId, Optional<URI> url) {
        url.ifPresent(u -> {
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new IllegalArgumentException("service URL of site " + siteId + " must be http:// or https://, "
                        + "but was " + u);
            }
            ScenarioLimits.checkServiceUrl(siteId, u);
        });
        String action = "cannot set the service URL of site '" + siteId + "' in scenario '" + scenario + "'";
        db.inTransaction(action, h -> {
            long id = idOf(h, scenario).orElseThrow(() -> new DatabaseException(action
                    + ": no such scenario; stored scenarios: " + allNames(h), null));
            int updated = h.createUpdate("UPDATE offloading_sites SET service_url = :url "
                            + "WHERE scenario_id = :scenario AND site_id = :site")
                    .bind("url", url.map(URI::toString).orElse(null))
                    .bind("scenario", id)
                    .bind("site", siteId)
                    .execute();
            if (updated == 0) {
                throw new DatabaseException(action + ": no such site; sites: " + siteIds(h, id), null);
            }
            return null;
        });
    }

    /** @return site id to service URL, for the sites of {@code scenario} that have one */
    public Map<String, URI> serviceUrls(String scenario) {
        String action = "cannot read service URLs of scenario '" + scenario + "'";
        return db.withHandle(action, h -> serviceUrls(h, idOf(h, scenario).orElseThrow(() ->
                new DatabaseException(action + ": no such scenario; stored scenarios: " + allNames(h), null))));
    }

    private static void checkLimits(Scenario scenario) {
        ScenarioLimits.check(scenario, "scenario '" + ScenarioLimits.shown(scenario.name()) + "'");
    }

    private static Optional<Long> idOf(Handle h, String name) {
        return h.createQuery("SELECT id FROM scenarios WHERE name = :name").bind("name", name)
                .mapTo(Long.class).findOne();
    }

    private static List<String> allNames(Handle h) {
        return h.createQuery("SELECT name FROM scenarios ORDER BY name").mapTo(String.class).list();
    }

    private static List<String> siteIds(Handle h, long id) {
        return h.createQuery("SELECT site_id FROM offloading_sites WHERE scenario_id = :id ORDER BY position")
                .bind("id", id).mapTo(String.class).list();
    }

    private static Map<String, URI> serviceUrls(Handle h, long id) {
        Map<String, URI> urls = new LinkedHashMap<>();
        h.createQuery("SELECT site_id, service_url FROM offloading_sites "
                        + "WHERE scenario_id = :id AND service_url IS NOT NULL ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("site_id"), URI.create(rs.getString("service_url"))))
                .forEach(e -> urls.put(e.getKey(), e.getValue()));
        return urls;
    }

    private static void deleteById(Handle h, long id) {
        // Children first, so the order never depends on cascade paths.
        for (String table : FleetRows.TABLES) {
            h.createUpdate("DELETE FROM " + table + " WHERE scenario_id = :id").bind("id", id).execute();
        }
        for (String table : List.of("node_candidates", "configurations", "workload_mix", "dag_edges", "tasks",
                "applications", "task_kinds", "links", "offloading_sites")) {
            h.createUpdate("DELETE FROM " + table + " WHERE scenario_id = :id").bind("id", id).execute();
        }
        h.createUpdate("DELETE FROM scenarios WHERE id = :id").bind("id", id).execute();
    }

    // ---- writing ----

    private void insert(Handle h, Scenario s, Map<String, URI> keepUrls) {
        DevicePower p = s.devicePower();
        long id = h.createUpdate("INSERT INTO scenarios (name, uplink_watts, downlink_watts, local_execution_watts, "
                        + "idle_watts, battery_joules, time_weight, energy_weight, failure_detection_seconds, imported_at) "
                        + "VALUES (:name, :up, :down, :local, :idle, :battery, :time, :energy, :detection, :at)")
                .bind("name", s.name())
                .bind("up", p.uplinkWatts())
                .bind("down", p.downlinkWatts())
                .bind("local", p.localExecutionWatts())
                .bind("idle", p.idleWatts())
                .bind("battery", p.batteryJoules())
                .bind("time", s.costWeights().time())
                .bind("energy", s.costWeights().energy())
                .bind("detection", s.failureDetectionSeconds())
                .bind("at", Timestamps.toDatabase(db.clock().instant()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        insertSites(h, id, s.sites(), keepUrls);
        insertLinks(h, id, s.links());
        insertTaskKinds(h, id, s.taskKinds());
        insertApplications(h, id, s.applications());
        insertWorkload(h, id, s.workload());
        insertConfigurations(h, id, s.configurations());
        FleetRows.insert(h, id, s.fleet());
    }

    private static void insertSites(Handle h, long id, List<Site> sites, Map<String, URI> urls) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO offloading_sites (scenario_id, site_id, position, kind, mips, "
                + "cores, memory_gb, storage_gb, service_url) "
                + "VALUES (:scenario, :site, :position, :kind, :mips, :cores, :memory, :storage, :url)");
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            batch.bind("scenario", id).bind("site", site.id()).bind("position", i).bind("kind", site.kind().name())
                    .bind("mips", site.mips()).bind("cores", site.cores()).bind("memory", site.memoryGb())
                    .bind("storage", site.storageGb())
                    .bind("url", Optional.ofNullable(urls.get(site.id())).map(URI::toString).orElse(null))
                    .add();
        }
        execute(batch);
    }

    private static void insertLinks(Handle h, long id, List<Link> links) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO links (scenario_id, position, site_a, site_b, latency_millis, "
                + "latency_normal_mean_millis, latency_normal_sd_millis, bandwidth_kbps) "
                + "VALUES (:scenario, :position, :a, :b, :latency, :mean, :sd, :bandwidth)");
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            batch.bind("scenario", id).bind("position", i).bind("a", link.siteA()).bind("b", link.siteB())
                    .bind("latency", link.latency().fixedMillis()).bind("mean", link.latency().normalMeanMillis())
                    .bind("sd", link.latency().normalSdMillis()).bind("bandwidth", link.bandwidthKBps())
                    .add();
        }
        execute(batch);
    }

    private static void insertTaskKinds(Handle h, long id, List<TaskKind> kinds) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO task_kinds (scenario_id, name, position, mi_min, mi_max, "
                + "in_kb_min, in_kb_max, out_kb_min, out_kb_max) "
                + "VALUES (:scenario, :name, :position, :miMin, :miMax, :inMin, :inMax, :outMin, :outMax)");
        for (int i = 0; i < kinds.size(); i++) {
            TaskKind kind = kinds.get(i);
            bindRanges(batch.bind("scenario", id).bind("name", kind.name()).bind("position", i), kind).add();
        }
        execute(batch);
    }

    private static void insertApplications(Handle h, long id, List<Application> apps) {
        PreparedBatch appBatch = h.prepareBatch("INSERT INTO applications (scenario_id, name, position) "
                + "VALUES (:scenario, :name, :position)");
        for (int i = 0; i < apps.size(); i++) {
            appBatch.bind("scenario", id).bind("name", apps.get(i).name()).bind("position", i).add();
        }
        execute(appBatch);
        PreparedBatch taskBatch = h.prepareBatch("INSERT INTO tasks (scenario_id, application_name, name, position, "
                + "kind_name, memory_gb, offloadable, mi_min, mi_max, in_kb_min, in_kb_max, out_kb_min, out_kb_max) "
                + "VALUES (:scenario, :app, :name, :position, :kind, :memory, :offloadable, "
                + ":miMin, :miMax, :inMin, :inMax, :outMin, :outMax)");
        PreparedBatch edgeBatch = h.prepareBatch("INSERT INTO dag_edges (scenario_id, application_name, position, "
                + "from_task, to_task) VALUES (:scenario, :app, :position, :from, :to)");
        for (Application app : apps) {
            for (int t = 0; t < app.tasks().size(); t++) {
                TaskSpec task = app.tasks().get(t);
                bindRanges(taskBatch.bind("scenario", id).bind("app", app.name()).bind("name", task.name())
                        .bind("position", t).bind("kind", task.kind().name()).bind("memory", task.memoryGb())
                        .bind("offloadable", task.offloadable()), task.kind()).add();
            }
            for (int e = 0; e < app.edges().size(); e++) {
                DagEdge edge = app.edges().get(e);
                edgeBatch.bind("scenario", id).bind("app", app.name()).bind("position", e)
                        .bind("from", edge.from()).bind("to", edge.to()).add();
            }
        }
        execute(taskBatch);
        execute(edgeBatch);
    }

    private static void insertWorkload(Handle h, long id, WorkloadMix mix) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO workload_mix (scenario_id, application_name, position, "
                + "probability) VALUES (:scenario, :app, :position, :probability)");
        int position = 0;
        for (Map.Entry<String, Double> e : mix.probabilities().entrySet()) {
            batch.bind("scenario", id).bind("app", e.getKey()).bind("position", position++)
                    .bind("probability", e.getValue().doubleValue()).add();
        }
        execute(batch);
    }

    private static void insertConfigurations(Handle h, long id, List<ExperimentConfig> configs) {
        PreparedBatch configBatch = h.prepareBatch("INSERT INTO configurations (scenario_id, configuration_id, "
                + "position) VALUES (:scenario, :config, :position)");
        PreparedBatch nodeBatch = h.prepareBatch("INSERT INTO node_candidates (scenario_id, configuration_id, site_id, "
                + "position, trace_system, trace_node) VALUES (:scenario, :config, :site, :position, :system, :node)");
        for (int i = 0; i < configs.size(); i++) {
            ExperimentConfig config = configs.get(i);
            configBatch.bind("scenario", id).bind("config", config.id()).bind("position", i).add();
            int position = 0;
            for (Map.Entry<String, TraceNode> e : config.nodes().entrySet()) {
                nodeBatch.bind("scenario", id).bind("config", config.id()).bind("site", e.getKey())
                        .bind("position", position++).bind("system", e.getValue().system())
                        .bind("node", e.getValue().node()).add();
            }
        }
        execute(configBatch);
        execute(nodeBatch);
    }

    private static PreparedBatch bindRanges(PreparedBatch batch, TaskKind kind) {
        return batch.bind("miMin", kind.millionInstructions().min()).bind("miMax", kind.millionInstructions().max())
                .bind("inMin", kind.inKB().min()).bind("inMax", kind.inKB().max())
                .bind("outMin", kind.outKB().min()).bind("outMax", kind.outKB().max());
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    // ---- reading ----

    private record Header(String name, DevicePower power, CostWeights weights, double detectionSeconds) {
    }

    private static Scenario read(Handle h, long id, String name) {
        try {
            Header header = h.createQuery("SELECT * FROM scenarios WHERE id = :id").bind("id", id)
                    .map((rs, ctx) -> new Header(rs.getString("name"),
                            new DevicePower(rs.getDouble("uplink_watts"), rs.getDouble("downlink_watts"),
                                    rs.getDouble("local_execution_watts"), rs.getDouble("idle_watts"),
                                    rs.getDouble("battery_joules")),
                            new CostWeights(rs.getDouble("time_weight"), rs.getDouble("energy_weight")),
                            rs.getDouble("failure_detection_seconds")))
                    .one();
            return new Scenario(header.name(), sites(h, id), links(h, id), taskKinds(h, id), applications(h, id),
                    workload(h, id), header.power(), header.weights(), header.detectionSeconds(),
                    configurations(h, id), FleetRows.read(h, id));
        } catch (IllegalArgumentException e) {
            if (e instanceof DatabaseException) {
                throw e;
            }
            throw new DatabaseException("scenario '" + name + "' in the database is not a valid scenario: "
                    + e.getMessage(), e);
        }
    }

    private static List<Site> sites(Handle h, long id) {
        return h.createQuery("SELECT * FROM offloading_sites WHERE scenario_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> new Site(rs.getString("site_id"), SiteKind.valueOf(rs.getString("kind")),
                        rs.getDouble("mips"), rs.getInt("cores"), rs.getDouble("memory_gb"), rs.getDouble("storage_gb")))
                .list();
    }

    private static List<Link> links(Handle h, long id) {
        return h.createQuery("SELECT * FROM links WHERE scenario_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> new Link(rs.getString("site_a"), rs.getString("site_b"),
                        new LatencySpec(rs.getDouble("latency_millis"), rs.getDouble("latency_normal_mean_millis"),
                                rs.getDouble("latency_normal_sd_millis")),
                        rs.getDouble("bandwidth_kbps")))
                .list();
    }

    private static List<TaskKind> taskKinds(Handle h, long id) {
        return h.createQuery("SELECT * FROM task_kinds WHERE scenario_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> kind(rs, rs.getString("name")))
                .list();
    }

    private static TaskKind kind(ResultSet rs, String name) throws SQLException {
        return new TaskKind(name, new Range(rs.getDouble("mi_min"), rs.getDouble("mi_max")),
                new Range(rs.getDouble("in_kb_min"), rs.getDouble("in_kb_max")),
                new Range(rs.getDouble("out_kb_min"), rs.getDouble("out_kb_max")));
    }

    private static List<Application> applications(Handle h, long id) {
        Map<String, List<TaskSpec>> tasks = new LinkedHashMap<>();
        Map<String, List<DagEdge>> edges = new LinkedHashMap<>();
        List<String> names = h.createQuery("SELECT name FROM applications WHERE scenario_id = :id ORDER BY position")
                .bind("id", id).mapTo(String.class).list();
        names.forEach(n -> {
            tasks.put(n, new ArrayList<>());
            edges.put(n, new ArrayList<>());
        });
        h.createQuery("SELECT * FROM tasks WHERE scenario_id = :id ORDER BY application_name, position")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("application_name"), new TaskSpec(rs.getString("name"),
                        kind(rs, rs.getString("kind_name")), rs.getDouble("memory_gb"), rs.getBoolean("offloadable"))))
                .forEach(e -> tasks.get(e.getKey()).add(e.getValue()));
        h.createQuery("SELECT * FROM dag_edges WHERE scenario_id = :id ORDER BY application_name, position")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("application_name"),
                        new DagEdge(rs.getString("from_task"), rs.getString("to_task"))))
                .forEach(e -> edges.get(e.getKey()).add(e.getValue()));
        return names.stream().map(n -> new Application(n, tasks.get(n), edges.get(n))).toList();
    }

    private static WorkloadMix workload(Handle h, long id) {
        Map<String, Double> mix = new LinkedHashMap<>();
        h.createQuery("SELECT application_name, probability FROM workload_mix WHERE scenario_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("application_name"), rs.getDouble("probability")))
                .forEach(e -> mix.put(e.getKey(), e.getValue()));
        return new WorkloadMix(mix);
    }

    private static List<ExperimentConfig> configurations(Handle h, long id) {
        Map<Integer, Map<String, TraceNode>> nodes = new LinkedHashMap<>();
        h.createQuery("SELECT configuration_id FROM configurations WHERE scenario_id = :id ORDER BY position")
                .bind("id", id).mapTo(Integer.class)
                .forEach(c -> nodes.put(c, new LinkedHashMap<>()));
        h.createQuery("SELECT * FROM node_candidates WHERE scenario_id = :id ORDER BY configuration_id, position")
                .bind("id", id)
                .map((rs, ctx) -> new Object[] {rs.getInt("configuration_id"), rs.getString("site_id"),
                    new TraceNode(rs.getInt("trace_system"), rs.getInt("trace_node"))})
                .forEach(row -> nodes.get((Integer) row[0]).put((String) row[1], (TraceNode) row[2]));
        List<ExperimentConfig> configs = new ArrayList<>();
        nodes.forEach((config, candidates) -> configs.add(new ExperimentConfig(config, candidates)));
        return configs;
    }

}
