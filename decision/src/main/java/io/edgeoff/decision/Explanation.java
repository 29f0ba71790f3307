package io.edgeoff.decision;

import java.util.List;

/**
 * Why a policy chose what it chose: its decision plus the policy and value of every state of the
 * model it solved (for {@code edgeoff decide}).
 *
 * @param decision  the decision for the request
 * @param states    one row per model state, in the model's order
 * @param valueKind what the values mean, e.g. "discounted seed reward (higher is better)"
 */
public record Explanation(Decision decision, List<StateRow> states, String valueKind) {
    public Explanation {
        states = List.copyOf(states);
    }

    /**
     * @param task       the task this state decides
     * @param state      the state's label, e.g. "ED" (site of the previous task)
     * @param actionSite site index the policy chooses in that state
     * @param value      the state's value
     */
    public record StateRow(String task, String state, int actionSite, double value) {
    }
}
