package io.edgeoff.device.client;

import io.edgeoff.siteapi.TaskReply;

/** Outcome of one offloading attempt: the site's reply, or how the attempt failed. */
public sealed interface OffloadResult {

    /** The site executed the task. */
    record Completed(TaskReply reply) implements OffloadResult {
    }

    /**
     * The attempt failed.
     *
     * @param kind    how the failure was detected
     * @param detail  human-readable detail (status code, exception message)
     */
    record Failed(FailureKind kind, String detail) implements OffloadResult {
    }
}
