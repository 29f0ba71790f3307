package io.edgeoff.decision.placement;

/**
 * The rules of the placement loop that are not the policy's: how many remote attempts one task may make.
 *
 * @param maxRemoteAttempts  remote attempts of one task after which it runs on the device, &gt;= 1 (default
 *                           {@value #DEFAULT_MAX_REMOTE_ATTEMPTS})
 */
public record PlacementRules(int maxRemoteAttempts) {
    /** Default cap on a task's remote attempts. */
    public static final int DEFAULT_MAX_REMOTE_ATTEMPTS = 4;

    public PlacementRules {
        if (maxRemoteAttempts < 1) {
            throw new IllegalArgumentException("maxRemoteAttempts must be >= 1, but was " + maxRemoteAttempts);
        }
    }

    public static PlacementRules ofDefaults() {
        return new PlacementRules(DEFAULT_MAX_REMOTE_ATTEMPTS);
    }
}
