/**
 * Child processes: {@link io.edgeoff.common.process.ManagedProcess} (one process with its log) and
 * {@link io.edgeoff.common.process.ProcessSupervisor} (named services: start, restart after a crash exit, kill,
 * recover, wait until ready, stop all), used by the demo's site processes and by the test-bed.
 */
package io.edgeoff.common.process;
