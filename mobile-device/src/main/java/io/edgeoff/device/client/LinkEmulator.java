package io.edgeoff.device.client;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.device.DeviceClock;

/**
 * Device-side emulation of the scenario's links. On one machine every site is a loopback hop away, so
 * the device delays each transfer by the time the scenario's network would take: before sending a task
 * it waits the uplink time {@code inKB / BW(from, to) + latency(from, to)} (nothing when the task stays
 * on the site of its previous task), and after a remote sink task's reply it waits the downlink time
 * {@code outKB / BW(site, device) + latency(site, device)}, exactly the data path of the seed's cost
 * model. This emulates the links in the device process only; it does not shape real traffic (the
 * root-only network-namespace test-bed does that). With {@link #disabled()} nothing is delayed.
 */
public final class LinkEmulator {
    /** The emulated network; replaced by {@link #setLink} (the physical network changed). */
    private volatile CostModel costModel;
    /** Where the links come from when they follow the device's cell ({@link #following}); null otherwise. */
    private final java.util.function.Supplier<CostModel> path;
    private final DeviceClock clock;
    private final boolean enabled;

    private LinkEmulator(CostModel costModel, DeviceClock clock, boolean enabled) {
        this(costModel, null, clock, enabled);
    }

    private LinkEmulator(CostModel costModel, java.util.function.Supplier<CostModel> path, DeviceClock clock,
                         boolean enabled) {
        this.costModel = costModel;
        this.path = path;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * Emulates the links {@code path} gives at each transfer and poll: a moving device's current cell
     * ({@code mobility.CellTracker#path}).
     */
    public static LinkEmulator following(java.util.function.Supplier<CostModel> path, DeviceClock clock) {
        return new LinkEmulator(null, java.util.Objects.requireNonNull(path, "path"), clock, true);
    }

    /**
     * @return an emulator of the links in force now, which stay as they are (an attempt that finishes over the path
     *         it started on); this one when links are not emulated
     */
    public LinkEmulator pinned() {
        return enabled ? new LinkEmulator(model(), clock, true) : this;
    }

    private CostModel model() {
        return path != null ? path.get() : costModel;
    }

    /** Emulates the links of {@code costModel}'s network. */
    public static LinkEmulator of(CostModel costModel, DeviceClock clock) {
        return new LinkEmulator(costModel, clock, true);
    }

    /** No delays (real network, or tests). */
    public static LinkEmulator disabled() {
        return new LinkEmulator(null, DeviceClock.SYSTEM, false);
    }

    public boolean enabled() {
        return enabled;
    }

    /** @return uplink seconds of {@code task} moving from site {@code from} to site {@code to} */
    public double uplinkSeconds(TaskInstance task, int from, int to) {
        return enabled ? transfer(task, from, to).uplinkSeconds() : 0;
    }

    /** @return downlink seconds of {@code task}'s result returning from site {@code to} to the device */
    public double downlinkSeconds(TaskInstance task, int from, int to) {
        return enabled ? transfer(task, from, to).downlinkSeconds() : 0;
    }

    /**
     * @return the emulated round trip of a small request (a poll) between the device and {@code siteId}:
     *         twice the link's one-way latency, s; 0 when disabled
     */
    public double roundTripSeconds(String siteId) {
        if (!enabled) {
            return 0;
        }
        CostModel m = model();
        return 2 * m.network().latencyMillis(m.deviceIndex(), m.network().indexOf(siteId)) / 1000.0;
    }

    /**
     * Changes the emulated link between the device and {@code siteId} from now on (a link that degrades or
     * recovers); transfers and polls already waiting keep their delay.
     *
     * @throws IllegalStateException when links are not emulated
     */
    public void setLink(String siteId, double latencyMillis, double bandwidthKBps) {
        if (!enabled) {
            throw new IllegalStateException("links are not emulated; there is no link to change");
        }
        if (path != null) {
            throw new IllegalStateException("links follow the device's cell schedule; a link cannot be set by hand");
        }
        if (!(latencyMillis >= 0) || !Double.isFinite(latencyMillis) || !(bandwidthKBps > 0)) {
            throw new IllegalArgumentException("a link needs a finite latency >= 0 and a bandwidth > 0, but was "
                    + latencyMillis + " ms, " + bandwidthKBps + " KB/s");
        }
        synchronized (this) {
            CostModel m = costModel;
            costModel = new CostModel(m.sites(), m.network().withLink(m.deviceIndex(), m.network().indexOf(siteId),
                    latencyMillis, bandwidthKBps), m.power(), m.failureDetectionSeconds());
        }
    }

    private TaskCost transfer(TaskInstance task, int from, int to) {
        return model().cost(task, from, to);
    }

    /** Waits {@code seconds} (the emulated transfer). */
    public void transmit(double seconds) {
        if (seconds > 0) {
            clock.sleepNanos((long) (seconds * 1e9));
        }
    }
}
