/**
 * The built-in task handlers: one per application of the seed scenario, each doing genuine work
 * whose amount follows its input, plus {@code synthetic-mi}, the seed-faithful synthetic task
 * ({@link io.edgeoff.common.compute.ComputeKernel}). {@link io.edgeoff.handlers.BuiltInHandlers}
 * generates each handler's input from a seed and a size, so runs are reproducible, and says which
 * handler serves which task of the seed's applications.
 */
package io.edgeoff.handlers;
