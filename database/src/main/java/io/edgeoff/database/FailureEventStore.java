package io.edgeoff.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Failure events reported by offloading sites (the sites' failure monitors). */
public final class FailureEventStore {
    private static final String COLUMNS = "id, site_id, kind, started_at, ended_at, detail";

    private final Database db;

    FailureEventStore(Database db) {
        this.db = db;
    }

    /** Stores one event. @return its id */
    public long record(FailureEvent event) {
        return db.inTransaction("cannot record failure event of site '" + event.siteId() + "'", h ->
                h.createUpdate("INSERT INTO failure_events (site_id, kind, started_at, ended_at, detail, reported_at) "
                                + "VALUES (:site, :kind, :started, :ended, :detail, :reported)")
                        .bind("site", event.siteId())
                        .bind("kind", event.kind().name())
                        .bind("started", Timestamps.toDatabase(event.startedAt()))
                        .bind("ended", Timestamps.toDatabase(event.endedAt().orElse(null)))
                        .bind("detail", event.detail())
                        .bind("reported", Timestamps.toDatabase(db.clock().instant()))
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }

    /** Stores several events in one transaction (all or none). */
    public void recordAll(List<FailureEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.inTransaction("cannot record " + events.size() + " failure events", h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO failure_events (site_id, kind, started_at, ended_at, "
                    + "detail, reported_at) VALUES (:site, :kind, :started, :ended, :detail, :reported)");
            var reported = Timestamps.toDatabase(db.clock().instant());
            for (FailureEvent event : events) {
                batch.bind("site", event.siteId()).bind("kind", event.kind().name())
                        .bind("started", Timestamps.toDatabase(event.startedAt()))
                        .bind("ended", Timestamps.toDatabase(event.endedAt().orElse(null)))
                        .bind("detail", event.detail()).bind("reported", reported).add();
            }
            batch.execute();
            return null;
        });
    }

    /** Marks an ongoing event as ended. @return false when no event has this id */
    public boolean markEnded(long id, Instant endedAt) {
        return db.inTransaction("cannot end failure event " + id, h ->
                h.createUpdate("UPDATE failure_events SET ended_at = :ended WHERE id = :id")
                        .bind("ended", Timestamps.toDatabase(endedAt))
                        .bind("id", id)
                        .execute() == 1);
    }

    /** @return the events of one site, oldest first */
    public List<FailureEvent> forSite(String siteId) {
        return db.withHandle("cannot read failure events of site '" + siteId + "'", h ->
                h.createQuery("SELECT " + COLUMNS + " FROM failure_events WHERE site_id = :site "
                                + "ORDER BY started_at, id")
                        .bind("site", siteId)
                        .map((rs, ctx) -> event(rs))
                        .list());
    }

    /** @return events that started in {@code [from, to)}, oldest first */
    public List<FailureEvent> between(Instant from, Instant to) {
        return db.withHandle("cannot read failure events", h ->
                h.createQuery("SELECT " + COLUMNS + " FROM failure_events "
                                + "WHERE started_at >= :from AND started_at < :to ORDER BY started_at, id")
                        .bind("from", Timestamps.toDatabase(from))
                        .bind("to", Timestamps.toDatabase(to))
                        .map((rs, ctx) -> event(rs))
                        .list());
    }

    private static FailureEvent event(ResultSet rs) throws SQLException {
        return new FailureEvent(rs.getString("site_id"), FailureKind.valueOf(rs.getString("kind")),
                Timestamps.fromDatabase(rs, "started_at"), Optional.ofNullable(Timestamps.fromDatabase(rs, "ended_at")),
                rs.getString("detail"));
    }

    /** @return site id to number of reported events, by site id */
    public Map<String, Long> countsBySite() {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.withHandle("cannot count failure events", h ->
                h.createQuery("SELECT site_id, COUNT(*) AS n FROM failure_events GROUP BY site_id ORDER BY site_id")
                        .map((rs, ctx) -> Map.entry(rs.getString("site_id"), rs.getLong("n")))
                        .list())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
