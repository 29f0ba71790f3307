package io.edgeoff.device.monitor;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.device.DeviceClock;
import java.util.HashMap;
import java.util.Map;

/**
 * What the device learns from what it sees about each site's availability, combined with the site's own forecast.
 *
 * <p>Model (Beta-Bernoulli with exponential forgetting): an attempt on a site succeeds with probability {@code p}.
 * The prior is {@code Beta(k f, k (1 - f))}, {@code f} the site's forecast for the next slot and {@code k}
 * {@link BeliefConfig#priorStrength()}. The device counts what it observes: {@code s} successful attempts and
 * {@code n} failed ones (refused, 5xx, 4xx, timed out, lost connection) plus {@code w} per suspicion by the
 * failure detector ({@link BeliefConfig#suspicionWeight()}). Both counts decay by half every
 * {@link BeliefConfig#halfLifeSeconds()}, so old evidence fades and the belief returns to the forecast. The
 * believed availability is the posterior mean
 * <pre>
 *     p = (k f + s) / (k + s + n)
 * </pre>
 * A site that forecasts 1.0 and fails every attempt falls to {@code k / (k + n)}: 0.5 after 4 failures, 0.29 after
 * 10 (k = 4); a site that keeps working stays at its forecast or above it. The forecast is read anew at every
 * decision, so a site's own learning is not overridden, only weighed against what the device saw.
 *
 * <p>The belief colours an outlook's <em>down probability</em> ({@code 1 - p}, 1 while suspected), which the
 * {@code mdp} policy plans with; the predicted availability stays the site's forecast, which {@code seed-mdp-svr}
 * reads as its paper does. Thread-safe.
 */
public final class AvailabilityBelief {
    private final BeliefConfig config;
    private final DeviceClock clock;
    private final Map<String, Counts> counts = new HashMap<>();

    public AvailabilityBelief(BeliefConfig config, DeviceClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** An attempt on {@code siteId} succeeded. */
    public void succeeded(String siteId) {
        add(siteId, 1, 0);
    }

    /** An attempt on {@code siteId} failed (refused, error, rejected, timed out, connection lost). */
    public void failed(String siteId) {
        add(siteId, 0, 1);
    }

    /** The failure detector began suspecting {@code siteId}. */
    public void suspected(String siteId) {
        add(siteId, 0, config.suspicionWeight());
    }

    /** @return believed availability of {@code siteId}, in [0,1], given its own {@code forecast} in [0,1] */
    public double availability(String siteId, double forecast) {
        if (!(forecast >= 0 && forecast <= 1)) {
            throw new IllegalArgumentException("forecast must be in [0,1], but was " + forecast);
        }
        double k = config.priorStrength();
        synchronized (counts) {
            Counts c = decayed(siteId);
            return (k * forecast + c.successes) / (k + c.successes + c.failures);
        }
    }

    /**
     * {@code forecast} (the monitor's outlook: the site's forecast, coloured by suspicion) with the down probability
     * the device believes: {@code 1 - availability(siteId, forecast.predictedAvailability())}, 1 while suspected.
     */
    public SiteOutlook outlook(String siteId, SiteOutlook forecast) {
        double believed = availability(siteId, forecast.predictedAvailability());
        return new SiteOutlook(forecast.predictedAvailability(), forecast.suspected() ? 1.0 : 1.0 - believed,
                forecast.failureRatePerSecond(), forecast.mtbfHours(), forecast.hoursSinceLastFailure(),
                forecast.suspected());
    }

    private void add(String siteId, double successes, double failures) {
        synchronized (counts) {
            Counts c = decayed(siteId);
            c.successes += successes;
            c.failures += failures;
        }
    }

    private Counts decayed(String siteId) {
        long now = clock.nanoTime();
        Counts c = counts.computeIfAbsent(siteId, id -> new Counts(now));
        double factor = Math.pow(0.5, (now - c.atNanos) / 1e9 / config.halfLifeSeconds());
        c.successes *= factor;
        c.failures *= factor;
        c.atNanos = now;
        return c;
    }

    private static final class Counts {
        double successes;
        double failures;
        long atNanos;

        Counts(long atNanos) {
            this.atNanos = atNanos;
        }
    }
}
