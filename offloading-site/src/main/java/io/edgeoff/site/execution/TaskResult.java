package io.edgeoff.site.execution;

import io.edgeoff.common.compute.ComputeKernel;

/**
 * The result of one execution. The output bytes are not stored: they are the kernel's expansion of
 * {@code digest} ({@link #output()}), so cached results stay small.
 *
 * @param idempotencyKey   the task's key
 * @param digest           the kernel's digest
 * @param outBytes         output size in bytes
 * @param queueWaitNanos   time from acceptance to the start of execution
 * @param executionNanos   time from the start of execution to its end (paced to the site's rating; for a handler
 *                         task, its measured time scaled to the rating, see {@link HandlerExecution})
 * @param payload          a handler task's output bytes, or null for a synthetic task (whose output is the kernel's
 *                         expansion of {@code digest})
 */
public record TaskResult(String idempotencyKey, long digest, int outBytes, long queueWaitNanos, long executionNanos,
                         byte[] payload) {
    /** The result of a synthetic task: the output is the expansion of {@code digest}. */
    public TaskResult(String idempotencyKey, long digest, int outBytes, long queueWaitNanos, long executionNanos) {
        this(idempotencyKey, digest, outBytes, queueWaitNanos, executionNanos, null);
    }

    /** @return the output payload */
    public byte[] output() {
        if (payload != null) {
            return payload;
        }
        byte[] out = new byte[outBytes];
        ComputeKernel.expand(digest, out);
        return out;
    }
}
