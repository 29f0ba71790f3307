package io.edgeoff.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Failure-estimation data of the device's failure detector: each detected failure (with its
 * detection latency) and each false suspicion, and per-site counts computed from them.
 */
public final class DetectorStore {
    private static final String INSERT = "INSERT INTO detector_observations (site_id, observed_at, outcome, cause, "
            + "detection_latency_millis, run_id) VALUES (:site, :at, :outcome, :cause, :latency, :run)";

    private final Database db;

    DetectorStore(Database db) {
        this.db = db;
    }

    public void record(DetectorObservation observation) {
        recordAll(List.of(observation));
    }

    /** Stores observations in one transaction (all or none). */
    public void recordAll(List<DetectorObservation> observations) {
        if (observations.isEmpty()) {
            return;
        }
        db.inTransaction("cannot record " + observations.size() + " failure-detector observations", h -> {
            PreparedBatch batch = h.prepareBatch(INSERT);
            for (DetectorObservation o : observations) {
                batch.bind("site", o.siteId())
                        .bind("at", Timestamps.toDatabase(o.observedAt()))
                        .bind("outcome", o.outcome().name())
                        .bind("cause", o.cause().name())
                        .bind("latency", o.detectionLatencyMillis().isPresent()
                                ? o.detectionLatencyMillis().getAsDouble() : null)
                        .bind("run", o.runId().isPresent() ? o.runId().getAsLong() : null)
                        .add();
            }
            batch.execute();
            return null;
        });
    }

    /** @return the observations of one site, oldest first */
    public List<DetectorObservation> forSite(String siteId) {
        return db.withHandle("cannot read failure-detector observations of site '" + siteId + "'", h ->
                h.createQuery("SELECT * FROM detector_observations WHERE site_id = :site ORDER BY observed_at, id")
                        .bind("site", siteId)
                        .map((rs, ctx) -> observation(rs))
                        .list());
    }

    /** @return per-site counts and detection latencies, by site id */
    public List<SiteDetectorStats> statsBySite() {
        return db.withHandle("cannot summarise failure-detector observations", h ->
                h.createQuery("SELECT site_id, "
                                + "SUM(CASE WHEN outcome = 'FAILURE_DETECTED' THEN 1 ELSE 0 END) AS detected, "
                                + "SUM(CASE WHEN outcome = 'FALSE_SUSPICION' THEN 1 ELSE 0 END) AS false_suspicions, "
                                + "AVG(CASE WHEN outcome = 'FAILURE_DETECTED' THEN detection_latency_millis END) AS mean_latency, "
                                + "MAX(CASE WHEN outcome = 'FAILURE_DETECTED' THEN detection_latency_millis END) AS max_latency "
                                + "FROM detector_observations GROUP BY site_id ORDER BY site_id")
                        .map((rs, ctx) -> new SiteDetectorStats(rs.getString("site_id"), rs.getLong("detected"),
                                rs.getLong("false_suspicions"), optionalDouble(rs, "mean_latency"),
                                optionalDouble(rs, "max_latency")))
                        .list());
    }

    private static DetectorObservation observation(ResultSet rs) throws SQLException {
        OptionalDouble latency = optionalDouble(rs, "detection_latency_millis");
        long run = rs.getLong("run_id");
        OptionalLong runId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(run);
        return new DetectorObservation(rs.getString("site_id"), Timestamps.fromDatabase(rs, "observed_at"),
                DetectionOutcome.valueOf(rs.getString("outcome")), DetectionCause.valueOf(rs.getString("cause")),
                latency, runId);
    }

    private static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
