package io.edgeoff.prediction.availability;

import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A node of a trace as {@code edgeoff trace nodes} lists it: its catalogue entry (failures, first and last failure,
 * seed category) with its reliability (MTBF, the seed's MTBF, MTTR).
 */
public record NodeSummary(NodeCatalogue.Entry entry, NodeReliability reliability) {

    /**
     * Every node of {@code trace} in catalogue order, or only those of {@code system}.
     *
     * @throws IllegalArgumentException when {@code system} is given and not in the trace
     */
    public static List<NodeSummary> of(FailureTrace trace, OptionalInt system) {
        List<NodeSummary> rows = new ArrayList<>();
        for (NodeCatalogue.Entry e : NodeCatalogue.of(trace).entries()) {
            if (system.isPresent() && e.nodeId().system() != system.getAsInt()) {
                continue;
            }
            rows.add(new NodeSummary(e, NodeReliability.of(e.nodeId(), trace.outagesOf(e.nodeId()))));
        }
        if (system.isPresent() && rows.isEmpty()) {
            throw new IllegalArgumentException("system " + system.getAsInt() + " is not in trace "
                    + trace.report().source() + " (systems: " + trace.systems() + ")");
        }
        return rows;
    }
}
