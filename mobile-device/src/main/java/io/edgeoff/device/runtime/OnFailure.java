package io.edgeoff.device.runtime;

/**
 * What the runtime does after a failed offloading attempt (the decision engine's
 * {@code Policies.onFailure(name)} says which one a policy uses).
 */
public enum OnFailure {
    /** Exclude the failed site for this task and ask the policy again (MDP-SVR and most policies). */
    EXCLUDE_SITE_AND_REDECIDE,
    /** Run the task on the device (EFPO, reactive). */
    DEVICE_ONLY
}
