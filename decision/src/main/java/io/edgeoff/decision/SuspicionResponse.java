package io.edgeoff.decision;

/**
 * What the placement loop does with a site the device's failure detector suspects (live: the heartbeat
 * detector; simulated: its model). A policy's registry entry states it, so the simulator and the device apply the
 * same rule.
 */
public enum SuspicionResponse {
    /**
     * The policy decides as if there were no failure detector: the loop shows it every outlook without the
     * suspicion ({@link SiteOutlook#withSuspicion(boolean) withSuspicion(false)}), and a suspected site stays
     * choosable. The baselines that react only to failed attempts (the seed's MDP-SVR, EFPO, the Kubernetes-style
     * {@code reactive}).
     */
    IGNORE,
    /**
     * A suspected site is excluded for the rest of the task's placement, as a failed one is, and the policy sees
     * the suspicion in its outlook.
     */
    EXCLUDE_SUSPECTED
}
