package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import java.util.List;

/**
 * Equal-weight average of several models' forecasts and outage probabilities ("blend" of {@code markov} and
 * {@code weibull} by default): the two failure-process models err in different ways (state table versus
 * parametric hazard), and averaging probability forecasts lowers the Brier score when their errors are not
 * perfectly correlated.
 */
public final class BlendPredictor implements Predictor {
    public static final String NAME = "blend";
    public static final List<String> DEFAULT_MEMBERS = List.of(MarkovPredictor.NAME, WeibullPredictor.NAME);

    private final List<Predictor> members;

    private BlendPredictor(List<Predictor> members) {
        this.members = List.copyOf(members);
    }

    public static Trainer trainer(List<String> memberNames) {
        if (memberNames.isEmpty()) {
            throw new IllegalArgumentException("a blend needs at least one member model");
        }
        List<String> names = List.copyOf(memberNames);
        names.forEach(Predictors::description);
        return Trainer.of(NAME, history -> {
            return new BlendPredictor(names.stream().map(n -> Predictors.trainer(n).train(history)).toList());
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(AvailabilitySeries observed, int k) {
        double[] sum = new double[Predictor.requireHorizon(k)];
        for (Predictor p : members) {
            double[] f = p.forecast(observed, k);
            for (int j = 0; j < k; j++) {
                sum[j] += f[j] / members.size();
            }
        }
        return clamp(sum);
    }

    @Override
    public double[] outageProbability(AvailabilitySeries observed, int k) {
        double[] sum = new double[Predictor.requireHorizon(k)];
        for (Predictor p : members) {
            double[] f = p.outageProbability(observed, k);
            for (int j = 0; j < k; j++) {
                sum[j] += f[j] / members.size();
            }
        }
        return clamp(sum);
    }

    private static double[] clamp(double[] v) {
        for (int j = 0; j < v.length; j++) {
            v[j] = Predictor.clamp01(v[j]);
        }
        return v;
    }
}
