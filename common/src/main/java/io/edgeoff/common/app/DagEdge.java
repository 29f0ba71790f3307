package io.edgeoff.common.app;

/** A precedence edge: {@code to} may start only after {@code from} finished. */
public record DagEdge(String from, String to) {
    public DagEdge {
        if (from == null || to == null) {
            throw new IllegalArgumentException("edge ends must not be null");
        }
    }
}
