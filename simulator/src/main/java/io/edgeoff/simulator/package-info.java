/**
 * The simulator: the live system's policies, predictors and cost model run in virtual time on a
 * seeded discrete-event engine ({@link io.edgeoff.simulator.engine}), with trace-driven site failures
 * ({@link io.edgeoff.simulator.failure}), an experiment runner reproducing the seed's protocol
 * ({@link io.edgeoff.simulator.run}), per-sampling metrics ({@link io.edgeoff.simulator.metrics}) and
 * reports ({@link io.edgeoff.simulator.report}).
 */
package io.edgeoff.simulator;
