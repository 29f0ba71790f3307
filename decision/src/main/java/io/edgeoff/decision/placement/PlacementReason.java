package io.edgeoff.decision.placement;

/**
 * Why a task ended on the site it ran on: the policy's own choice, or one of the loop's fallbacks to the device.
 * A fallback is never silent: it is recorded with the placement.
 */
public enum PlacementReason {
    /** The policy chose the site, and the choice was valid. */
    POLICY_CHOICE,
    /** The task must run on the device; the policy is not asked. */
    NOT_OFFLOADABLE,
    /** The task has made {@link PlacementRules#maxRemoteAttempts()} remote attempts; the policy is not asked. */
    ATTEMPT_CAP_REACHED,
    /** Every remote site is excluded (failed, or suspected under {@code EXCLUDE_SUSPECTED}); the policy is not asked. */
    NO_REMOTE_SITE_LEFT,
    /** The policy chose a site index outside the scenario: the task runs on the device. */
    CHOICE_OUT_OF_RANGE,
    /** The policy chose an excluded site: the task runs on the device. */
    CHOICE_EXCLUDED;

    /** @return true when the loop, not the policy, put the task on the device */
    public boolean isFallback() {
        return this != POLICY_CHOICE;
    }

    /** @return true when the policy broke its contract (chose a site it must not choose) */
    public boolean isInvalidChoice() {
        return this == CHOICE_OUT_OF_RANGE || this == CHOICE_EXCLUDED;
    }
}
