package io.edgeoff.decision.mdp;

/**
 * An optimal (or, for value iteration, epsilon-optimal) stationary policy and its state values.
 *
 * @param policy     action per state
 * @param values     value per state under {@code policy}
 * @param iterations iterations the solver used
 * @param converged  false when the iteration cap stopped the solver first
 */
public record MdpSolution(int[] policy, double[] values, int iterations, boolean converged) {
}
