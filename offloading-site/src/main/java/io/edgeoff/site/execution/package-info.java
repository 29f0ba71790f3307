/**
 * Task execution: the deterministic {@link io.edgeoff.common.compute.ComputeKernel}, the
 * {@link io.edgeoff.site.execution.TaskExecutor} that runs it on {@code cores} workers behind a
 * bounded queue and paces each task to {@code MI / MIPS} seconds, idempotency and throughput.
 */
package io.edgeoff.site.execution;
