/**
 * The decision engine (seed workflow steps 3a-4a): MDP solvers and offloading policies behind one
 * interface, {@link io.edgeoff.decision.OffloadingPolicy}. Used unchanged by the mobile device
 * runtime and by the simulator; only the inputs ({@link io.edgeoff.decision.DecisionRequest}) differ.
 */
package io.edgeoff.decision;
