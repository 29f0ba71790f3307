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
 * @param inputs            what the policy itself reads of a site's outlook, in words for tables (e.g.
 *                          {@code forecast}, {@code MTBF}); empty when it reads nothing of it
 */
public record PolicySpec(String name, String description, FailureResponse onFailure, SuspicionResponse onSuspicion,
                         boolean needsGroundTruth, Function<PolicyContext, OffloadingPolicy> factory,
                         java.util.List<String> inputs) {
    /** An entry whose policy reads nothing of the outlook that it names (test policies). */
    public PolicySpec(String name, String description, FailureResponse onFailure, SuspicionResponse onSuspicion,
                      boolean needsGroundTruth, Function<PolicyContext, OffloadingPolicy> factory) {
        this(name, description, onFailure, onSuspicion, needsGroundTruth, factory, java.util.List.of());
    }

    public PolicySpec {
        inputs = java.util.List.copyOf(Objects.requireNonNull(inputs, "inputs"));
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

    /**
     * What the policy reacts to, in one short line for tables: its inputs, {@code suspicion} when suspected sites
     * are excluded, and what follows a failed attempt ({@code fail->retry}: another site is chosen, the device
     * included; {@code fail->device}: the task runs on the device), e.g. {@code forecast+suspicion, fail->retry}.
     */
    public String reactsTo() {
        java.util.List<String> seen = new java.util.ArrayList<>(inputs);
        if (onSuspicion == SuspicionResponse.EXCLUDE_SUSPECTED) {
            seen.add("suspicion");
        }
        String failure = onFailure == FailureResponse.DEVICE_ONLY ? "fail->device" : "fail->retry";
        return seen.isEmpty() ? failure : String.join("+", seen) + ", " + failure;
    }

    /** A new instance of the policy for one run (one thread). */
    public OffloadingPolicy create(PolicyContext context) {
        return factory.apply(context);
    }
}
