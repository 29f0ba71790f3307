package io.edgeoff.decision;

/** What the caller does after a failed offloading attempt, before asking the policy again. */
public enum FailureResponse {
    /** Exclude the failed site for this task and decide again (seed MDP-SVR, {@code mdp}, most baselines). */
    EXCLUDE_SITE_AND_REDECIDE,
    /** Exclude every remote site: the task runs on the device (EFPO; {@code reactive}'s local re-execution). */
    DEVICE_ONLY
}
