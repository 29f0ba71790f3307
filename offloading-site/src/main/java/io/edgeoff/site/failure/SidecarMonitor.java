package io.edgeoff.site.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure monitor that sees the site from outside (the seed's monitor beside the service in the
 * same pod): a separate process that probes the site's liveness endpoint every poll period and
 * records, in a failure file of its own ({@code <data-dir>/}{@value #DIRECTORY}{@code /}, the same
 * record format and writer), when the site stopped answering and when it answered again. So a crash,
 * a restart or a hang gets a measured start and end instead of the {@code UNCLEAN_SHUTDOWN} the site
 * infers at its next start.
 *
 * <p>Two writers never share a file: the site writes its own file, the sidecar only its own, and a
 * lock ({@value #LOCK_FILE}) keeps a second sidecar off it. The site's {@link FailureHistory} reads both
 * and counts each outage once ({@link FailureHistory#of(List, List, Instant)}). The sidecar leaves to the
 * site what the site knows itself: it records nothing while the site's own file shows an injected
 * outage in progress (other than a crash, whose real length only the sidecar sees) or a clean stop
 * (read-only, {@link FailureFile#read}), and nothing before it has seen the site answer once (a site
 * that has not started yet is not down).
 *
 * <p>Records: {@code OUTAGE_STARTED} at the time the first failed probe was sent (detail:
 * {@code source=sidecar mode=crash|hang|error cause=... lastSeenEpochMillis=...}; {@code crash} when the
 * connection was refused, {@code hang} when the probe timed out, {@code error} for any other answer)
 * and {@code OUTAGE_ENDED} at the time the first answer after it arrived. A restart between two
 * probes (the site's file shows a new {@code SITE_STARTED}) is recorded as an outage from the last
 * answer before it to the first answer after it. Each record's time is that measured instant, not the
 * time it was written. With a {@link PressureGauge} it also records {@code HOST_PRESSURE_STARTED} and
 * {@code _ENDED} when a reading crosses its threshold ({@link #hostPressure}): conditions that precede
 * failures, not downtime (the history does not count them).
 */
public final class SidecarMonitor implements AutoCloseable {
    /** Folder, inside the site's data directory, of the sidecar's failure file. */
    public static final String DIRECTORY = "monitor";
    /** Lock file in {@link #DIRECTORY} held by the one sidecar that writes there. */
    public static final String LOCK_FILE = "writer.lock";
    /** {@code source} of every record the sidecar writes. */
    public static final String SOURCE = "sidecar";

    private static final Logger LOG = LoggerFactory.getLogger(SidecarMonitor.class);

    /** One probe of the site: when it was sent, when it ended and what came back. */
    public record Probe(Instant sentAt, Instant endedAt, boolean up, String mode, String cause) {
    }

    /** Probes the site once. */
    @FunctionalInterface
    public interface Prober {
        Probe probe();
    }

    /**
     * One reading of host pressure.
     *
     * @param kind       {@code memory}, {@code cpu}, {@code io} or {@code disk}
     * @param value      the reading (PSI percent of time stalled over 10 s; disk: percent of the data volume used)
     * @param threshold  pressure starts at or above it, and ends below {@link #RELIEF} of it
     */
    public record Pressure(String kind, double value, double threshold) {
    }

    /** Reads the host's pressure (empty when nothing can be read). */
    @FunctionalInterface
    public interface PressureGauge {
        List<Pressure> read();

        PressureGauge NONE = List::of;
    }

    /** Pressure ends when its reading falls below this share of the threshold (no flapping around it). */
    public static final double RELIEF = 0.8;

    private final Path siteDirectory;
    private final FailureFile file;
    private final PinnedClock recordClock;
    private final Prober prober;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final PressureGauge pressure;
    private final java.util.Set<String> pressured = new java.util.HashSet<>();
    private volatile boolean downRecorded;
    private boolean siteAccounts;
    private Instant lastAnswer;
    private long lastIncarnation = -1;
    private volatile Instant lastStep;
    private List<String> siteFingerprint = List.of();
    private List<FailureRecord> siteRecordsCache = List.of();

    private SidecarMonitor(Path siteDirectory, Prober prober, PressureGauge pressure, Clock clock) throws IOException {
        this.siteDirectory = siteDirectory;
        this.prober = prober;
        this.pressure = pressure;
        Path dir = siteDirectory.resolve(DIRECTORY);
        Files.createDirectories(dir);
        this.lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            lockChannel.close();
            throw new IllegalStateException("another failure monitor is writing " + dir + " (it holds " + LOCK_FILE
                    + "); run one sidecar per site");
        }
        this.lock = held;
        this.recordClock = new PinnedClock(clock.instant());
        this.file = FailureFile.open(dir, FailureFileOptions.DEFAULTS, recordClock);
        this.downRecorded = lastOf(FailureEventType.OUTAGE_STARTED, FailureEventType.OUTAGE_ENDED)
                .map(r -> r.type() == FailureEventType.OUTAGE_STARTED).orElse(false);
        for (FailureRecord r : file.records()) {   // pressure still open when the previous sidecar stopped
            String kind = Details.parse(r.detail()).get("kind");
            if (r.type() == FailureEventType.HOST_PRESSURE_STARTED) {
                pressured.add(kind);
            } else if (r.type() == FailureEventType.HOST_PRESSURE_ENDED) {
                pressured.remove(kind);
            }
        }
        this.lastStep = clock.instant();
    }

    /**
     * Opens the sidecar's failure file in {@code siteDirectory}/{@value #DIRECTORY} (creating it) and takes its lock.
     *
     * @throws IllegalStateException when another sidecar holds the lock
     * @throws UncheckedIOException  when the folder cannot be written
     */
    public static SidecarMonitor open(Path siteDirectory, Prober prober, Clock clock) {
        return open(siteDirectory, prober, PressureGauge.NONE, clock);
    }

    /** As {@link #open(Path, Prober, Clock)}, also recording host pressure read from {@code pressure}. */
    public static SidecarMonitor open(Path siteDirectory, Prober prober, PressureGauge pressure, Clock clock) {
        try {
            return new SidecarMonitor(siteDirectory, prober, pressure, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("failure monitor " + siteDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Probes the site once and records what changed; called every poll period. */
    public synchronized void step() {
        Probe p = prober.probe();
        lastStep = p.endedAt();
        recordPressure(p.endedAt());
        if (p.up()) {
            long incarnation = siteIncarnation();
            if (downRecorded) {
                append(p.endedAt(), FailureEventType.OUTAGE_ENDED, Details.of("source", SOURCE, "mode", "down",
                        "cause", "answered"));
                downRecorded = false;
                LOG.info("site answers again: outage end recorded");
            } else if (!siteAccounts && lastAnswer != null && lastIncarnation >= 0 && incarnation > lastIncarnation) {
                append(lastAnswer, FailureEventType.OUTAGE_STARTED, Details.of("source", SOURCE, "mode", "crash",
                        "cause", "restarted-between-probes", "lastSeenEpochMillis", lastAnswer.toEpochMilli()));
                append(p.endedAt(), FailureEventType.OUTAGE_ENDED, Details.of("source", SOURCE, "mode", "crash",
                        "cause", "answered"));
                LOG.info("site restarted between two probes: outage recorded");
            }
            siteAccounts = false;
            lastAnswer = p.endedAt();
            lastIncarnation = incarnation;
            return;
        }
        if (downRecorded || siteAccounts || lastAnswer == null) {
            return;
        }
        if (siteAccountsForDowntime(p)) {
            siteAccounts = true;
            LOG.info("site not answering ({}), but its own failure file accounts for it (injected outage or clean stop)",
                    p.cause());
            return;
        }
        append(p.sentAt(), FailureEventType.OUTAGE_STARTED, Details.of("source", SOURCE, "mode", p.mode(), "cause",
                p.cause(), "lastSeenEpochMillis", lastAnswer.toEpochMilli()));
        downRecorded = true;
        LOG.warn("site not answering ({}): outage start recorded", p.cause());
    }

    private void recordPressure(Instant at) {
        for (Pressure r : pressure.read()) {
            boolean active = pressured.contains(r.kind());
            if (!active && r.value() >= r.threshold()) {
                append(at, FailureEventType.HOST_PRESSURE_STARTED, Details.of("source", SOURCE, "kind", r.kind(),
                        "value", String.format(java.util.Locale.ROOT, "%.2f", r.value()), "threshold", r.threshold()));
                pressured.add(r.kind());
                LOG.warn("host {} pressure {} >= {}: recorded", r.kind(), r.value(), r.threshold());
            } else if (active && r.value() < RELIEF * r.threshold()) {
                append(at, FailureEventType.HOST_PRESSURE_ENDED, Details.of("source", SOURCE, "kind", r.kind(),
                        "value", String.format(java.util.Locale.ROOT, "%.2f", r.value())));
                pressured.remove(r.kind());
                LOG.info("host {} pressure back to {}", r.kind(), r.value());
            }
        }
    }

    private Optional<FailureRecord> lastOf(FailureEventType a, FailureEventType b) {
        List<FailureRecord> records = file.records();
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).type() == a || records.get(i).type() == b) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The host's pressure as Linux reports it: {@code /proc/pressure/memory} ({@code full avg10}, the share
     * of the last 10 s in which every task waited for memory; pressure from 10 %), {@code /proc/pressure/io}
     * ({@code full avg10}, from 30 %), {@code /proc/pressure/cpu} ({@code some avg10}, from 90 %: a busy
     * host is normal, a saturated one is not) and the data volume's use (from 95 %: the failure file needs
     * room). A file that cannot be read is left out. PSI is the whole host's (or the container's
     * cgroup's where the kernel shows it so), not the site container's alone.
     */
    public static PressureGauge hostPressure(Path dataDirectory) {
        return () -> {
            List<Pressure> readings = new java.util.ArrayList<>();
            psi(Path.of("/proc/pressure/memory"), "full").ifPresent(v -> readings.add(new Pressure("memory", v, 10)));
            psi(Path.of("/proc/pressure/io"), "full").ifPresent(v -> readings.add(new Pressure("io", v, 30)));
            psi(Path.of("/proc/pressure/cpu"), "some").ifPresent(v -> readings.add(new Pressure("cpu", v, 90)));
            try {
                java.nio.file.FileStore store = Files.getFileStore(dataDirectory);
                long total = store.getTotalSpace();
                if (total > 0) {
                    readings.add(new Pressure("disk", 100.0 * (total - store.getUsableSpace()) / total, 95));
                }
            } catch (IOException e) {
                // left out
            }
            return readings;
        };
    }

    /** The {@code avg10} of the {@code line} ({@code some} or {@code full}) of a PSI file. */
    static Optional<Double> psi(Path file, String line) {
        try {
            for (String l : Files.readAllLines(file)) {
                if (l.startsWith(line + " ")) {
                    for (String field : l.split(" ")) {
                        if (field.startsWith("avg10=")) {
                            return Optional.of(Double.parseDouble(field.substring(6)));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no PSI on this kernel, or unreadable
        }
        return Optional.empty();
    }

    private void append(Instant at, FailureEventType type, String detail) {
        recordClock.pin(at);
        file.append(type, detail);
    }

    /**
     * True when the site's own file explains why the probe {@code p} failed: the site's last record is
     * {@code SITE_STOPPED} (a clean stop is not a failure), or an outage the site serves itself (error, hang,
     * refuse: it records their real end) was in progress at some moment of the probe, from when it was sent to when
     * it failed. The probe's whole span counts, not only its end: a probe sent during a hang that is answered (503)
     * after the hang ended, or refused in the moment between a refuse outage's end record and the listener being
     * open again, belongs to the injected outage, which the site records itself. An injected crash
     * ({@code mode=crash}) and the rest of it after a restart ({@code source=...crash-resume}) do not count: the site
     * recorded only the crash it was asked for and cannot see how long it was really gone (process exit, supervisor
     * restart, JVM start), so the sidecar measures it, as it measures a kill.
     */
    private boolean siteAccountsForDowntime(Probe p) {
        List<FailureRecord> records = siteRecords();
        if (records.isEmpty()) {
            return false;
        }
        if (records.get(records.size() - 1).type() == FailureEventType.SITE_STOPPED) {
            return true;
        }
        Instant openStart = null;
        boolean openServed = false;
        for (FailureRecord r : records) {
            switch (r.type()) {
                case OUTAGE_STARTED -> {
                    if (openStart == null) {
                        openStart = r.time();
                        openServed = !FailureHistory.isCrash(r);
                    }
                }
                case OUTAGE_ENDED, SITE_STARTED, UNCLEAN_SHUTDOWN -> {   // a restart ends an outage of the last run
                    if (openStart != null && openServed && overlaps(openStart, r.time(), p)) {
                        return true;
                    }
                    openStart = null;
                }
                default -> {
                }
            }
        }
        return openStart != null && openServed && !openStart.isAfter(p.endedAt());
    }

    private static boolean overlaps(Instant start, Instant end, Probe p) {
        return !start.isAfter(p.endedAt()) && !end.isBefore(p.sentAt());
    }

    /** @return the sequence of the site's newest {@code SITE_STARTED} record, -1 when there is none */
    private long siteIncarnation() {
        List<FailureRecord> records = siteRecords();
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).type() == FailureEventType.SITE_STARTED) {
                return records.get(i).sequence();
            }
        }
        return -1;
    }

    /**
     * The site's records, read again only when one of its segment files changed (name, size or modification time):
     * most probes find the file as it was, and reading it (every segment, checksums) is most of a probe's cost.
     */
    private List<FailureRecord> siteRecords() {
        try {
            if (!Files.isDirectory(siteDirectory)) {
                return List.of();
            }
            List<String> fingerprint = segmentFingerprint();
            if (!fingerprint.equals(siteFingerprint)) {
                siteRecordsCache = FailureFile.read(siteDirectory).records();
                siteFingerprint = fingerprint;
            }
            return siteRecordsCache;
        } catch (RuntimeException | IOException e) {
            LOG.warn("could not read the site's failure file {}: {}", siteDirectory, e.getMessage());
            siteFingerprint = List.of();
            siteRecordsCache = List.of();
            return List.of();
        }
    }

    private List<String> segmentFingerprint() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(siteDirectory)) {
            return files.filter(f -> f.getFileName().toString().matches("failures-\\d+\\.rec")).sorted().map(f -> {
                try {
                    var attributes = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                    return f.getFileName() + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
                } catch (IOException e) {
                    return f.getFileName() + ":gone";
                }
            }).toList();
        }
    }

    /** @return every record of the sidecar's file, oldest first */
    public List<FailureRecord> records() {
        return file.records();
    }

    /** @return the end of the newest probe (the sidecar's own liveness) */
    public Instant lastStep() {
        return lastStep;
    }

    /** @return true once a probe was answered: from then on the sidecar records what it sees */
    public synchronized boolean siteSeen() {
        return lastAnswer != null;
    }

    /** @return true while an outage the sidecar recorded is open */
    public boolean outageOpen() {
        return downRecorded;
    }

    /** Reads the sidecar's records beside a site's data directory, if a sidecar ever wrote any. */
    public static List<FailureRecord> readRecords(Path siteDirectory) {
        Path dir = siteDirectory.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return FailureFile.read(dir).records();
    }

    @Override
    public synchronized void close() {
        file.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("could not release {}: {}", LOCK_FILE, e.getMessage());
        }
    }

    /**
     * A prober for {@code GET url} (the site's {@code /v1/health/live}): up on a 200 answer within
     * {@code timeout}; {@code crash} when the connection is refused or reset, {@code hang} on a
     * time-out, {@code error} on any other status.
     */
    public static Prober http(URI url, Duration timeout, Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        return () -> {
            Instant sent = clock.instant();
            try {
                HttpResponse<Void> answer = client.send(request, HttpResponse.BodyHandlers.discarding());
                Instant ended = clock.instant();
                if (answer.statusCode() == 200) {
                    return new Probe(sent, ended, true, "up", "200");
                }
                return new Probe(sent, ended, false, "error", "status-" + answer.statusCode());
            } catch (HttpConnectTimeoutException e) {
                return new Probe(sent, clock.instant(), false, "hang", "connect-timeout");
            } catch (HttpTimeoutException e) {
                return new Probe(sent, clock.instant(), false, "hang", "timeout");
            } catch (IOException e) {
                return new Probe(sent, clock.instant(), false, "crash", "unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("the failure monitor is stopping");
            }
        };
    }

    /** A clock that tells the failure file the measured instant of the record being written. */
    private static final class PinnedClock extends Clock {
        private volatile Instant now;

        PinnedClock(Instant now) {
            this.now = now;
        }

        void pin(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** @return the last record of the sidecar's file, if any */
    public Optional<FailureRecord> last() {
        return file.last();
    }
}
