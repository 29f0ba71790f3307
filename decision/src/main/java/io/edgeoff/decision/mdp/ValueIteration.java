package io.edgeoff.decision.mdp;

/**
 * Value iteration. Stops when the largest value change of a sweep is below
 * {@code epsilon * (1 - discount) / (2 * discount)}, which bounds the distance of the values to the
 * optimum by {@code epsilon / 2} and makes the greedy policy epsilon-optimal (pymdptoolbox uses the
 * span of the change instead, which leaves its values off by a constant); or after
 * {@code maxIterations} sweeps. Ties go to the lowest action index.
 */
public final class ValueIteration {
    public static final double DEFAULT_EPSILON = 0.01;
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    private ValueIteration() {
    }

    public static MdpSolution solve(FiniteMdp mdp) {
        return solve(mdp, DEFAULT_EPSILON, DEFAULT_MAX_ITERATIONS);
    }

    public static MdpSolution solve(FiniteMdp mdp, double epsilon, int maxIterations) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, but was " + epsilon);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, but was " + maxIterations);
        }
        int n = mdp.stateCount();
        double gamma = mdp.discount();
        double threshold = gamma == 0 ? Double.POSITIVE_INFINITY : epsilon * (1 - gamma) / (2 * gamma);
        double[] values = new double[n];
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double[] next = new double[n];
            double maxDelta = 0;
            for (int s = 0; s < n; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < mdp.actionCount(); a++) {
                    best = Math.max(best, mdp.qValue(a, s, values));
                }
                next[s] = best;
                maxDelta = Math.max(maxDelta, Math.abs(best - values[s]));
            }
            values = next;
            if (maxDelta < threshold) {
                return new MdpSolution(mdp.greedyPolicy(values), values, iteration, true);
            }
        }
        return new MdpSolution(mdp.greedyPolicy(values), values, maxIterations, false);
    }
}
