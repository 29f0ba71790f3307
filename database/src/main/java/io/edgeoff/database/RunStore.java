package io.edgeoff.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Experiment runs and their per-task outcomes. */
public final class RunStore {
    private final Database db;

    RunStore(Database db) {
        this.db = db;
    }

    /** Records the start of a run (now, by the database's clock). @return the run's id */
    public long start(RunSpec spec) {
        return db.inTransaction("cannot start a run of policy '" + spec.policy() + "'", h ->
                h.createUpdate("INSERT INTO experiment_runs (scenario_name, policy, mode, configuration_id, seed, "
                                + "started_at, description) "
                                + "VALUES (:scenario, :policy, :mode, :config, :seed, :started, :description)")
                        .bind("scenario", spec.scenarioName())
                        .bind("policy", spec.policy())
                        .bind("mode", spec.mode().name())
                        .bind("config", spec.configurationId().isPresent() ? spec.configurationId().getAsInt() : null)
                        .bind("seed", spec.seed())
                        .bind("started", Timestamps.toDatabase(db.clock().instant()))
                        .bind("description", spec.description())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }

    /** Records that a run finished (now). @throws DatabaseException when there is no such run */
    public void finish(long runId) {
        db.inTransaction("cannot finish run " + runId, h -> {
            int updated = h.createUpdate("UPDATE experiment_runs SET finished_at = :finished WHERE id = :id")
                    .bind("finished", Timestamps.toDatabase(db.clock().instant()))
                    .bind("id", runId)
                    .execute();
            if (updated == 0) {
                throw new DatabaseException("cannot finish run " + runId + ": no such run", null);
            }
            return null;
        });
    }

    /** Adds outcomes to a run in one transaction (all or none). */
    public void addOutcomes(long runId, List<TaskOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        db.inTransaction("cannot add " + outcomes.size() + " task outcomes to run " + runId, h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO task_outcomes (run_id, execution_index, task_index, "
                    + "application_name, task_name, site_id, time_seconds, energy_joules, failed_attempts) "
                    + "VALUES (:run, :execution, :task, :app, :name, :site, :time, :energy, :failed)");
            for (TaskOutcome o : outcomes) {
                batch.bind("run", runId).bind("execution", o.executionIndex()).bind("task", o.taskIndex())
                        .bind("app", o.applicationName()).bind("name", o.taskName()).bind("site", o.siteId())
                        .bind("time", o.timeSeconds()).bind("energy", o.energyJoules())
                        .bind("failed", o.failedAttempts()).add();
            }
            batch.execute();
            return null;
        });
    }

    public Optional<ExperimentRun> find(long runId) {
        return db.withHandle("cannot read run " + runId, h ->
                h.createQuery("SELECT * FROM experiment_runs WHERE id = :id").bind("id", runId)
                        .map((rs, ctx) -> run(rs)).findOne());
    }

    /** @return all runs, newest first */
    public List<ExperimentRun> list() {
        return db.withHandle("cannot list runs", h ->
                h.createQuery("SELECT * FROM experiment_runs ORDER BY started_at DESC, id DESC")
                        .map((rs, ctx) -> run(rs)).list());
    }

    /** @return the outcomes of a run by execution and task index */
    public List<TaskOutcome> outcomes(long runId) {
        return db.withHandle("cannot read the outcomes of run " + runId, h ->
                h.createQuery("SELECT * FROM task_outcomes WHERE run_id = :run ORDER BY execution_index, task_index")
                        .bind("run", runId)
                        .map((rs, ctx) -> new TaskOutcome(rs.getInt("execution_index"), rs.getInt("task_index"),
                                rs.getString("application_name"), rs.getString("task_name"), rs.getString("site_id"),
                                rs.getDouble("time_seconds"), rs.getDouble("energy_joules"),
                                rs.getInt("failed_attempts")))
                        .list());
    }

    /** Totals of a run, computed in the database. */
    public RunSummary summary(long runId) {
        return db.withHandle("cannot summarise run " + runId, h -> {
            Map<String, Long> perSite = new LinkedHashMap<>();
            h.createQuery("SELECT site_id, COUNT(*) AS n FROM task_outcomes WHERE run_id = :run "
                            + "GROUP BY site_id ORDER BY site_id")
                    .bind("run", runId)
                    .map((rs, ctx) -> Map.entry(rs.getString("site_id"), rs.getLong("n")))
                    .forEach(e -> perSite.put(e.getKey(), e.getValue()));
            return h.createQuery("SELECT COUNT(DISTINCT execution_index) AS executions, COUNT(*) AS tasks, "
                            + "COALESCE(SUM(time_seconds), 0) AS time_total, "
                            + "COALESCE(SUM(energy_joules), 0) AS energy_total, "
                            + "COALESCE(SUM(failed_attempts), 0) AS failed "
                            + "FROM task_outcomes WHERE run_id = :run")
                    .bind("run", runId)
                    .map((rs, ctx) -> new RunSummary(runId, rs.getLong("executions"), rs.getLong("tasks"),
                            rs.getDouble("time_total"), rs.getDouble("energy_total"), rs.getLong("failed"), perSite))
                    .one();
        });
    }

    private static ExperimentRun run(ResultSet rs) throws SQLException {
        int config = rs.getInt("configuration_id");
        OptionalInt configurationId = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(config);
        RunSpec spec = new RunSpec(rs.getString("scenario_name"), rs.getString("policy"),
                RunMode.valueOf(rs.getString("mode")), configurationId, rs.getLong("seed"), rs.getString("description"));
        return new ExperimentRun(rs.getLong("id"), spec, Timestamps.fromDatabase(rs, "started_at"),
                Optional.ofNullable(Timestamps.fromDatabase(rs, "finished_at")));
    }
}
