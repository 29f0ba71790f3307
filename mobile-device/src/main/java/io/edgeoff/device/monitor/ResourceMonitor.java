package io.edgeoff.device.monitor;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.SiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.siteapi.SiteResources;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls each site's resources and availability forecast every {@code pollInterval} and keeps a
 * {@link SiteView} per site. Round trip and throughput are exponentially smoothed
 * ({@code x = 0.7 x + 0.3 sample}). When links are emulated ({@link #useLinks}), a poll's round trip includes the
 * emulated link's ({@link LinkEmulator#roundTripSeconds}), as a real network's would. An attached
 * {@link NetworkEstimator} gets every poll's round trip (except a site's first, which opens the connection) and
 * reported queue. Thread-safe.
 */
public final class ResourceMonitor implements AutoCloseable {
    static final double SMOOTHING = 0.3;

    private final List<SiteEndpoint> endpoints;
    private final SiteClient client;
    private final Duration pollInterval;
    private final Duration timeout;
    private final DeviceClock clock;
    private final Map<String, SiteView> views = new LinkedHashMap<>();
    /** Per site, the latest answer of each named model ({@link #pollPredictors}); read by policy in {@link #outlook(String, boolean, String)}. */
    private final Map<String, Map<String, SiteAvailability>> named = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> predictors = new java.util.concurrent.CopyOnWriteArraySet<>();
    private ScheduledExecutorService scheduler;
    private volatile LinkEmulator links = LinkEmulator.disabled();
    private volatile NetworkEstimator estimator;

    /** Per site id, the handlers of its last answered poll. */
    private final Map<String, List<String>> handlers = new java.util.concurrent.ConcurrentHashMap<>();

    public ResourceMonitor(List<SiteEndpoint> endpoints, SiteClient client, Duration pollInterval, Duration timeout,
                           DeviceClock clock) {
        this.endpoints = List.copyOf(endpoints);
        this.client = client;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.clock = clock;
        endpoints.forEach(e -> views.put(e.siteId(), SiteView.unknown(e.siteId())));
    }

    /**
     * Also polls each site's forecast of these models ({@code ?predictor=NAME}, e.g. {@link PolicyForecasts#ALL}) at
     * every poll, for {@link #outlook(String, boolean, String)}. Call before {@link #start()}.
     */
    public void pollPredictors(java.util.Collection<String> names) {
        predictors.addAll(names);
    }

    /** Polls go over {@code links} (their emulated round trip is part of what is measured). */
    public void useLinks(LinkEmulator links) {
        this.links = java.util.Objects.requireNonNull(links, "links");
    }

    /** From now on {@code estimator} gets each poll's round trip and reported queue. */
    public void attach(NetworkEstimator estimator) {
        this.estimator = java.util.Objects.requireNonNull(estimator, "estimator");
    }

    /** Polls every site once now (blocking), then every {@code pollInterval} in the background. */
    public synchronized void start() {
        pollAll();
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "edgeoff-monitor");
                t.setDaemon(true);
                return t;
            });
            long period = pollInterval.toNanos();
            scheduler.scheduleWithFixedDelay(this::pollAll, period, period, TimeUnit.NANOSECONDS);
        }
    }

    /** Polls every site once. */
    public void pollAll() {
        for (SiteEndpoint endpoint : endpoints) {
            poll(endpoint);
        }
    }

    private void poll(SiteEndpoint endpoint) {
        long start = clock.nanoTime();
        Optional<SiteResources> resources = client.resources(endpoint, timeout);
        if (resources.isPresent()) {
            LinkEmulator emulated = links;
            emulated.transmit(emulated.roundTripSeconds(endpoint.siteId()));
        }
        double rttMillis = (clock.nanoTime() - start) / 1e6;
        NetworkEstimator est = estimator;
        // the first answered poll of a site opens the connection: not a latency sample
        if (est != null && resources.isPresent() && view(endpoint.siteId()).polls() > 0) {
            est.roundTrip(endpoint.siteId(), rttMillis);
            est.reportedQueue(endpoint.siteId(), resources.get().queueLength(), resources.get().cores());
        }
        Optional<SiteAvailability> availability = client.availability(endpoint, 1, timeout);
        for (String predictor : predictors) {
            Map<String, SiteAvailability> answers = named.computeIfAbsent(endpoint.siteId(),
                    k -> new java.util.concurrent.ConcurrentHashMap<>());
            Optional<SiteAvailability> answer = client.availability(endpoint, 1, predictor, timeout);
            if (answer.isPresent()) {
                answers.put(predictor, answer.get());
            } else if (resources.isPresent()) {
                answers.remove(predictor); // the site answers but not for this model: its default model then
            }
        }
        resources.ifPresent(r -> handlers.put(endpoint.siteId(), List.copyOf(r.handlers())));
        synchronized (views) {
            SiteView v = views.get(endpoint.siteId());
            boolean reachable = resources.isPresent();
            double rtt = reachable ? smooth(v.roundTripMillis(), rttMillis) : v.roundTripMillis();
            views.put(endpoint.siteId(), new SiteView(endpoint.siteId(), reachable,
                    resources.map(SiteResources::mips).orElse(v.mips()),
                    resources.map(SiteResources::queueLength).orElse(v.queueLength()),
                    availability.map(SiteAvailability::nextSlot).orElse(v.predictedAvailability()),
                    availability.map(SiteAvailability::mtbfHours).orElse(v.mtbfHours()),
                    availability.map(SiteAvailability::hoursSinceLastFailure).orElse(v.hoursSinceLastFailure()),
                    rtt, v.throughputKBps(), v.polls() + (reachable ? 1 : 0)));
        }
    }

    /** @return the handlers {@code siteId} advertised in its last answered poll, empty before its first one */
    public Optional<List<String>> handlers(String siteId) {
        return Optional.ofNullable(handlers.get(siteId));
    }

    /** Records a measured transfer of {@code kilobytes} to or from {@code siteId} taking {@code seconds}. */
    public void recordTransfer(String siteId, double kilobytes, double seconds) {
        if (!(seconds > 0) || !(kilobytes > 0)) {
            return;
        }
        synchronized (views) {
            SiteView v = views.get(siteId);
            if (v == null) {
                return;
            }
            views.put(siteId, new SiteView(v.siteId(), v.reachable(), v.mips(), v.queueLength(),
                    v.predictedAvailability(), v.mtbfHours(), v.hoursSinceLastFailure(), v.roundTripMillis(),
                    smooth(v.throughputKBps(), kilobytes / seconds), v.polls()));
        }
    }

    /** @return the current view of {@code siteId} */
    public SiteView view(String siteId) {
        synchronized (views) {
            SiteView v = views.get(siteId);
            if (v == null) {
                throw new IllegalArgumentException("unknown site " + siteId + "; monitored: " + views.keySet());
            }
            return v;
        }
    }

    /** @return every site's current view, in endpoint order */
    public List<SiteView> views() {
        synchronized (views) {
            return List.copyOf(views.values());
        }
    }

    /**
     * The outlook a policy sees for {@code siteId}: the predicted availability, a down probability of
     * {@code 1 - availability} (1 while suspected), MTBF and time since the last failure.
     */
    public SiteOutlook outlook(String siteId, boolean suspected) {
        SiteView v = view(siteId);
        double availability = v.predictedAvailability();
        double mtbf = v.mtbfHours() > 0 ? v.mtbfHours() : Double.POSITIVE_INFINITY;
        return new SiteOutlook(availability, 1.0 - availability, 0.0, mtbf, Math.max(0, v.hoursSinceLastFailure()),
                false).withSuspicion(suspected);
    }

    /**
     * The outlook a policy that plans with model {@code predictor} ({@link PolicyForecasts#predictorFor}) sees: as
     * {@link #outlook(String, boolean)}, with the predicted availability, down probability, MTBF and time since the
     * last failure from that model's latest answer (polled when {@link #pollPredictors} named it; without an answer,
     * the site's default model).
     */
    public SiteOutlook outlook(String siteId, boolean suspected, String predictor) {
        SiteOutlook base = outlook(siteId, suspected);
        Map<String, SiteAvailability> answers = predictor == null ? null : named.get(siteId);
        SiteAvailability a = answers == null ? null : answers.get(predictor);
        if (a == null) {
            return base;
        }
        double availability = a.nextSlot();
        double mtbf = a.mtbfHours() > 0 ? a.mtbfHours() : Double.POSITIVE_INFINITY;
        return new SiteOutlook(availability, 1.0 - availability, base.failureRatePerSecond(), mtbf,
                Math.max(0, a.hoursSinceLastFailure()), false).withSuspicion(suspected);
    }

    /** @return the latest answer of model {@code predictor} of {@code siteId}, if polled and answered */
    public Optional<SiteAvailability> forecast(String siteId, String predictor) {
        Map<String, SiteAvailability> answers = named.get(siteId);
        return Optional.ofNullable(answers == null ? null : answers.get(predictor));
    }

    private static double smooth(double old, double sample) {
        return Double.isNaN(old) ? sample : (1 - SMOOTHING) * old + SMOOTHING * sample;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
