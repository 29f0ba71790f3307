/**
 * Site failures driven by real (or synthetic) failure traces. Two modes ({@link io.edgeoff.simulator.failure.FailureMode}):
 * {@code seed} reproduces the seed simulator (each epoch, each remote site fails with probability one
 * minus the next actual daily availability of its trace node, one trace day per epoch) and {@code time}
 * replays the trace's outages over virtual wall time with a compression factor, as the live sites do.
 */
package io.edgeoff.simulator.failure;
