/**
 * The clairvoyant bound: the fastest possible execution of an application under the cost model, planned over the
 * whole DAG with every future failure of the sampling known ({@link io.edgeoff.simulator.bound.ClairvoyantPlanner}).
 * The simulator runs it as the registry's {@code clairvoyant} policy; no policy's response time can be below it.
 */
package io.edgeoff.simulator.bound;
