package io.edgeoff.decision;

/** A policy that can show the model behind a decision: the policy and value of every state. */
public interface ExplainablePolicy extends OffloadingPolicy {

    /** Decides like {@link #decide(DecisionRequest)} and explains the decision. */
    Explanation explain(DecisionRequest request);
}
