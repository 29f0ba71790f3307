/**
 * The one placement loop of edgeoff, shared by the simulator and the device: for one task it asks the policy,
 * validates the choice, runs the attempt through an injected {@link io.edgeoff.decision.placement.AttemptRunner}
 * (the simulator's cost model and failure process in virtual time, or the device's HTTP offload and local kernel),
 * applies the policy's registered failure and suspicion responses, and asks again, under one attempt cap and one
 * fallback rule ({@link io.edgeoff.decision.placement.PlacementRules}).
 */
package io.edgeoff.decision.placement;
