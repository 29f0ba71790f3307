package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failure-process model: times between failure starts are Weibull (Schroeder and Gibson, "A large-scale study
 * of failures in high-performance computing systems", DSN 2006, found LANL inter-failure times Weibull with
 * shape &lt; 1, a decreasing hazard), fitted per node by maximum likelihood with the time since the last failure
 * as a right-censored observation. For a slot starting {@code t} after the last failure, the outage probability
 * is {@code 1 - exp(H(t) - H(t + slot))} with {@code H(t) = (t / scale)^shape}, and the expected availability is
 * {@code 1 - p * L}, with L the node's mean loss in training slots that had outage time. A node down at the end
 * of the history has probability 1 and availability {@code 1 - L} for the next slot.
 */
public final class WeibullPredictor implements Predictor {
    public static final String NAME = "weibull";

    private final Optional<WeibullFit> fit;
    private final double lossGivenOutage;
    private final double fallbackOutage;

    private WeibullPredictor(Optional<WeibullFit> fit, double lossGivenOutage, double fallbackOutage) {
        this.fit = fit;
        this.lossGivenOutage = lossGivenOutage;
        this.fallbackOutage = fallbackOutage;
    }

    public static Trainer trainer() {
        return Trainer.of(NAME, history -> {
            return fit(history);
        });
    }

    static WeibullPredictor fit(AvailabilitySeries h) {
        double[] obs = SeriesMath.requireObserved(h);
        double loss = 0;
        int outageSlots = 0;
        for (double v : obs) {
            if (v < 1) {
                loss += 1 - v;
                outageSlots++;
            }
        }
        double lossGivenOutage = outageSlots == 0 ? 0 : loss / outageSlots;
        double fallback = (double) outageSlots / obs.length;
        List<Outage> outages = h.outages();
        if (outages.size() < 2) {
            return new WeibullPredictor(Optional.empty(), lossGivenOutage, fallback);
        }
        double[] gaps = new double[outages.size() - 1];
        for (int i = 1; i < outages.size(); i++) {
            gaps[i - 1] = Math.max(60.0, seconds(outages.get(i - 1).start(), outages.get(i).start()));
        }
        double censored = seconds(outages.get(outages.size() - 1).start(), h.end());
        double[] cens = censored > 0 ? new double[] {censored} : new double[0];
        return new WeibullPredictor(Optional.of(WeibullFit.mle(gaps, cens)), lossGivenOutage, fallback);
    }

    private static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }

    /** The fitted inter-failure distribution (seconds), empty with fewer than two failures. */
    public Optional<WeibullFit> weibull() {
        return fit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] outageProbability(AvailabilitySeries observed, int k) {
        Predictor.requireHorizon(k);
        double[] p = new double[k];
        Instant end = observed.end();
        List<Outage> outages = observed.outages();
        Outage last = outages.isEmpty() ? null : outages.get(outages.size() - 1);
        boolean down = last != null && !last.end().isBefore(end) && last.length().toNanos() > 0;
        double slotSeconds = observed.slot().toNanos() / 1e9;
        for (int j = 0; j < k; j++) {
            if (j == 0 && down) {
                p[j] = 1.0;
            } else if (fit.isEmpty() || last == null) {
                p[j] = fallbackOutage;
            } else {
                double t = seconds(last.start(), end) + j * slotSeconds;
                p[j] = fit.get().conditionalFailure(t, slotSeconds);
            }
            p[j] = Predictor.clamp01(p[j]);
        }
        return p;
    }

    @Override
    public double[] forecast(AvailabilitySeries observed, int k) {
        double[] p = outageProbability(observed, k);
        double[] a = new double[k];
        for (int j = 0; j < k; j++) {
            a[j] = Predictor.clamp01(1 - p[j] * lossGivenOutage);
        }
        return a;
    }
}
