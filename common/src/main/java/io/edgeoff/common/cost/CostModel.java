package io.edgeoff.common.cost;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.network.Network;
import io.edgeoff.common.site.Site;
import java.util.List;

/**
 * The seed's cost model (ORIGINAL.md section 4), exact:
 * <ul>
 *   <li>same site as the previous task: no uplink; execution = MI / MIPS;</li>
 *   <li>otherwise uplink = inKB / BW(prev, site) + latency(prev, site) / 1000;</li>
 *   <li>downlink = outKB / BW(site, device) + latency(site, device) / 1000, only for a sink task run remotely;</li>
 *   <li>device energy: device&rarr;device {@code local*exec}; device&rarr;remote
 *       {@code up*uplink + idle*exec + down*downlink}; same remote {@code idle*exec + down*downlink};
 *       remote&rarr;other remote {@code idle*(uplink + exec) + down*downlink}; remote&rarr;device
 *       {@code down*uplink + local*exec};</li>
 *   <li>a failed attempt costs the detection time and the device's power during it: uplink power
 *       when offloading from the device, idle power otherwise (seed: 1.5 s, 1.95 J and 0.45 J).</li>
 * </ul>
 * Sites are addressed by index in the scenario's site order. Immutable and thread-safe.
 *
 * <p>The one place where planning departs from the scenario's values is {@link #with(PlanningInputs)}: the
 * device's measured link latency and bandwidth replace the scenario's device-site links, and a site's measured
 * queueing delay adds to the execution time there. The simulator plans with the scenario's values.
 */
public final class CostModel {
    private final List<Site> sites;
    private final double[] mips;
    private final int deviceIndex;
    private final Network network;
    private final DevicePower power;
    private final double failureDetectionSeconds;
    /** Per site, expected wait in its queue, s (0 everywhere unless planned {@link #with} measured inputs). */
    private final double[] queueDelaySeconds;

    public CostModel(List<Site> sites, Network network, DevicePower power, double failureDetectionSeconds) {
        this.sites = List.copyOf(sites);
        this.network = network;
        this.power = power;
        if (!(failureDetectionSeconds >= 0) || !Double.isFinite(failureDetectionSeconds)) {
            throw new IllegalArgumentException(
                    "failureDetectionSeconds must be >= 0, but was " + failureDetectionSeconds);
        }
        this.failureDetectionSeconds = failureDetectionSeconds;
        this.mips = this.sites.stream().mapToDouble(Site::mips).toArray();
        int device = -1;
        for (int i = 0; i < this.sites.size(); i++) {
            if (!this.sites.get(i).isRemote()) {
                if (device >= 0) {
                    throw new IllegalArgumentException("exactly one DEVICE site is allowed, found "
                            + this.sites.get(device).id() + " and " + this.sites.get(i).id());
                }
                device = i;
            }
        }
        if (device < 0) {
            throw new IllegalArgumentException("a scenario needs exactly one DEVICE site, found none");
        }
        this.deviceIndex = device;
        this.queueDelaySeconds = new double[this.sites.size()];
    }

    private CostModel(CostModel base, Network network, double[] queueDelaySeconds, double[] mips) {
        this.sites = base.sites;
        this.mips = mips;
        this.deviceIndex = base.deviceIndex;
        this.power = base.power;
        this.failureDetectionSeconds = base.failureDetectionSeconds;
        this.network = network;
        this.queueDelaySeconds = queueDelaySeconds;
    }

    /**
     * This cost model planning with {@code inputs}: for each site they name, the device-site link (both directions)
     * gets the estimated latency and bandwidth, and the estimated queueing delay adds to the execution time on
     * that site. A site's learnt speed for the task at hand ({@link PlanningInputs#speeds()}) replaces its MIPS, so
     * its execution time is the device's prediction. Every other value is this model's. {@link PlanningInputs#none()}
     * returns this model.
     *
     * @throws IllegalArgumentException when {@code inputs} names an unknown site or the device
     */
    public CostModel with(PlanningInputs inputs) {
        if (inputs.isNone()) {
            return this;
        }
        Network planned = network;
        double[] queue = queueDelaySeconds.clone();
        for (SiteInputs s : inputs.sites()) {
            int site = network.indexOf(s.siteId());
            if (site == deviceIndex) {
                throw new IllegalArgumentException("planning inputs are for remote sites, but named the device "
                        + s.siteId());
            }
            planned = planned.withLink(deviceIndex, site, s.latencyMillis(), s.bandwidthKBps());
            queue[site] = s.queueDelayMillis() / 1000.0;
        }
        double[] speeds = mips;
        if (!inputs.speeds().isEmpty()) {
            speeds = mips.clone();
            for (SiteSpeed s : inputs.speeds()) {
                speeds[network.indexOf(s.siteId())] = s.mips();
            }
        }
        return new CostModel(this, planned, queue, speeds);
    }

    /** @return expected queueing delay on {@code site}, s (0 unless planning with measured inputs) */
    public double queueDelaySeconds(int site) {
        return queueDelaySeconds[site];
    }

    public List<Site> sites() {
        return sites;
    }

    public int siteCount() {
        return sites.size();
    }

    public int deviceIndex() {
        return deviceIndex;
    }

    public Network network() {
        return network;
    }

    public DevicePower power() {
        return power;
    }

    public double failureDetectionSeconds() {
        return failureDetectionSeconds;
    }

    /**
     * Cost of running {@code task} on site {@code to} when the previous task ran on {@code from}. The execution time
     * includes the site's queueing delay when this model plans with measured inputs ({@link #with}).
     */
    public TaskCost cost(TaskInstance task, int from, int to) {
        double exec = task.millionInstructions() / mips[to] + queueDelaySeconds[to];
        double up = 0;
        if (from != to) {
            up = task.inKB() / network.bandwidthKBps(from, to) + network.latencyMillis(from, to) / 1000.0;
        }
        double down = 0;
        if (task.sink() && to != deviceIndex) {
            down = task.outKB() / network.bandwidthKBps(to, deviceIndex)
                    + network.latencyMillis(to, deviceIndex) / 1000.0;
        }
        return new TaskCost(up, exec, down, energy(from, to, up, exec, down));
    }

    /**
     * Device energy of running a task on site {@code to} after its previous task ran on {@code from}, from
     * measured phase durations; the same cases as {@link #cost}, which passes its modelled durations. The live
     * device passes what it measured, so simulated and live runs share one energy formula.
     *
     * @param transferInSeconds   the input moving from {@code from} to {@code to} (0 on the same site), s, &gt;= 0
     * @param busySeconds         the time {@code to} holds the task: local computation on the device; on a
     *                            remote site the wait for its reply (queue, execution and network), s, &gt;= 0
     * @param transferOutSeconds  the result returning to the device (0 when there is none), s, &gt;= 0
     * @return energy the device spends meanwhile, J
     */
    public double energyJoules(int from, int to, double transferInSeconds, double busySeconds,
                               double transferOutSeconds) {
        requireSite("from", from);
        requireSite("to", to);
        requireSeconds("transferInSeconds", transferInSeconds);
        requireSeconds("busySeconds", busySeconds);
        requireSeconds("transferOutSeconds", transferOutSeconds);
        return energy(from, to, transferInSeconds, busySeconds, transferOutSeconds);
    }

    private void requireSite(String name, int index) {
        if (index < 0 || index >= mips.length) {
            throw new IllegalArgumentException(name + " must be a site index in [0," + mips.length + "), but was "
                    + index);
        }
    }

    private static void requireSeconds(String name, double seconds) {
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException(name + " must be >= 0, but was " + seconds);
        }
    }

    private double energy(int from, int to, double up, double exec, double down) {
        boolean fromDevice = from == deviceIndex;
        boolean toDevice = to == deviceIndex;
        if (fromDevice && toDevice) {
            return power.localExecutionWatts() * exec;
        }
        if (fromDevice) {
            return power.uplinkWatts() * up + power.idleWatts() * exec + power.downlinkWatts() * down;
        }
        if (from == to) {
            return power.idleWatts() * exec + power.downlinkWatts() * down;
        }
        if (!toDevice) {
            return power.idleWatts() * (up + exec) + power.downlinkWatts() * down;
        }
        return power.downlinkWatts() * up + power.localExecutionWatts() * exec;
    }

    /**
     * Cost of one failed offloading attempt from site {@code from}: the detection time, with the
     * device transmitting (from the device) or idle (from a remote site) meanwhile.
     */
    public TaskCost failedAttemptCost(int from) {
        return failedAttemptCost(from, failureDetectionSeconds);
    }

    /**
     * Cost of one failed offloading attempt from site {@code from} that took {@code detectionSeconds} to detect
     * (the simulator's failure-detector model gives it), with the device's power as in {@link #failedAttemptCost(int)}.
     */
    public TaskCost failedAttemptCost(int from, double detectionSeconds) {
        requireSeconds("detectionSeconds", detectionSeconds);
        double watts = from == deviceIndex ? power.uplinkWatts() : power.idleWatts();
        return new TaskCost(0, 0, detectionSeconds, watts * detectionSeconds);
    }
}
