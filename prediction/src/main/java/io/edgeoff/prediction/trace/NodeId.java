package io.edgeoff.prediction.trace;

import io.edgeoff.common.scenario.TraceNode;

/**
 * A node of a failure trace: LANL {@code (System, nodenum)}, or {@code (0, n)} for a trace that names
 * nodes by a single number.
 *
 * @param system system (cluster) id, &gt;= 0
 * @param node   node number within the system, &gt;= 0
 */
public record NodeId(int system, int node) implements Comparable<NodeId> {
    public NodeId {
        if (system < 0) {
            throw new IllegalArgumentException("system must be >= 0, but was " + system);
        }
        if (node < 0) {
            throw new IllegalArgumentException("node must be >= 0, but was " + node);
        }
    }

    /** The same node as the scenario's {@link TraceNode}. */
    public static NodeId of(TraceNode traceNode) {
        return new NodeId(traceNode.system(), traceNode.node());
    }

    /**
     * Parses {@code "S/N"}, {@code "S:N"} or {@code "N"} (system 0).
     *
     * @throws IllegalArgumentException naming the text when it is not such a node
     */
    public static NodeId parse(String text) {
        String t = text.strip();
        int sep = Math.max(t.indexOf('/'), t.indexOf(':'));
        try {
            if (sep < 0) {
                return new NodeId(0, Integer.parseInt(t));
            }
            return new NodeId(Integer.parseInt(t.substring(0, sep).strip()), Integer.parseInt(t.substring(sep + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("node must be 'system/node' or 'node' (integers), but was '" + text + "'");
        }
    }

    public TraceNode toTraceNode() {
        return new TraceNode(system, node);
    }

    @Override
    public int compareTo(NodeId o) {
        int c = Integer.compare(system, o.system);
        return c != 0 ? c : Integer.compare(node, o.node);
    }

    @Override
    public String toString() {
        return system + "/" + node;
    }
}
