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
 * @param executionNanos   time from the start of execution to its end (paced to the site's rating)
 */
public record TaskResult(String idempotencyKey, long digest, int outBytes, long queueWaitNanos, long executionNanos) {
    /** @return the output payload */
    public byte[] output() {
        byte[] out = new byte[outBytes];
        ComputeKernel.expand(digest, out);
        return out;
    }
}
