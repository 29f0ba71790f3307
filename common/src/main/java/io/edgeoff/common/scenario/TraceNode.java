package io.edgeoff.common.scenario;

/**
 * A node of a failure trace, e.g. a LANL node {@code (system, node number)}.
 *
 * @param system  system (cluster) id, &gt;= 0
 * @param node    node number within the system, &gt;= 0
 */
public record TraceNode(int system, int node) {
    public TraceNode {
        if (system < 0) {
            throw new IllegalArgumentException("trace system must be >= 0, but was " + system);
        }
        if (node < 0) {
            throw new IllegalArgumentException("trace node must be >= 0, but was " + node);
        }
    }

    @Override
    public String toString() {
        return "(" + system + "," + node + ")";
    }
}
