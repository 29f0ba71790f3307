package io.edgeoff.decision.external;

import java.util.Locale;

/** Why an external policy's decision was taken by its fallback policy. */
public enum FallbackCause {
    /** No answer within the per-decision time budget. */
    LATE,
    /** The policy could not be reached (connection refused or reset, host unreachable). */
    DOWN,
    /** The policy answered with an HTTP status other than 200. */
    BAD_STATUS,
    /**
     * The answer was not a valid decision: not JSON, another schema, no site, an unknown or excluded site, a remote
     * site for a task that is not offloadable.
     */
    NONSENSE,
    /**
     * Not asked: the policy was late or down on its last calls, so it is left alone for a cool-down before one trial
     * call ({@link CallGate}); a policy that hangs then costs one budget per cool-down, not one per decision.
     */
    SKIPPED;

    /** @return the cause in lower case with dashes, as reports print it ({@code bad-status}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
