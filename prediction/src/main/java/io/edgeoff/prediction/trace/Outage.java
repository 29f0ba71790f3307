package io.edgeoff.prediction.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One failure of a node: it went down at {@code start} and was back after {@code length}.
 *
 * @param nodeId the node
 * @param start  when the problem started
 * @param length how long the node was down, &gt;= 0 (LANL: {@code Down Time} minutes)
 */
public record Outage(NodeId nodeId, Instant start, Duration length) implements Comparable<Outage> {
    public Outage {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("outage length must be >= 0, but was " + length);
        }
    }

    /** When the node was back up. */
    public Instant end() {
        return start.plus(length);
    }

    @Override
    public int compareTo(Outage o) {
        int c = start.compareTo(o.start);
        if (c != 0) {
            return c;
        }
        c = nodeId.compareTo(o.nodeId);
        return c != 0 ? c : length.compareTo(o.length);
    }
}
