package io.edgeoff.device.client;

/**
 * A site's {@code GET /v1/resources} answer.
 *
 * @param siteId                site id
 * @param mips                  rating, MI/s
 * @param cores                 cores
 * @param memoryGB              memory, GB
 * @param storageGB             storage, GB
 * @param queueLength           tasks waiting now
 * @param recentThroughputMips  MI executed per second recently
 */
public record SiteResources(String siteId, double mips, int cores, double memoryGB, double storageGB,
                            int queueLength, double recentThroughputMips) {
}
