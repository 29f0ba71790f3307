package io.edgeoff.testbed.fault;

import java.util.Locale;

/** What a fault does to a remote site. */
public enum FaultKind {
    /** The site's process is killed (SIGKILL) and restarted when the fault ends. */
    CRASH,
    /** The site's link is set down (a partition); new connections fail at once, open ones stall. */
    LINK_DOWN,
    /** The site's path gets extra one-way delay and loss (netem: per packet; relay: per connection). */
    DEGRADE;

    /** Parses {@code crash}, {@code link-down} or {@code degrade} (any case, '_' or '-'). */
    public static FaultKind parse(String text) {
        String norm = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (FaultKind kind : values()) {
            if (kind.name().equals(norm)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("fault kind must be crash, link-down or degrade, but was '" + text + "'");
    }

    /** The lower-case, dashed name used in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
