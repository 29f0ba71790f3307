/**
 * The device runtime (seed steps 3a-5b): runs application DAGs with ready tasks in parallel, asks the
 * decision engine for a site per task, offloads, re-decides after a failure, falls back to local execution
 * with the same compute kernel at the device's rating, and records exactly one final outcome per task.
 */
package io.edgeoff.device.runtime;
