/**
 * The experiment runner of the seed's protocol (ORIGINAL.md sections 5-7): configurations x policies x
 * samplings x executions. Every random purpose has its own stream, derived from the run seed, the
 * purpose's name and the indices it belongs to ({@link io.edgeoff.simulator.run.Seeds}), so the same seed
 * gives the same results whatever the number of threads, and every policy sees the same workload and
 * failures (common random numbers).
 */
package io.edgeoff.simulator.run;
