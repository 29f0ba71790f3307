package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * State-conditional mean ("markov"): the expected availability of the next slot, and the probability that it
 * has an outage, given the node's state at the end of the last observed slot.
 * <ul>
 *   <li>Down (an outage is in progress at the end of the last slot, elapsed time {@code e}): the next slot
 *       certainly has outage time (probability 1); its expected availability is
 *       {@code 1 - mean(min(D - e, slot)) / slot} over the node's completed training outages with length
 *       {@code D > e} (the empirical residual repair time), shrunk towards the average of all down states.</li>
 *   <li>Up: the state is the number of slots since the last slot with outage time: 1, 2-3, 4-7, 8-30, more
 *       (or none yet). Per state the trainer averages the availability (and the outage indicator) of the slot that
 *       followed each training slot in that state, shrunk towards the node's overall mean with a pseudo-count of
 *       {@value #PRIOR_SLOTS} slots.</li>
 * </ul>
 * It captures the two regularities of LANL daily availability that the seed's SVR on the day index cannot:
 * outages in progress continue (their residual length), and failures cluster (the decreasing hazard that
 * Schroeder and Gibson report: a node that just failed fails again soon). Slots further ahead assume no new
 * failure in between.
 */
public final class MarkovPredictor implements Predictor {
    public static final String NAME = "markov";
    /** Pseudo-count of the shrinkage towards the node's overall figures. */
    public static final double PRIOR_SLOTS = 3.0;
    static final int DOWN = 0;
    static final int STATES = 6;

    private final double[] meanAvailability;
    private final double[] outageProbability;
    private final long[] repairNanos;

    private MarkovPredictor(double[] meanAvailability, double[] outageProbability, long[] repairNanos) {
        this.meanAvailability = meanAvailability;
        this.outageProbability = outageProbability;
        this.repairNanos = repairNanos;
    }

    public static Trainer trainer() {
        return Trainer.of(NAME, history -> {
            return fit(history);
        });
    }

    static MarkovPredictor fit(AvailabilitySeries h) {
        double[] obs = SeriesMath.requireObserved(h);
        double overallMean = SeriesMath.mean(obs);
        double overallOutage = 0;
        for (double v : obs) {
            overallOutage += v < 1 ? 1 : 0;
        }
        overallOutage /= obs.length;
        double[] sumA = new double[STATES];
        double[] sumO = new double[STATES];
        double[] count = new double[STATES];
        List<Outage> outages = h.outages();
        int sinceOutage = Integer.MAX_VALUE;
        int cursor = 0;
        for (int t = 1; t < h.size(); t++) {
            double prev = h.value(t - 1);
            if (!Double.isNaN(prev) && prev < 1) {
                sinceOutage = 1;
            } else if (sinceOutage != Integer.MAX_VALUE) {
                sinceOutage++;
            }
            Instant boundary = h.slotStart(t);
            while (cursor < outages.size() && !outages.get(cursor).end().isAfter(boundary)) {
                cursor++;
            }
            boolean down = cursor < outages.size() && outages.get(cursor).start().isBefore(boundary);
            double v = h.value(t);
            if (Double.isNaN(v)) {
                continue;
            }
            int s = down ? DOWN : upState(sinceOutage);
            sumA[s] += v;
            sumO[s] += v < 1 ? 1 : 0;
            count[s]++;
        }
        double[] mean = new double[STATES];
        double[] outage = new double[STATES];
        for (int s = 0; s < STATES; s++) {
            mean[s] = (sumA[s] + PRIOR_SLOTS * overallMean) / (count[s] + PRIOR_SLOTS);
            outage[s] = (sumO[s] + PRIOR_SLOTS * overallOutage) / (count[s] + PRIOR_SLOTS);
        }
        outage[DOWN] = 1.0;
        List<Long> completed = new ArrayList<>();
        Instant end = h.end();
        for (Outage o : outages) {
            if (o.end().isBefore(end) && o.length().toNanos() > 0) {
                completed.add(o.length().toNanos());
            }
        }
        return new MarkovPredictor(mean, outage, completed.stream().mapToLong(Long::longValue).toArray());
    }

    static int upState(int sinceOutage) {
        if (sinceOutage <= 1) {
            return 1;
        }
        if (sinceOutage <= 3) {
            return 2;
        }
        if (sinceOutage <= 7) {
            return 3;
        }
        if (sinceOutage <= 30) {
            return 4;
        }
        return 5;
    }

    /** Expected availability of the next slot for a node down for {@code elapsedNanos} at its start. */
    double downAvailability(long elapsedNanos, long slotNanos) {
        double sum = 0;
        int n = 0;
        for (long d : repairNanos) {
            if (d > elapsedNanos) {
                sum += Math.min(d - elapsedNanos, slotNanos) / (double) slotNanos;
                n++;
            }
        }
        double downFraction = (sum + PRIOR_SLOTS * (1 - meanAvailability[DOWN])) / (n + PRIOR_SLOTS);
        return 1 - downFraction;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(AvailabilitySeries observed, int k) {
        return project(observed, k, true);
    }

    @Override
    public double[] outageProbability(AvailabilitySeries observed, int k) {
        return project(observed, k, false);
    }

    private double[] project(AvailabilitySeries observed, int k, boolean availability) {
        Predictor.requireHorizon(k);
        double[] table = availability ? meanAvailability : outageProbability;
        int n = observed.size();
        int since = Integer.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            double v = observed.value(i);
            if (!Double.isNaN(v) && v < 1) {
                since = n - i;
                break;
            }
        }
        long elapsed = -1;
        Instant end = observed.end();
        for (Outage o : observed.outages()) {
            if (o.start().isBefore(end) && !o.end().isBefore(end) && o.length().toNanos() > 0) {
                elapsed = Duration.between(o.start(), end).toNanos();
            }
        }
        double[] out = new double[k];
        int first = 0;
        if (elapsed >= 0) {
            out[0] = availability ? downAvailability(elapsed, observed.slot().toNanos()) : 1.0;
            since = 0;
            first = 1;
        }
        for (int j = first; j < k; j++) {
            int s = upState(since == Integer.MAX_VALUE ? since : since + j);
            out[j] = table[s];
        }
        for (int j = 0; j < k; j++) {
            out[j] = Predictor.clamp01(out[j]);
        }
        return out;
    }
}
