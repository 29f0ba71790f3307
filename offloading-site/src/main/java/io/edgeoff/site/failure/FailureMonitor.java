package io.edgeoff.site.failure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's in-process failure monitor. It owns the {@link FailureFile} and records the site's own
 * failure events: an unclean shutdown of the previous run (detected at start-up because the last
 * intact record of the file is not {@code SITE_STOPPED}; damage skipped before it does not hide a
 * clean stop; the downtime starts at the last heartbeat written to the
 * {@code alive} file), executions that failed, injected outages and their end, and overload
 * rejections (aggregated: at most one {@code OVERLOAD} record per {@link #OVERLOAD_WINDOW} with the
 * count, written by a background thread so the rejection path never waits for a disk sync).
 */
public final class FailureMonitor implements AutoCloseable {
    /** Aggregation window of overload rejections. */
    public static final Duration OVERLOAD_WINDOW = Duration.ofSeconds(1);
    /** How often the heartbeat ({@code alive} file) is rewritten. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(FailureMonitor.class);

    private final FailureFile file;
    private final Clock clock;
    private final Path aliveFile;
    private final AtomicLong pendingOverloads = new AtomicLong();
    private final ScheduledExecutorService background;
    private final Optional<FailureRecord> uncleanShutdown;
    private final Optional<FailureRecord> previousLast;
    private boolean closed;
    private volatile boolean heartbeatFailing;

    private FailureMonitor(FailureFile file, Clock clock, String siteId) {
        this.file = file;
        this.clock = clock;
        this.aliveFile = file.directory().resolve("alive");
        // The previous run's last record is taken before this start writes anything (damage records included).
        this.previousLast = file.last();
        recordRecovery(file.recovery());
        this.uncleanShutdown = detectUncleanShutdown();
        file.append(FailureEventType.SITE_STARTED, Details.of("site", siteId, "pid", ProcessHandle.current().pid()));
        writeAlive();
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "site-" + siteId + "-failure-monitor");
            t.setDaemon(true);
            return t;
        });
        background.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        background.scheduleAtFixedRate(this::flushOverloads, OVERLOAD_WINDOW.toMillis(), OVERLOAD_WINDOW.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Opens the failure file in {@code directory}, recovers it, detects an unclean shutdown and records the start. */
    public static FailureMonitor start(Path directory, FailureFileOptions options, Clock clock, String siteId) {
        return new FailureMonitor(FailureFile.open(directory, options, clock), clock, siteId);
    }

    /**
     * Logs what recovery found and records it: a torn tail as {@code TORN_RECORD_DISCARDED}; skipped
     * damage as one {@code CORRUPT_RECORDS_SKIPPED} per segment, unless the same record is already in
     * the file (the damaged bytes stay in place, so every start finds them again).
     */
    private void recordRecovery(RecoveryReport recovery) {
        if (recovery.damage().isEmpty()) {
            return;
        }
        LOG.warn("failure file {}: {}", file.directory(), recovery);
        for (RecoveryReport.Damage d : recovery.skipped()) {
            LOG.warn("failure file {}: skipped damaged region in {} at offset {} ({} bytes, {}); records after it kept",
                    file.directory(), d.segment(), d.offset(), d.length(), d.reason());
        }
        Map<String, List<RecoveryReport.Damage>> bySegment = recovery.skipped().stream()
                .collect(Collectors.groupingBy(RecoveryReport.Damage::segment, TreeMap::new, Collectors.toList()));
        bySegment.forEach((segment, regions) -> {
            String detail = Details.of("segment", segment, "regions", regions.size(), "bytes",
                    regions.stream().mapToLong(RecoveryReport.Damage::length).sum(), "offsets",
                    regions.stream().limit(20).map(d -> Long.toString(d.offset())).collect(Collectors.joining(",")));
            boolean known = file.records().stream()
                    .anyMatch(r -> r.type() == FailureEventType.CORRUPT_RECORDS_SKIPPED && r.detail().equals(detail));
            if (!known) {
                file.append(FailureEventType.CORRUPT_RECORDS_SKIPPED, detail);
            }
        });
        recovery.tornTail().ifPresent(t -> file.append(FailureEventType.TORN_RECORD_DISCARDED,
                Details.of("bytes", t.length(), "segment", t.segment(), "offset", t.offset(), "reason", t.reason())));
    }

    private Optional<FailureRecord> detectUncleanShutdown() {
        Optional<FailureRecord> last = previousLast;
        if (last.isEmpty() || last.get().type() == FailureEventType.SITE_STOPPED) {
            return Optional.empty();
        }
        Instant downSince = readAlive().orElse(last.get().time());
        if (downSince.isBefore(last.get().time())) {
            downSince = last.get().time();
        }
        FailureRecord record = file.append(FailureEventType.UNCLEAN_SHUTDOWN,
                Details.of("downSinceEpochMillis", downSince.toEpochMilli(), "lastRecord",
                        last.get().type() + "#" + last.get().sequence(), "lastDetail", last.get().detail()));
        LOG.warn("previous run of this site ended without a clean stop (last record {} #{}); recorded {}",
                last.get().type(), last.get().sequence(), record.type());
        return Optional.of(record);
    }

    /** Records an event, synced to storage before returning. */
    public FailureRecord record(FailureEventType type, String detail) {
        return file.append(type, detail);
    }

    /** Counts one overload rejection (recorded in the next aggregated {@code OVERLOAD} record). */
    public void overloadRejected() {
        pendingOverloads.incrementAndGet();
    }

    /** @return every record in the failure file, oldest first */
    public List<FailureRecord> records() {
        return file.records();
    }

    /**
     * @return the records of the sidecar failure monitor beside this site ({@link SidecarMonitor}, in
     *         {@code <data-dir>/monitor/}), oldest first; empty without a sidecar or when they cannot be read
     */
    public List<FailureRecord> sidecarRecords() {
        try {
            return SidecarMonitor.readRecords(file.directory());
        } catch (RuntimeException e) {
            LOG.warn("could not read the sidecar's failure file: {}", e.getMessage());
            return List.of();
        }
    }

    /** @return the last record of the previous run (before this start's own records), if any */
    public Optional<FailureRecord> previousRunLastRecord() {
        return previousLast;
    }

    /** @return the {@code UNCLEAN_SHUTDOWN} record written at this start, if the previous run ended uncleanly */
    public Optional<FailureRecord> uncleanShutdown() {
        return uncleanShutdown;
    }

    public RecoveryReport recovery() {
        return file.recovery();
    }

    public Path directory() {
        return file.directory();
    }

    /** Writes any pending overload count now (also done every {@link #OVERLOAD_WINDOW}). */
    public void flushOverloads() {
        long count = pendingOverloads.getAndSet(0);
        if (count > 0) {
            try {
                file.append(FailureEventType.OVERLOAD, Details.of("rejected", count, "windowMillis",
                        OVERLOAD_WINDOW.toMillis()));
            } catch (RuntimeException e) {
                LOG.error("could not record overload: {}", e.getMessage());
            }
        }
    }

    private void heartbeat() {
        try {
            writeAlive();
            heartbeatFailing = false;
        } catch (RuntimeException e) {
            if (!heartbeatFailing) {
                LOG.warn("could not write heartbeat (warned once until it works again): {}", e.getMessage());
            }
            heartbeatFailing = true;
        }
    }

    private void writeAlive() {
        try {
            Path tmp = aliveFile.resolveSibling("alive.tmp");
            Files.writeString(tmp, Long.toString(clock.millis()), StandardCharsets.US_ASCII);
            Files.move(tmp, aliveFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Optional<Instant> readAlive() {
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(Files.readString(aliveFile).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Records a clean stop ({@code SITE_STOPPED}, detail {@code clean}) and closes the file. */
    @Override
    public void close() {
        close("clean");
    }

    /** Records a clean stop ({@code SITE_STOPPED} with {@code detail}) and closes the file. */
    public synchronized void close(String detail) {
        if (closed) {
            return;
        }
        closed = true;
        background.shutdownNow();
        flushOverloads();
        file.append(FailureEventType.SITE_STOPPED, detail);
        file.close();
    }
}
