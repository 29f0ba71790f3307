package io.edgeoff.decision.mdp;

import java.util.Arrays;

/**
 * Howard's policy iteration, as pymdptoolbox's {@code PolicyIteration}: the initial policy is
 * greedy for the one-step expected reward (values 0); each step evaluates the policy exactly by
 * solving {@code (I - discount * P_pi) V = R_pi} (Gaussian elimination with partial pivoting) and
 * improves it greedily, ties to the lowest action index. Stops when the policy is unchanged or after
 * {@code maxIterations} improvements.
 */
public final class PolicyIteration {
    /** Default cap on improvement steps (pymdptoolbox: 1000). */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    private PolicyIteration() {
    }

    public static MdpSolution solve(FiniteMdp mdp) {
        return solve(mdp, DEFAULT_MAX_ITERATIONS);
    }

    public static MdpSolution solve(FiniteMdp mdp, int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, but was " + maxIterations);
        }
        int states = mdp.stateCount();
        int[] policy = mdp.greedyPolicy(new double[states]);
        double[] values = evaluate(mdp, policy);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            int[] improved = mdp.greedyPolicy(values);
            if (Arrays.equals(improved, policy)) {
                return new MdpSolution(policy, values, iteration, true);
            }
            policy = improved;
            values = evaluate(mdp, policy);
        }
        return new MdpSolution(policy, values, maxIterations, false);
    }

    /** Exact value of a stationary policy. */
    public static double[] evaluate(FiniteMdp mdp, int[] policy) {
        int n = mdp.stateCount();
        double gamma = mdp.discount();
        double[][] a = new double[n][n + 1];
        for (int s = 0; s < n; s++) {
            int action = policy[s];
            for (int t = 0; t < n; t++) {
                a[s][t] = (s == t ? 1.0 : 0.0) - gamma * mdp.transition(action, s, t);
            }
            a[s][n] = mdp.expectedReward(action, s);
        }
        return LinearSystem.solveAugmented(a);
    }
}
