package io.edgeoff.common.site;

import java.util.Objects;

/**
 * An execution site.
 *
 * @param id        short unique identifier, e.g. {@code MD}, {@code EC}
 * @param kind      device, edge or cloud
 * @param mips      rated processing speed in million instructions per second, &gt; 0
 * @param cores     number of cores, &gt;= 1
 * @param memoryGb  memory in GB, &gt;= 0
 * @param storageGb storage in GB, &gt;= 0
 */
public record Site(String id, SiteKind kind, double mips, int cores, double memoryGb, double storageGb) {
    public Site {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("site id must not be blank");
        }
        if (!(mips > 0) || !Double.isFinite(mips)) {
            throw new IllegalArgumentException("site " + id + ": mips must be > 0, but was " + mips);
        }
        if (cores < 1) {
            throw new IllegalArgumentException("site " + id + ": cores must be >= 1, but was " + cores);
        }
        if (!(memoryGb >= 0) || !Double.isFinite(memoryGb)) {
            throw new IllegalArgumentException("site " + id + ": memoryGb must be >= 0, but was " + memoryGb);
        }
        if (!(storageGb >= 0) || !Double.isFinite(storageGb)) {
            throw new IllegalArgumentException("site " + id + ": storageGb must be >= 0, but was " + storageGb);
        }
    }

    /** @return true for edge and cloud sites, the ones a task can be offloaded to */
    public boolean isRemote() {
        return kind != SiteKind.DEVICE;
    }
}
