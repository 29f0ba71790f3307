package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import java.util.ArrayList;
import java.util.List;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * The seed's model: epsilon-SVR with an RBF kernel (LIBSVM) regressing availability on the slot index
 * ({@code x = day index}). Hyper-parameters follow the seed: {@code C = max(|mean + 3 sd|, |mean - 3 sd|)} of
 * the training targets, {@code epsilon = 0.001}, and {@code gamma = 1 / var(x)} (scikit-learn's
 * {@code gamma='scale'} for one feature). LIBSVM tolerance 1e-3, shrinking on, as in scikit-learn.
 */
public final class SvrPredictor implements Predictor {
    public static final String NAME = "svr";
    /** The seed's epsilon. */
    public static final double SEED_EPSILON = 0.001;

    static {
        svm.svm_set_print_string_function(s -> { });
    }

    /**
     * Hyper-parameters; NaN means "by the seed's rule".
     *
     * @param c       regularisation C &gt; 0, or NaN for {@code max(|mean+3sd|,|mean-3sd|)}
     * @param gamma   RBF gamma &gt; 0, or NaN for {@code 1/var(x)}
     * @param epsilon epsilon-tube half width &gt;= 0
     */
    public record Params(double c, double gamma, double epsilon) {
        public Params {
            if (!Double.isNaN(c) && !(c > 0)) {
                throw new IllegalArgumentException("SVR C must be > 0, but was " + c);
            }
            if (!Double.isNaN(gamma) && !(gamma > 0)) {
                throw new IllegalArgumentException("SVR gamma must be > 0, but was " + gamma);
            }
            if (!(epsilon >= 0)) {
                throw new IllegalArgumentException("SVR epsilon must be >= 0, but was " + epsilon);
            }
        }

        /** The seed's rule. */
        public static Params seed() {
            return new Params(Double.NaN, Double.NaN, SEED_EPSILON);
        }
    }

    private final String name;
    private final svm_model model;
    private final double c;
    private final double gamma;
    private final double epsilon;

    private SvrPredictor(String name, svm_model model, double c, double gamma, double epsilon) {
        this.name = name;
        this.model = model;
        this.c = c;
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

    /** Trainer with the seed's hyper-parameter rule. */
    public static Trainer trainer() {
        return trainer(NAME, Params.seed());
    }

    /** Trainer with given hyper-parameters (NaN fields follow the seed's rule). */
    public static Trainer trainer(String name, Params params) {
        return Trainer.of(name, history -> {
            return fit(name, history, params);
        });
    }

    /** Fits on the observed slots of {@code history}: x = slot index, y = availability. */
    static SvrPredictor fit(String name, AvailabilitySeries history, Params params) {
        List<double[]> xy = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            double v = history.value(i);
            if (!Double.isNaN(v)) {
                xy.add(new double[] {i, v});
            }
        }
        if (xy.isEmpty()) {
            throw new IllegalArgumentException("availability series of node " + history.nodeId() + " has no observed slot");
        }
        double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = xy.stream().mapToDouble(p -> p[1]).toArray();
        return fit(name, x, y, params);
    }

    /** Fits on explicit points (x = slot index). */
    static SvrPredictor fit(String name, double[] x, double[] y, Params params) {
        double c = Double.isNaN(params.c()) ? seedC(y) : params.c();
        double gamma = Double.isNaN(params.gamma()) ? scaleGamma(x) : params.gamma();
        svm_problem problem = new svm_problem();
        problem.l = x.length;
        problem.y = y.clone();
        problem.x = new svm_node[x.length][];
        for (int i = 0; i < x.length; i++) {
            problem.x[i] = new svm_node[] {node(x[i])};
        }
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.EPSILON_SVR;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma;
        p.C = c;
        p.p = params.epsilon();
        p.eps = 1e-3;
        p.cache_size = 200;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        String error = svm.svm_check_parameter(problem, p);
        if (error != null) {
            throw new IllegalArgumentException("invalid SVR parameters: " + error);
        }
        return new SvrPredictor(name, svm.svm_train(problem, p), c, gamma, params.epsilon());
    }

    /** The seed's C: {@code max(|mean + 3 sd|, |mean - 3 sd|)} of the targets (population sd). */
    public static double seedC(double[] y) {
        double m = SeriesMath.mean(y);
        double sd = SeriesMath.sd(y);
        double c = Math.max(Math.abs(m + 3 * sd), Math.abs(m - 3 * sd));
        return c > 0 ? c : 1.0;
    }

    /** scikit-learn's {@code gamma='scale'} for one feature: {@code 1 / var(x)} (1 if the variance is 0). */
    public static double scaleGamma(double[] x) {
        double var = Math.pow(SeriesMath.sd(x), 2);
        return var > 0 ? 1.0 / var : 1.0;
    }

    private static svm_node node(double x) {
        svm_node n = new svm_node();
        n.index = 1;
        n.value = x;
        return n;
    }

    /** Raw (unclamped) prediction at slot index {@code x}. */
    double predictRaw(double x) {
        return svm.svm_predict(model, new svm_node[] {node(x)});
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[] forecast(AvailabilitySeries observed, int k) {
        Predictor.requireHorizon(k);
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            out[j] = Predictor.clamp01(predictRaw(observed.size() + j));
        }
        return out;
    }

    public double c() {
        return c;
    }

    public double gamma() {
        return gamma;
    }

    public double epsilon() {
        return epsilon;
    }
}
