package io.edgeoff.experiment;

import io.edgeoff.database.Database;
import io.edgeoff.database.DetectionCause;
import io.edgeoff.database.DetectorObservation;
import io.edgeoff.database.RunMode;
import io.edgeoff.database.RunSpec;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.detector.SuspicionEpisode;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.OutcomeSink;
import io.edgeoff.device.runtime.TaskOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Records a live comparison in the parameter database: one LIVE run per policy with every task's final
 * outcome (written per execution, in one transaction), and the failure detector's observations (detection
 * latency of each suspicion, false suspicions) once per comparison. {@link #close()} marks the runs finished.
 */
final class DatabaseOutcomeSink implements OutcomeSink, AutoCloseable {
    private final Database db;
    private final String scenarioName;
    private final long seed;
    private final OptionalInt configurationId;
    private final String description;
    private final Map<String, Long> runs = new LinkedHashMap<>();
    private boolean detectionRecorded;

    DatabaseOutcomeSink(Database db, String scenarioName, long seed, OptionalInt configurationId, String description) {
        this.db = db;
        this.scenarioName = scenarioName;
        this.seed = seed;
        this.configurationId = configurationId;
        this.description = description;
    }

    @Override
    public void task(TaskOutcome outcome) {
        // written with its execution, in one transaction
    }

    @Override
    public synchronized void execution(ExecutionResult result) {
        long run = runs.computeIfAbsent(result.runId(), id -> db.runs().start(
                new RunSpec(scenarioName, result.policy(), RunMode.LIVE, configurationId, seed, description)));
        List<io.edgeoff.database.TaskOutcome> rows = new ArrayList<>();
        for (TaskOutcome t : result.tasks()) {
            rows.add(new io.edgeoff.database.TaskOutcome(t.execution(), t.taskIndex(), t.application(), t.taskName(),
                    t.completed() ? t.siteId() : "LOST", t.seconds(), t.energyJoules(), (int) t.failures()));
        }
        db.runs().addOutcomes(run, rows);
    }

    @Override
    public synchronized void detection(String runId, DetectionStats stats) {
        if (detectionRecorded) {
            return;
        }
        detectionRecorded = true;
        db.detector().recordAll(observations(stats));
    }

    static List<DetectorObservation> observations(DetectionStats stats) {
        List<DetectorObservation> list = new ArrayList<>();
        for (SuspicionEpisode e : stats.episodes()) {
            Instant at = e.suspectedAt() == null ? Instant.now() : e.suspectedAt();
            DetectionCause cause = cause(e.cause());
            list.add(e.falseSuspicion() ? DetectorObservation.falseSuspicion(e.siteId(), at, cause)
                    : DetectorObservation.detected(e.siteId(), at, cause, Math.max(0, e.detectionLatencyMillis())));
        }
        return list;
    }

    static DetectionCause cause(String cause) {
        return switch (cause) {
            case "REFUSED" -> DetectionCause.REFUSED;
            case "SERVER_ERROR" -> DetectionCause.SERVER_ERROR;
            case "TIMEOUT" -> DetectionCause.TIMEOUT;
            case FailureDetector.SILENCE -> DetectionCause.MISSED_HEARTBEAT;
            default -> DetectionCause.OTHER;
        };
    }

    /** @return database run id per device run id */
    synchronized Map<String, Long> runs() {
        return Map.copyOf(runs);
    }

    @Override
    public synchronized void close() {
        runs.values().forEach(id -> db.runs().finish(id));
    }
}
