package io.edgeoff.device.detector;

import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.HealthReply;
import io.edgeoff.device.client.SiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the remote sites. Each site gets a heartbeat every {@code heartbeatInterval}; a site is
 * suspected as soon as
 * <ul>
 *   <li>a heartbeat or task attempt brings hard evidence (connection refused, connection lost, 5xx), or</li>
 *   <li>its phi-accrual level exceeds {@code phiThreshold}, or it has been silent for {@code maxSilence}.</li>
 * </ul>
 * A suspected site is trusted again when it answers a heartbeat. Suspicions are reported to listeners
 * (the runtime abandons attempts in flight and stops choosing the site) and recorded as
 * {@link SuspicionEpisode}s. Thread-safe; {@link #start()} starts one scheduler thread.
 */
public final class FailureDetector implements AutoCloseable {
    /** Cause of suspicions raised by silence (phi or maximum silence). */
    public static final String SILENCE = "SILENCE";
    /** Heartbeat intervals a site's history needs before its phi is trusted (before that: maximum silence). */
    static final int MIN_INTERVALS_FOR_PHI = 5;

    private final SiteClient client;
    private final DetectorConfig config;
    private final DeviceClock clock;
    private final java.time.Clock wallClock;
    private final Map<String, SiteState> sites = new LinkedHashMap<>();
    private final List<SuspicionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<SuspicionEpisode> episodes = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    public FailureDetector(List<SiteEndpoint> endpoints, SiteClient client, DetectorConfig config, DeviceClock clock) {
        this(endpoints, client, config, clock, java.time.Clock.systemUTC());
    }

    /** @param wallClock source of the episodes' timestamps */
    public FailureDetector(List<SiteEndpoint> endpoints, SiteClient client, DetectorConfig config, DeviceClock clock,
                           java.time.Clock wallClock) {
        this.wallClock = wallClock;
        this.client = client;
        this.config = config;
        this.clock = clock;
        for (SiteEndpoint endpoint : endpoints) {
            sites.put(endpoint.siteId(), new SiteState(endpoint, new PhiAccrual(config.windowSize(),
                    config.heartbeatInterval().toNanos(), config.minStdDeviation().toNanos())));
        }
    }

    public DetectorConfig config() {
        return config;
    }

    public void addListener(SuspicionListener listener) {
        listeners.add(listener);
    }

    /** Starts heartbeats and suspicion checks. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        long now = clock.nanoTime();
        for (SiteState s : sites.values()) {
            synchronized (s) {
                s.phi.startAt(now);
                s.lastAliveNanos = now;
            }
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edgeoff-detector");
            t.setDaemon(true);
            return t;
        });
        long interval = config.heartbeatInterval().toNanos();
        scheduler.scheduleAtFixedRate(this::sendHeartbeats, 0, interval, TimeUnit.NANOSECONDS);
        long check = config.checkPeriod().toNanos();
        scheduler.scheduleAtFixedRate(this::checkSilence, check, check, TimeUnit.NANOSECONDS);
    }

    private void sendHeartbeats() {
        for (SiteState s : sites.values()) {
            synchronized (s) {
                if (s.heartbeatInFlight) {
                    continue;
                }
                s.heartbeatInFlight = true;
            }
            client.health(s.endpoint, config.heartbeatTimeout())
                    .whenComplete((reply, error) -> onHeartbeat(s, reply));
        }
    }

    private void onHeartbeat(SiteState s, HealthReply reply) {
        synchronized (s) {
            s.heartbeatInFlight = false;
        }
        if (reply == null) {
            return;
        }
        if (reply.up()) {
            alive(s.endpoint.siteId());
        } else if (reply.failure() != null && reply.failure().isHardEvidence()) {
            suspect(s, reply.failure().name(), false);
        }
    }

    /**
     * Evaluates every site's suspicion level now (also called by the scheduler every check period).
     * Silence counts only while the device itself is demonstrably receiving: when several sites are
     * monitored and none of them has answered for more than 1.5 heartbeat intervals, the device (its CPU,
     * its network) is the likelier culprit, and silence alone suspects a site only once it exceeds three
     * times {@code maxSilence}. Hard evidence is never held back.
     */
    public void checkSilence() {
        long now = clock.nanoTime();
        long newestSignOfLife = Long.MIN_VALUE;
        for (SiteState s : sites.values()) {
            synchronized (s) {
                newestSignOfLife = Math.max(newestSignOfLife, s.lastAliveNanos);
            }
        }
        boolean deviceHearsSites = sites.size() == 1
                || now - newestSignOfLife <= config.heartbeatInterval().toNanos() * 3 / 2;
        long silenceLimit = deviceHearsSites ? config.maxSilence().toNanos() : 3 * config.maxSilence().toNanos();
        for (SiteState s : sites.values()) {
            boolean silent;
            synchronized (s) {
                boolean phiSays = deviceHearsSites && s.phi.intervals() >= MIN_INTERVALS_FOR_PHI
                        && s.phi.phi(now) > config.phiThreshold();
                silent = !s.suspected && (phiSays || now - s.lastAliveNanos > silenceLimit);
            }
            if (silent) {
                suspect(s, SILENCE, false);
            }
        }
    }

    /** Records a sign of life of {@code siteId} (an answered heartbeat or task); trusts it again if suspected. */
    public void alive(String siteId) {
        SiteState s = state(siteId);
        long now = clock.nanoTime();
        boolean trusted = false;
        synchronized (s) {
            if (s.suspected) {
                closeEpisode(s, now, true);
                s.suspected = false;
                s.phi.reset();
                trusted = true;
            }
            s.phi.heartbeat(now);
            s.lastAliveNanos = now;
        }
        if (trusted) {
            listeners.forEach(l -> l.trusted(siteId));
        }
    }

    /**
     * Records a failed task attempt on {@code siteId}. Hard evidence (refusal, lost connection, 5xx)
     * makes the site suspected at once; a timeout only counts (silence decides).
     */
    public void taskFailed(String siteId, FailureKind kind) {
        SiteState s = state(siteId);
        synchronized (s) {
            s.failures++;
        }
        if (kind.isHardEvidence()) {
            suspect(s, kind.name(), true);
        }
    }

    private void suspect(SiteState s, String cause, boolean counted) {
        long now = clock.nanoTime();
        synchronized (s) {
            if (s.suspected) {
                return;
            }
            s.suspected = true;
            s.suspectedSinceNanos = now;
            s.suspectedAt = wallClock.instant();
            s.cause = cause;
            s.hardEvidence = !SILENCE.equals(cause);
            s.detectionLatencyNanos = now - s.lastAliveNanos;
            if (!counted) {
                s.failures++;
            }
        }
        listeners.forEach(l -> l.suspected(s.endpoint.siteId(), cause));
    }

    private void closeEpisode(SiteState s, long now, boolean ended) {
        double suspectedMillis = (now - s.suspectedSinceNanos) / 1e6;
        boolean falseSuspicion = ended && !s.hardEvidence
                && now - s.suspectedSinceNanos <= config.falseSuspicionWindow().toNanos();
        synchronized (episodes) {
            episodes.add(new SuspicionEpisode(s.endpoint.siteId(), s.suspectedAt, s.cause, s.detectionLatencyNanos / 1e6,
                    suspectedMillis, ended, falseSuspicion));
        }
    }

    /** @return true while {@code siteId} is suspected */
    public boolean isSuspected(String siteId) {
        SiteState s = state(siteId);
        synchronized (s) {
            return s.suspected;
        }
    }

    /** @return the current phi of {@code siteId} (infinite while suspected) */
    public double phi(String siteId) {
        SiteState s = state(siteId);
        synchronized (s) {
            return s.suspected ? Double.POSITIVE_INFINITY : s.phi.phi(clock.nanoTime());
        }
    }

    /** @return episodes so far, open ones included, and failure counts */
    public DetectionStats stats() {
        long now = clock.nanoTime();
        List<SuspicionEpisode> all;
        synchronized (episodes) {
            all = new ArrayList<>(episodes);
        }
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (SiteState s : sites.values()) {
            synchronized (s) {
                failures.put(s.endpoint.siteId(), s.failures);
                if (s.suspected) {
                    all.add(new SuspicionEpisode(s.endpoint.siteId(), s.suspectedAt, s.cause, s.detectionLatencyNanos / 1e6,
                            (now - s.suspectedSinceNanos) / 1e6, false, false));
                }
            }
        }
        int falseSuspicions = (int) all.stream().filter(SuspicionEpisode::falseSuspicion).count();
        return new DetectionStats(all, failures, falseSuspicions);
    }

    private SiteState state(String siteId) {
        SiteState s = sites.get(siteId);
        if (s == null) {
            throw new IllegalArgumentException("unknown site " + siteId + "; monitored: " + sites.keySet());
        }
        return s;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private static final class SiteState {
        final SiteEndpoint endpoint;
        final PhiAccrual phi;
        boolean heartbeatInFlight;
        boolean suspected;
        boolean hardEvidence;
        String cause;
        long suspectedSinceNanos;
        java.time.Instant suspectedAt;
        long lastAliveNanos;
        long detectionLatencyNanos;
        int failures;

        SiteState(SiteEndpoint endpoint, PhiAccrual phi) {
            this.endpoint = endpoint;
            this.phi = phi;
        }
    }
}
