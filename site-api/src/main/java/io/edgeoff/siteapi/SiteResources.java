package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code GET /v1/resources}.
 *
 * @param siteId                site id, not blank
 * @param mips                  rating, MI/s, finite and &gt;= 0
 * @param cores                 cores, &gt;= 1
 * @param memoryGB              memory, GB, finite and &gt;= 0
 * @param storageGB             storage, GB, finite and &gt;= 0
 * @param queueLength           tasks waiting now, &gt;= 0
 * @param recentThroughputMips  MI completed per second over the last 10 s, finite and &gt;= 0
 */
@JsonPropertyOrder({"siteId", "mips", "cores", "memoryGB", "storageGB", "queueLength", "recentThroughputMips"})
public record SiteResources(
        @JsonProperty(value = "siteId", required = true) String siteId,
        @JsonProperty(value = "mips", required = true) double mips,
        @JsonProperty(value = "cores", required = true) int cores,
        @JsonProperty(value = "memoryGB", required = true) double memoryGB,
        @JsonProperty(value = "storageGB", required = true) double storageGB,
        @JsonProperty(value = "queueLength", required = true) int queueLength,
        @JsonProperty(value = "recentThroughputMips", required = true) double recentThroughputMips) {
    public SiteResources {
        Checks.notBlank(siteId, "siteId");
        Checks.finiteAtLeast(mips, 0, "mips");
        if (cores < 1) {
            throw InvalidFieldException.invalid("cores", "cores must be >= 1, but was " + cores);
        }
        Checks.finiteAtLeast(memoryGB, 0, "memoryGB");
        Checks.finiteAtLeast(storageGB, 0, "storageGB");
        if (queueLength < 0) {
            throw InvalidFieldException.invalid("queueLength", "queueLength must be >= 0, but was " + queueLength);
        }
        Checks.finiteAtLeast(recentThroughputMips, 0, "recentThroughputMips");
    }
}
