package io.edgeoff.prediction.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes of a trace with their failure counts, first and last failure, and seed category.
 *
 * @param entries one entry per node, sorted by (system, node)
 */
public record NodeCatalogue(List<Entry> entries) {
    public NodeCatalogue {
        entries = List.copyOf(entries);
    }

    /**
     * One node.
     *
     * @param nodeId       the node
     * @param failures     number of outages
     * @param firstFailure start of the first outage
     * @param lastFailure  start of the last outage
     * @param category     the seed category of its system, empty if the seed does not use the system
     */
    public record Entry(NodeId nodeId, int failures, Instant firstFailure, Instant lastFailure,
                        Optional<SeedCategory> category) {
    }

    /** Builds the catalogue of a trace. */
    public static NodeCatalogue of(FailureTrace trace) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<NodeId, Integer> e : trace.failureCounts().entrySet()) {
            List<Outage> outages = trace.outagesOf(e.getKey());
            entries.add(new Entry(e.getKey(), e.getValue(), outages.get(0).start(),
                    outages.get(outages.size() - 1).start(), SeedCategory.ofSystem(e.getKey().system())));
        }
        return new NodeCatalogue(entries);
    }

    /** Total outages of one system. */
    public int failuresOfSystem(int system) {
        return entries.stream().filter(e -> e.nodeId().system() == system).mapToInt(Entry::failures).sum();
    }

    /** Number of distinct nodes with at least one failure. */
    public int nodeCount() {
        return entries.size();
    }
}
