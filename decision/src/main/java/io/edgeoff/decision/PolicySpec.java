package io.edgeoff.decision;

import java.util.Objects;
import java.util.function.Function;

/**
 * One entry of the policy registry ({@link Policies}): everything a caller (the simulator or the device) needs to
 * run a policy by name.
 *
 * @param name              registry name, e.g. {@code seed-mdp-svr}
 * @param description       one line for {@code edgeoff policies}
 * @param onFailure         what the placement loop does after a failed attempt
 * @param onSuspicion       what the placement loop does with a site the failure detector suspects
 * @param needsGroundTruth  the policy reads {@link DecisionRequest#actualUp()} (which sites are really up), which
 *                          only the simulator knows; a live device refuses such a policy
 * @param factory           creates a fresh instance for one run
 */
public record PolicySpec(String name, String description, FailureResponse onFailure, SuspicionResponse onSuspicion,
                         boolean needsGroundTruth, Function<PolicyContext, OffloadingPolicy> factory) {
    public PolicySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(onSuspicion, "onSuspicion");
        Objects.requireNonNull(factory, "factory");
        if (name.isBlank() || name.contains(",") || !name.equals(name.strip())) {
            throw new IllegalArgumentException("policy name must be a non-blank word without commas, but was '"
                    + name + "'");
        }
    }

    /** A new instance of the policy for one run (one thread). */
    public OffloadingPolicy create(PolicyContext context) {
        return factory.apply(context);
    }
}
