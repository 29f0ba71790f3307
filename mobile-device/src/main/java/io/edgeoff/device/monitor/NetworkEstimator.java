package io.edgeoff.device.monitor;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.InputSource;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The device's estimates of what the cost model plans with live (seed step 2c): per remote site the one-way
 * latency and the bandwidth of the device-site link and the site's queueing delay. Each estimate starts at the
 * scenario's value (its prior; queueing delay 0), so a device that has measured nothing plans exactly as the
 * scenario says, and moves towards each measurement by {@code max(smoothing, 1 / (priorSamples + k))} for the
 * k-th sample ({@link EstimatorConfig}): a running mean with the prior counted as {@code priorSamples} samples at
 * first, an exponentially weighted mean later, so a link that degrades or a site that slows down shows within a
 * few samples. The samples:
 * <ul>
 *   <li>latency: half the round trip of a poll of the site's {@code /v1/resources} (emulated link delay included
 *       when links are emulated);</li>
 *   <li>bandwidth: kilobytes moved over the link divided by the transfer's time beyond its latency legs
 *       ({@link #transfer}); transfers shorter than {@code minTransferMillis} beyond the latency give no sample;</li>
 *   <li>queueing delay: each task reply's {@code queueWaitMillis} (the site's measurement of the wait), and each
 *       poll's {@code queueLength} times the mean execution time measured there, over the site's cores.</li>
 * </ul>
 * An estimate is {@link InputSource#MEASURED} from its first sample on. Thread-safe; no clock (samples are
 * weighted by count, not by age).
 */
public final class NetworkEstimator {
    private final EstimatorConfig config;
    private final Map<String, SiteEstimates> sites = new LinkedHashMap<>();

    /**
     * @param prior  the scenario's cost model: its device-site links are the priors
     * @param config smoothing parameters
     */
    public NetworkEstimator(CostModel prior, EstimatorConfig config) {
        this.config = config;
        for (int s = 0; s < prior.siteCount(); s++) {
            if (s != prior.deviceIndex()) {
                SiteInputs p = SiteInputs.priorOf(prior, s);
                sites.put(p.siteId(), new SiteEstimates(p.latencyMillis(), p.bandwidthKBps()));
            }
        }
    }

    /** A measured round trip of a small request to {@code siteId}, ms: half of it is a latency sample. */
    public synchronized void roundTrip(String siteId, double roundTripMillis) {
        if (roundTripMillis >= 0 && Double.isFinite(roundTripMillis)) {
            site(siteId).latency.add(roundTripMillis / 2, config);
        }
    }

    /**
     * A measured transfer over the device-site link of {@code siteId}.
     *
     * @param kilobytes    data moved, KB
     * @param seconds      measured time of the transfer, latency included, s
     * @param latencyLegs  one-way latencies contained in {@code seconds} (1 for an upload, 2 for a round trip)
     */
    public synchronized void transfer(String siteId, double kilobytes, double seconds, int latencyLegs) {
        SiteEstimates s = site(siteId);
        double transferSeconds = seconds - latencyLegs * s.latency.value / 1000.0;
        if (kilobytes > 0 && transferSeconds * 1000.0 >= config.minTransferMillis() && Double.isFinite(seconds)) {
            s.bandwidth.add(kilobytes / transferSeconds, config);
        }
    }

    /** A task's measured wait in {@code siteId}'s queue and its execution time there (from its reply), ms. */
    public synchronized void taskReply(String siteId, double queueWaitMillis, double executionMillis) {
        SiteEstimates s = site(siteId);
        if (queueWaitMillis >= 0 && Double.isFinite(queueWaitMillis)) {
            s.queue.add(queueWaitMillis, config);
        }
        if (executionMillis >= 0 && Double.isFinite(executionMillis)) {
            s.execution.add(executionMillis, config);
        }
    }

    /**
     * The queue {@code siteId} reports ({@code /v1/resources}): {@code queueLength} tasks waiting for one of its
     * {@code cores}; a sample of {@code queueLength x mean execution time / cores} once an execution time has been
     * measured there.
     */
    public synchronized void reportedQueue(String siteId, int queueLength, int cores) {
        SiteEstimates s = site(siteId);
        if (s.execution.samples > 0 && queueLength >= 0 && cores >= 1) {
            s.queue.add(queueLength * s.execution.value / cores, config);
        }
    }

    /**
     * The device-site link of {@code siteId} is another one now (the device moved to another cell): its latency and
     * bandwidth estimates start over from the new link's values as their priors; the queueing delay, which is the
     * site's, stays.
     */
    public synchronized void relink(String siteId, double latencyMillis, double bandwidthKBps) {
        SiteEstimates s = site(siteId);
        s.latency.restart(latencyMillis);
        s.bandwidth.restart(bandwidthKBps);
    }

    /** @return the estimates of {@code siteId} */
    public synchronized SiteInputs inputs(String siteId) {
        SiteEstimates s = site(siteId);
        return new SiteInputs(siteId, s.latency.value, s.latency.source(), s.bandwidth.value, s.bandwidth.source(),
                s.queue.value, s.queue.source());
    }

    /** @return the estimates of every remote site, in the scenario's order */
    public synchronized PlanningInputs inputs() {
        List<SiteInputs> all = new ArrayList<>(sites.size());
        sites.keySet().forEach(id -> all.add(inputs(id)));
        return new PlanningInputs(all);
    }

    private SiteEstimates site(String siteId) {
        SiteEstimates s = sites.get(siteId);
        if (s == null) {
            throw new IllegalArgumentException("unknown site " + siteId + "; estimated: " + sites.keySet());
        }
        return s;
    }

    private static final class SiteEstimates {
        final Estimate latency;
        final Estimate bandwidth;
        final Estimate queue = new Estimate(0);
        /** Mean execution time there, ms: no prior (NaN until the first reply). */
        final Estimate execution = new Estimate(Double.NaN);

        SiteEstimates(double latencyMillis, double bandwidthKBps) {
            this.latency = new Estimate(latencyMillis);
            this.bandwidth = new Estimate(bandwidthKBps);
        }
    }

    /** One smoothed value with its prior. */
    private static final class Estimate {
        double value;
        long samples;

        Estimate(double prior) {
            this.value = prior;
        }

        void restart(double prior) {
            value = prior;
            samples = 0;
        }

        void add(double sample, EstimatorConfig config) {
            samples++;
            double weight = Math.max(config.smoothing(), 1.0 / (config.priorSamples() + samples));
            value = Double.isNaN(value) || Double.isInfinite(value) ? sample : value + weight * (sample - value);
        }

        InputSource source() {
            return samples > 0 ? InputSource.MEASURED : InputSource.PRIOR;
        }
    }
}
