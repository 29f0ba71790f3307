package io.edgeoff.device.mobility;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.InputSource;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.DeviceLinks;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.mobility.HandoverRule;
import io.edgeoff.device.DeviceClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which cell one live fleet device is in, read from its cell schedule at the device's clock: schedule time is the
 * device clock's seconds since {@link #start()}, times {@code speedup} (1: the simulator's seconds; more: the schedule
 * runs faster, for short runs). The links of each cell and the planning inputs with the lookahead rule are the
 * simulator's ({@link DeviceLinks}, one engine), so a live device and a simulated one are in the same cell at the same
 * second with the same links.
 *
 * <p>What the runtime asks: the links an attempt starting now uses ({@link #path()}), what a decision now plans with
 * ({@link #merge}: the cell's inputs combined with the device's measurements), and the handover rule for an attempt in
 * flight ({@link #watch()}). A handover is noticed the next time the tracker is asked; then every
 * {@link HandoverListener} hears which site links changed. Works without link emulation (a real network, e.g. the
 * test-bed): the cell, the planning inputs and the handover rule apply; only the delays are not emulated.
 * Thread-safe.
 */
public final class CellTracker {
    /** Hears a handover: the device is now in {@code toCell}, and its links to these sites changed. */
    @FunctionalInterface
    public interface HandoverListener {
        void handover(String fromCell, String toCell, List<AccessLink> changedLinks);
    }

    private final String deviceId;
    private final DeviceLinks links;
    private final Optional<HandoverRule> rule;
    private final double lookaheadSeconds;
    private final DeviceClock clock;
    private final double speedup;
    /** The scenario's cost model, whose device-site links a device's own links and cells replace. */
    private final CostModel base;
    private final List<HandoverListener> listeners = new CopyOnWriteArrayList<>();
    private long startNanos;
    private boolean started;
    private int lastCell;

    /**
     * @param base     the scenario's cost model (its links, cloud latency drawn)
     * @param device   the device's spec: its own links and cell schedule
     * @param fleet    the scenario's cells, handover rule and lookahead
     * @param clock    the device's clock
     * @param speedup  schedule seconds per device-clock second, finite and &gt; 0 (1: as the scenario says)
     */
    public CellTracker(CostModel base, DeviceSpec device, Fleet fleet, DeviceClock clock, double speedup) {
        if (!(speedup > 0) || !Double.isFinite(speedup)) {
            throw new IllegalArgumentException("mobility speedup must be finite and > 0, but was " + speedup);
        }
        this.deviceId = device.id();
        this.base = Objects.requireNonNull(base, "base");
        this.links = new DeviceLinks(base, device, fleet);
        this.rule = fleet.handover();
        this.lookaheadSeconds = fleet.lookaheadSeconds();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.speedup = speedup;
        this.lastCell = links.cellAt(0);
    }

    /** Schedule time 0 is now (the run's first execution); before this call the device is at time 0. */
    public void start() {
        start(0);
    }

    /**
     * Schedule time {@code scheduleSeconds} is now (a run whose schedule began earlier, e.g. at an agreed instant).
     *
     * @param scheduleSeconds  s, finite and &gt;= 0
     */
    public synchronized void start(double scheduleSeconds) {
        if (!(scheduleSeconds >= 0) || !Double.isFinite(scheduleSeconds)) {
            throw new IllegalArgumentException("scheduleSeconds must be finite and >= 0, but was " + scheduleSeconds);
        }
        startNanos = clock.nanoTime() - (long) (scheduleSeconds / speedup * 1e9);
        started = true;
        // the cell noticed last stays: starting part-way in another cell is a handover the listeners hear of
    }

    public String deviceId() {
        return deviceId;
    }

    /** @return the scenario's handover rule; empty when the device never changes cell */
    public Optional<HandoverRule> rule() {
        return rule;
    }

    public void addListener(HandoverListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Makes {@code estimator}'s priors this device's links where they differ from the scenario's (its own links, the
     * cell it is in now), and at each handover lets the changed links' estimates start over from the new cell's
     * values: what was measured of a link belongs to the cell it was measured in.
     */
    public void relinkAtHandovers(io.edgeoff.device.monitor.NetworkEstimator estimator) {
        changedLinks(base, path()).forEach(l -> estimator.relink(l.siteId(), l.latencyMillis(), l.bandwidthKBps()));
        addListener((from, to, changed) -> changed.forEach(l -> estimator.relink(l.siteId(), l.latencyMillis(),
                l.bandwidthKBps())));
    }

    /** @return schedule seconds now: device-clock seconds since {@link #start()} times the speedup */
    public synchronized double seconds() {
        return started ? clock.secondsSince(startNanos) * speedup : 0;
    }

    /** @return the cell the device is in now ({@link DeviceLinks#NO_CELL}: none) */
    public String cell() {
        return cellName(cellIndex());
    }

    /** @return the cell names by index (the last is {@link DeviceLinks#NO_CELL}) */
    public String cellName(int index) {
        return links.cellNames().get(index);
    }

    /** @return the index of the cell the device is in now (noticing a handover) */
    public int cellIndex() {
        return now().cell;
    }

    /** @return the links an attempt that starts now uses: the scenario's cost model with the current cell's links */
    public CostModel path() {
        return now().path;
    }

    /** @return what a decision now plans with by the cell schedule alone ({@link DeviceLinks#planning}) */
    public PlanningInputs planning() {
        return now().planning;
    }

    /**
     * What a decision now plans with: per site, a link value the device measured since it entered its cell wins
     * (measurements restart at each handover, {@link HandoverListener}); where the device has not measured, the
     * cell's value. Less than the lookahead before a handover, a measured value is replaced by the next cell's where
     * that is worse (the simulator's lookahead rule, applied to the measurement). Queueing delays and learnt speeds
     * are the measured inputs'.
     *
     * @param measured the device's measured inputs ({@link PlanningInputs#none()}: it does not measure)
     */
    public PlanningInputs merge(PlanningInputs measured) {
        Now now = now();
        List<SiteInputs> out = new ArrayList<>();
        for (SiteInputs m : measured.sites()) {
            Optional<SiteInputs> c = now.planning.site(m.siteId());
            if (c.isEmpty()) {
                out.add(m);
                continue;
            }
            boolean latencyMeasured = m.latencySource() == InputSource.MEASURED;
            boolean bandwidthMeasured = m.bandwidthSource() == InputSource.MEASURED;
            double latency = !latencyMeasured ? c.get().latencyMillis()
                    : now.nearHandover ? Math.max(m.latencyMillis(), c.get().latencyMillis()) : m.latencyMillis();
            double bandwidth = !bandwidthMeasured ? c.get().bandwidthKBps()
                    : now.nearHandover ? Math.min(m.bandwidthKBps(), c.get().bandwidthKBps()) : m.bandwidthKBps();
            out.add(new SiteInputs(m.siteId(), latency, m.latencySource(), bandwidth, m.bandwidthSource(),
                    m.queueDelayMillis(), m.queueSource()));
        }
        for (SiteInputs c : now.planning.sites()) {
            if (measured.site(c.siteId()).isEmpty()) {
                out.add(c);
            }
        }
        return new PlanningInputs(out, measured.speeds());
    }

    /**
     * @return the handover rule's view of an attempt that starts now: when the next handover comes, and in which cell
     *         the attempt started
     */
    public HandoverWatch watch() {
        Now now = now();
        double untilSeconds = now.nextHandover - now.seconds;
        long untilNanos = Double.isInfinite(untilSeconds) ? Long.MAX_VALUE
                : (long) Math.ceil(untilSeconds / speedup * 1e9);
        long handoverNanos = untilNanos == Long.MAX_VALUE ? Long.MAX_VALUE : clock.nanoTime() + untilNanos;
        return new HandoverWatch(rule.orElse(HandoverRule.FINISH_OLD_PATH), cellName(now.cell), handoverNanos,
                clock);
    }

    /** @return handovers in the schedule in (fromSeconds, toSeconds] */
    public synchronized int handoversBetween(double fromSeconds, double toSeconds) {
        int n = 0;
        for (double t = links.nextHandoverAfter(fromSeconds); t <= toSeconds; t = links.nextHandoverAfter(t)) {
            n++;
        }
        return n;
    }

    private record Now(double seconds, int cell, CostModel path, PlanningInputs planning, double nextHandover,
                       boolean nearHandover) {
    }

    private Now now() {
        Now now;
        int previous;
        synchronized (this) {
            double t = seconds();
            int cell = links.cellAt(t);
            double next = links.nextHandoverAfter(t);
            now = new Now(t, cell, links.actual(t), links.planning(t), next,
                    lookaheadSeconds > 0 && next - t < lookaheadSeconds);
            previous = lastCell;
            lastCell = cell;
        }
        if (previous != now.cell) {
            List<AccessLink> changed = changedLinks(pathOf(previous), now.path);
            listeners.forEach(l -> l.handover(cellName(previous), cellName(now.cell), changed));
        }
        return now;
    }

    private CostModel pathOf(int cell) {
        synchronized (this) {
            return links.actualIn(cell);
        }
    }

    /** The device-site links of {@code to} that differ from {@code from}'s. */
    static List<AccessLink> changedLinks(CostModel from, CostModel to) {
        int device = to.deviceIndex();
        List<AccessLink> out = new ArrayList<>();
        for (int s = 0; s < to.siteCount(); s++) {
            if (s == device) {
                continue;
            }
            double latency = to.network().latencyMillis(device, s);
            double bandwidth = to.network().bandwidthKBps(device, s);
            if (latency != from.network().latencyMillis(device, s)
                    || bandwidth != from.network().bandwidthKBps(device, s)) {
                out.add(new AccessLink(to.sites().get(s).id(), latency, bandwidth));
            }
        }
        return out;
    }
}
