package io.edgeoff.device.client;

/**
 * A site's answer to a task.
 *
 * @param idempotencyKey   echo of the request's key
 * @param siteId           the site that executed the task
 * @param output           output bytes
 * @param queueWaitMillis  time the task waited in the site's queue, ms
 * @param executionMillis  time the site's kernel ran, ms
 * @param replayed         true when answered from the replay cache
 */
public record TaskReply(String idempotencyKey, String siteId, byte[] output, double queueWaitMillis,
                        double executionMillis, boolean replayed) {
}
