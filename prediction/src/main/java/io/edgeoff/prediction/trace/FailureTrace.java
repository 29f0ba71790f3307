package io.edgeoff.prediction.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outages of a set of nodes, sorted by start time, with the report of how the file was read.
 * Immutable.
 */
public final class FailureTrace {
    private final List<Outage> outages;
    private final Map<NodeId, List<Outage>> byNode;
    private final TraceReadReport report;

    /**
     * @param outages outages in any order (they are sorted)
     * @param report  how the trace was read
     */
    public FailureTrace(List<Outage> outages, TraceReadReport report) {
        List<Outage> sorted = new ArrayList<>(outages);
        Collections.sort(sorted);
        this.outages = List.copyOf(sorted);
        Map<NodeId, List<Outage>> index = new TreeMap<>();
        for (Outage o : this.outages) {
            index.computeIfAbsent(o.nodeId(), k -> new ArrayList<>()).add(o);
        }
        Map<NodeId, List<Outage>> frozen = new TreeMap<>();
        index.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.byNode = Collections.unmodifiableMap(frozen);
        this.report = Objects.requireNonNull(report, "report");
    }

    /** A trace built in code (no file). */
    public static FailureTrace of(String source, List<Outage> outages) {
        return new FailureTrace(outages, new TraceReadReport(source, outages.size(), List.of()));
    }

    /** All outages, sorted by start. */
    public List<Outage> outages() {
        return outages;
    }

    /** The nodes that have at least one outage, sorted by (system, node). */
    public SortedSet<NodeId> nodes() {
        return new TreeSet<>(byNode.keySet());
    }

    /** The systems that occur, sorted. */
    public SortedSet<Integer> systems() {
        SortedSet<Integer> systems = new TreeSet<>();
        byNode.keySet().forEach(n -> systems.add(n.system()));
        return systems;
    }

    public boolean contains(NodeId node) {
        return byNode.containsKey(node);
    }

    /**
     * The outages of one node, sorted by start.
     *
     * @throws IllegalArgumentException naming the node if the trace has no outage of it
     */
    public List<Outage> outagesOf(NodeId node) {
        List<Outage> list = byNode.get(node);
        if (list == null) {
            throw new IllegalArgumentException("node " + node + " is not in trace " + report.source()
                    + " (" + byNode.size() + " nodes; see 'edgeoff trace nodes')");
        }
        return list;
    }

    /** Number of outages per node. */
    public Map<NodeId, Integer> failureCounts() {
        Map<NodeId, Integer> counts = new TreeMap<>();
        byNode.forEach((k, v) -> counts.put(k, v.size()));
        return counts;
    }

    public TraceReadReport report() {
        return report;
    }

    public int size() {
        return outages.size();
    }
}
