package io.edgeoff.decision.external;

import java.time.Duration;
import java.util.Objects;

/**
 * How every external policy of a run is called.
 *
 * @param budget    time budget of one decision (connection, request and answer), &gt; 0 and &lt;= 60 s; a later
 *                  answer is not waited for and the fallback decides ({@link FallbackCause#LATE})
 * @param fallback  registry name of the built-in or plug-in policy that decides when the external one is late, down
 *                  or answers nonsense; not itself external
 */
public record ExternalPolicySettings(Duration budget, String fallback) {
    /** The default budget in milliseconds (for help texts). */
    public static final long DEFAULT_BUDGET_MILLIS = 200;
    /** Default time budget of one decision. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(DEFAULT_BUDGET_MILLIS);
    /** Default fallback policy. */
    public static final String DEFAULT_FALLBACK = "mdp";
    private static final Duration MAX_BUDGET = Duration.ofSeconds(60);

    public ExternalPolicySettings {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(fallback, "fallback");
        if (budget.isNegative() || budget.isZero() || budget.compareTo(MAX_BUDGET) > 0) {
            throw new IllegalArgumentException("external policy budget must be in (0 ms, 60000 ms], but was "
                    + budget.toMillis() + " ms");
        }
        if (fallback.isBlank() || fallback.startsWith(ExternalPolicy.PREFIX)) {
            throw new IllegalArgumentException("external policy fallback must be a built-in or plug-in policy, but was '"
                    + fallback + "'");
        }
    }

    /** Budget {@value #DEFAULT_BUDGET_MILLIS} ms, fallback {@code mdp}. */
    public static ExternalPolicySettings ofDefaults() {
        return new ExternalPolicySettings(DEFAULT_BUDGET, DEFAULT_FALLBACK);
    }
}
