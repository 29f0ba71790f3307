/**
 * Experiments split over processes or machines: {@code edgeoff simulate --shard I/N} runs every N-th unit of an
 * experiment (one unit: one sampling of one policy on one configuration, at one weight of a weight sweep) and writes
 * a shard folder ({@link io.edgeoff.simulator.shard.ShardFolder}); {@code edgeoff results merge} reads the N folders
 * and writes exactly the bytes an unsharded run writes ({@link io.edgeoff.simulator.shard.ShardMerge}).
 *
 * <p>Why the bytes are the same: a unit's random streams are derived from the seed and the unit's identity alone
 * ({@link io.edgeoff.simulator.run.Seeds}), so a unit gives the same metrics in any shard; a shard stores each unit's
 * metrics in the results schema with every number in Java's shortest round-trip form, so reading them back gives the
 * same doubles; and the merge rebuilds the unsharded run's list of units in the same order and hands it to the same
 * report writers. Every shard carries the experiment's fingerprint (SHA-256 of what was run: scenario, flags, trace
 * content), and the merge refuses shards of different experiments, missing or duplicate shards and malformed files.
 */
package io.edgeoff.simulator.shard;
