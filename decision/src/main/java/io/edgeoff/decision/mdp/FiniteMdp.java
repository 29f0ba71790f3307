package io.edgeoff.decision.mdp;

/**
 * A finite, discounted Markov decision process in the layout of pymdptoolbox:
 * {@code P[action][state][nextState]} transition probabilities and {@code R[action][state][nextState]}
 * rewards, maximised. Validated on construction: every matrix is square and of the same size, every
 * probability is in [0,1], every row sums to 1 within {@value #ROW_SUM_TOLERANCE}, rewards are
 * finite, and the discount is in [0,1). Arrays are not copied; callers must not change them.
 */
public final class FiniteMdp {
    /** Largest accepted deviation of a transition row's sum from 1. */
    public static final double ROW_SUM_TOLERANCE = 1e-9;

    private final double[][][] transitions;
    private final double[][][] rewards;
    private final double discount;
    private final double[][] expectedRewards;

    public FiniteMdp(double[][][] transitions, double[][][] rewards, double discount) {
        validate(transitions, rewards, discount);
        this.transitions = transitions;
        this.rewards = rewards;
        this.discount = discount;
        int actions = transitions.length;
        int states = transitions[0].length;
        this.expectedRewards = new double[actions][states];
        for (int a = 0; a < actions; a++) {
            for (int s = 0; s < states; s++) {
                double sum = 0;
                for (int t = 0; t < states; t++) {
                    sum += transitions[a][s][t] * rewards[a][s][t];
                }
                expectedRewards[a][s] = sum;
            }
        }
    }

    private static void validate(double[][][] p, double[][][] r, double discount) {
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("discount must be in [0,1), but was " + discount);
        }
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("transitions must have at least one action");
        }
        if (r == null || r.length != p.length) {
            throw new IllegalArgumentException("rewards must have " + p.length + " actions like transitions, but has "
                    + (r == null ? "none" : r.length));
        }
        int states = p[0] == null ? 0 : p[0].length;
        if (states == 0) {
            throw new IllegalArgumentException("transitions must have at least one state");
        }
        for (int a = 0; a < p.length; a++) {
            requireSquare("transitions", a, p[a], states);
            requireSquare("rewards", a, r[a], states);
            for (int s = 0; s < states; s++) {
                double sum = 0;
                for (int t = 0; t < states; t++) {
                    double prob = p[a][s][t];
                    if (!(prob >= 0 && prob <= 1)) {
                        throw new IllegalArgumentException("P[" + a + "][" + s + "][" + t + "] must be in [0,1], but was " + prob);
                    }
                    if (!Double.isFinite(r[a][s][t])) {
                        throw new IllegalArgumentException("R[" + a + "][" + s + "][" + t + "] must be finite, but was " + r[a][s][t]);
                    }
                    sum += prob;
                }
                if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                    throw new IllegalArgumentException("row P[" + a + "][" + s + "] must sum to 1, but sums to " + sum);
                }
            }
        }
    }

    private static void requireSquare(String what, int action, double[][] matrix, int states) {
        if (matrix == null || matrix.length != states) {
            throw new IllegalArgumentException(what + "[" + action + "] must have " + states + " rows, but has "
                    + (matrix == null ? "none" : matrix.length));
        }
        for (int s = 0; s < states; s++) {
            if (matrix[s] == null || matrix[s].length != states) {
                throw new IllegalArgumentException(what + "[" + action + "][" + s + "] must have " + states
                        + " columns, but has " + (matrix[s] == null ? "none" : matrix[s].length));
            }
        }
    }

    public int actionCount() {
        return transitions.length;
    }

    public int stateCount() {
        return transitions[0].length;
    }

    public double discount() {
        return discount;
    }

    public double transition(int action, int state, int next) {
        return transitions[action][state][next];
    }

    public double reward(int action, int state, int next) {
        return rewards[action][state][next];
    }

    /** @return {@code sum_t P[a][s][t] * R[a][s][t]} */
    public double expectedReward(int action, int state) {
        return expectedRewards[action][state];
    }

    /** @return {@code R(s,a) + discount * sum_t P[a][s][t] * values[t]} */
    public double qValue(int action, int state, double[] values) {
        double[] row = transitions[action][state];
        double future = 0;
        for (int t = 0; t < row.length; t++) {
            future += row[t] * values[t];
        }
        return expectedRewards[action][state] + discount * future;
    }

    /** The greedy policy for {@code values}; ties go to the lowest action index (as in pymdptoolbox). */
    public int[] greedyPolicy(double[] values) {
        int[] policy = new int[stateCount()];
        for (int s = 0; s < policy.length; s++) {
            int best = 0;
            double bestQ = qValue(0, s, values);
            for (int a = 1; a < actionCount(); a++) {
                double q = qValue(a, s, values);
                if (q > bestQ) {
                    bestQ = q;
                    best = a;
                }
            }
            policy[s] = best;
        }
        return policy;
    }
}
