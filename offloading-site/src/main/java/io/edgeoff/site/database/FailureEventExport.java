package io.edgeoff.site.database;

import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import io.edgeoff.database.FailureEvent;
import io.edgeoff.database.FailureKind;
import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the site's failure events from its failure file (the source of truth) to the parameter database's
 * {@code failure_events} table, in the background. Every {@link #PERIOD} a daemon thread takes the failure-file
 * records it has not written yet and writes their events in one transaction; when that fails (the database is down,
 * unreachable, refuses the login) it logs one line and tries again later, with the wait doubling up to
 * {@link #MAX_BACKOFF}, so no record is lost and the site never stops for the database. Each row's {@code detail}
 * starts with {@code seq=N}, the record's sequence number in the failure file: at start the exporter reads the highest
 * one already stored for this site and goes on after it, so a restart neither repeats nor skips a record.
 *
 * <p>Which records are failure events ({@link #event}): {@code OUTAGE_STARTED} (kind from its mode: {@code CRASH},
 * {@code REFUSE}, {@code HANG}, {@code ERROR}; ending at start + {@code durationMillis}), {@code UNCLEAN_SHUTDOWN}
 * ({@code CRASH} from the previous run's last sign of life to the restart), {@code EXECUTION_FAILED}
 * ({@code EXECUTION_FAILURE}) and {@code OVERLOAD}. Starts, stops, outage ends (already in the outage's row),
 * replay starts and recovery notes are not failures.
 */
public final class FailureEventExport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FailureEventExport.class);
    /** How often pending records are written. */
    public static final Duration PERIOD = Duration.ofMillis(500);
    /** Longest wait between two attempts after failures. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int MAX_DETAIL = 2000;

    private final String siteId;
    private final DatabaseUrl url;
    private final Supplier<List<FailureRecord>> records;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "site-failure-event-export");
        t.setDaemon(true);
        return t;
    });
    private Database db;
    private long written = -1; // highest failure-file sequence handled; -1 until read from the database
    private long backoffMillis = PERIOD.toMillis();
    private long nextAttemptMillis;
    private boolean failing;
    private volatile long exported;

    private FailureEventExport(String siteId, DatabaseUrl url, Supplier<List<FailureRecord>> records, Clock clock) {
        this.siteId = siteId;
        this.url = url;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Starts exporting. The URL is checked now ({@link DatabaseUrl#of}: a malformed or unsafe URL is an
     * {@link IllegalArgumentException} naming it); the database is opened, migrated and written in the background.
     *
     * @param records the failure file's records, oldest first
     */
    public static FailureEventExport start(String siteId, String jdbcUrl, Supplier<List<FailureRecord>> records,
                                           Clock clock) {
        FailureEventExport export = new FailureEventExport(siteId, DatabaseUrl.of(jdbcUrl, "--db-url"), records, clock);
        long period = PERIOD.toMillis();
        export.thread.scheduleWithFixedDelay(export::tick, 0, period, TimeUnit.MILLISECONDS);
        return export;
    }

    private synchronized void tick() {
        if (clock.millis() < nextAttemptMillis) {
            return;
        }
        try {
            exportPending();
            if (failing) {
                LOG.info("site {}: failure events are written to {} again", siteId, url.redacted());
            }
            failing = false;
            backoffMillis = PERIOD.toMillis();
        } catch (RuntimeException e) {
            LOG.warn("site {}: cannot write failure events to {}: {}; the failure file keeps them, retrying in {} ms",
                    siteId, url.redacted(), DatabaseUrl.redact(String.valueOf(e.getMessage())), backoffMillis);
            failing = true;
            nextAttemptMillis = clock.millis() + backoffMillis;
            backoffMillis = Math.min(MAX_BACKOFF.toMillis(), backoffMillis * 2);
            if (db != null && written < 0) {
                closeDatabase();
            }
        }
    }

    private void exportPending() {
        if (db == null) {
            db = Database.open(url, Database.DEFAULT_CONNECT_TIMEOUT, clock);
            db.migrate();
        }
        if (written < 0) {
            written = db.failureEvents().forSite(siteId).stream().mapToLong(e -> sequenceOf(e.detail()))
                    .max().orElse(0);
        }
        List<FailureEvent> events = new ArrayList<>();
        long last = written;
        for (FailureRecord r : records.get()) {
            if (r.sequence() > written) {
                event(siteId, r).ifPresent(events::add);
                last = Math.max(last, r.sequence());
            }
        }
        if (last > written) {
            db.failureEvents().recordAll(events);
            written = last;
            exported += events.size();
        }
    }

    /** @return how many events this exporter has written so far */
    public long exported() {
        return exported;
    }

    /** Writes what is pending now (one attempt, in the caller's thread); false when that failed. */
    public synchronized boolean flush() {
        try {
            exportPending();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("site {}: cannot write failure events to {}: {}", siteId, url.redacted(),
                    DatabaseUrl.redact(String.valueOf(e.getMessage())));
            return false;
        }
    }

    /** The failure-file sequence number a row was written for ({@code seq=N} at the start of its detail), or 0. */
    static long sequenceOf(String detail) {
        if (!detail.startsWith("seq=")) {
            return 0;
        }
        int end = detail.indexOf(' ');
        try {
            return Long.parseLong(detail.substring(4, end < 0 ? detail.length() : end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The database row of a failure-file record, when the record is a failure event (see the class comment). */
    public static Optional<FailureEvent> event(String siteId, FailureRecord r) {
        Map<String, String> d = Details.parse(r.detail());
        Instant at = r.time();
        FailureKind kind;
        Instant start = at;
        Instant end = at;
        switch (r.type()) {
            case OUTAGE_STARTED -> {
                kind = switch (d.getOrDefault("mode", "")) {
                    case "crash" -> FailureKind.CRASH;
                    case "refuse" -> FailureKind.REFUSE;
                    case "hang" -> FailureKind.HANG;
                    case "error" -> FailureKind.ERROR;
                    default -> FailureKind.TRACE_OUTAGE;
                };
                end = at.plusMillis(Math.max(0, parseLong(d.get("durationMillis"))));
            }
            case UNCLEAN_SHUTDOWN -> {
                kind = FailureKind.CRASH;
                long since = parseLong(d.get("downSinceEpochMillis"));
                start = since > 0 && since <= at.toEpochMilli() ? Instant.ofEpochMilli(since) : at;
            }
            case EXECUTION_FAILED -> kind = FailureKind.EXECUTION_FAILURE;
            case OVERLOAD -> kind = FailureKind.OVERLOAD;
            default -> {
                return Optional.empty();
            }
        }
        String detail = "seq=" + r.sequence() + " " + r.type() + " " + r.detail();
        return Optional.of(FailureEvent.of(siteId, kind, start, end, storable(detail)));
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** At most {@value #MAX_DETAIL} characters, control characters and lone surrogates replaced by '?'. */
    private static String storable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_DETAIL));
        for (int i = 0; i < s.length() && b.length() < MAX_DETAIL; i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (b.length() + 2 > MAX_DETAIL) {
                    break;
                }
                b.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private void closeDatabase() {
        try {
            db.close();
        } catch (RuntimeException e) {
            // nothing more to do
        }
        db = null;
    }

    /** Stops the thread after one last attempt to write what is pending, and closes the database. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (!failing) {
                flush();
            }
            if (db != null) {
                closeDatabase();
            }
        }
    }
}
