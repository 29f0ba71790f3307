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
 * @param handlers              names of the task handlers the site runs ({@code docs/HANDLERS.md}), sorted; empty
 *                              when absent (a site that runs only synthetic MI tasks)
 * @param hostMips              the calibrated speed of the site's host, MIPS, finite and &gt;= 0 (0: not stated); a
 *                              handler's measured time is scaled by {@code hostMips / mips}
 * @param speedEmulation        how a handler task's time is made the rated one: {@code stretch} (rated slower than the
 *                              host: the site waits the remainder), {@code report} (rated faster: the time reported is
 *                              the measured time scaled), {@code none} (rated as the host) or {@code ""} (not stated)
 */
@JsonPropertyOrder({"siteId", "mips", "cores", "memoryGB", "storageGB", "queueLength", "recentThroughputMips",
        "handlers", "hostMips", "speedEmulation"})
public record SiteResources(
        @JsonProperty(value = "siteId", required = true) String siteId,
        @JsonProperty(value = "mips", required = true) double mips,
        @JsonProperty(value = "cores", required = true) int cores,
        @JsonProperty(value = "memoryGB", required = true) double memoryGB,
        @JsonProperty(value = "storageGB", required = true) double storageGB,
        @JsonProperty(value = "queueLength", required = true) int queueLength,
        @JsonProperty(value = "recentThroughputMips", required = true) double recentThroughputMips,
        @JsonProperty(value = "handlers") java.util.List<String> handlers,
        @JsonProperty(value = "hostMips") double hostMips,
        @JsonProperty(value = "speedEmulation") String speedEmulation) {
    /** The ways a site makes a handler's time its rated one. */
    public static final java.util.Set<String> SPEED_EMULATIONS = java.util.Set.of("stretch", "report", "none", "");

    /** A site that states no handlers and no host speed (synthetic MI tasks only). */
    public SiteResources(String siteId, double mips, int cores, double memoryGB, double storageGB, int queueLength,
                         double recentThroughputMips) {
        this(siteId, mips, cores, memoryGB, storageGB, queueLength, recentThroughputMips, java.util.List.of(), 0, "");
    }

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
        handlers = handlers == null ? java.util.List.of() : java.util.List.copyOf(handlers);
        Checks.finiteAtLeast(hostMips, 0, "hostMips");
        speedEmulation = speedEmulation == null ? "" : speedEmulation;
        if (!SPEED_EMULATIONS.contains(speedEmulation)) {
            throw InvalidFieldException.invalid("speedEmulation", "speedEmulation must be one of stretch, report, none,"
                    + " but was '" + speedEmulation + "'");
        }
    }

    /** @return true when the site states that it runs the handler {@code name} */
    public boolean hasHandler(String name) {
        return handlers.contains(name);
    }
}
