package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's SVR with hyper-parameters chosen on the training data only: the last
 * {@value #VALIDATION_PERCENT} % of the observed training slots (in time order) validate every combination of
 * C (seed rule times 0.1 and 1), gamma ({@code 1/var(x)} times 1 and 30) and epsilon (0.001, 0.05); the grid
 * is small because each LIBSVM fit on a few thousand days takes up to a second;
 * the combination with the lowest validation RMSE of the static forecast is refitted on all training slots.
 */
public final class TunedSvrPredictor {
    public static final String NAME = "svr-tuned";
    static final int VALIDATION_PERCENT = 20;
    static final double[] C_FACTORS = {0.1, 1};
    static final double[] GAMMA_FACTORS = {1, 30};
    static final double[] EPSILONS = {0.001, 0.05};

    private TunedSvrPredictor() {
    }

    public static Predictor.Trainer trainer() {
        return new Predictor.Trainer() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Predictor train(AvailabilitySeries history) {
                return tune(history);
            }
        };
    }

    static SvrPredictor tune(AvailabilitySeries h) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            if (!Double.isNaN(h.value(i))) {
                points.add(new double[] {i, h.value(i)});
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("availability series of node " + h.nodeId() + " has no observed slot");
        }
        int nFit = points.size() - points.size() * VALIDATION_PERCENT / 100;
        if (nFit < 5 || nFit == points.size()) {
            return SvrPredictor.fit(NAME, h, SvrPredictor.Params.seed());
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        double[] xFit = java.util.Arrays.copyOf(x, nFit);
        double[] yFit = java.util.Arrays.copyOf(y, nFit);
        double baseC = SvrPredictor.seedC(yFit);
        double baseGamma = SvrPredictor.scaleGamma(xFit);
        double best = Double.POSITIVE_INFINITY;
        double[] bestFactors = {1, 1, SvrPredictor.SEED_EPSILON};
        for (double cf : C_FACTORS) {
            for (double gf : GAMMA_FACTORS) {
                for (double eps : EPSILONS) {
                    SvrPredictor m = SvrPredictor.fit(NAME, xFit, yFit, new SvrPredictor.Params(baseC * cf, baseGamma * gf, eps));
                    double sse = 0;
                    for (int i = nFit; i < x.length; i++) {
                        double e = Predictor.clamp01(m.predictRaw(x[i])) - y[i];
                        sse += e * e;
                    }
                    if (sse < best) {
                        best = sse;
                        bestFactors = new double[] {cf, gf, eps};
                    }
                }
            }
        }
        double c = SvrPredictor.seedC(y) * bestFactors[0];
        double gamma = SvrPredictor.scaleGamma(x) * bestFactors[1];
        return SvrPredictor.fit(NAME, x, y, new SvrPredictor.Params(c, gamma, bestFactors[2]));
    }
}
