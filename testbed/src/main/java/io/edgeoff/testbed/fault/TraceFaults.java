package io.edgeoff.testbed.fault;

import io.edgeoff.common.scenario.ExperimentConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fault plan of a failure trace: each remote site replays the outages of the trace node its
 * configuration assigns to it, on a common time origin (the earliest outage start of those nodes),
 * each outage turned into a crash, a link-down or a degradation (seeded draw; the trace says
 * when a node was down, not why). Outages of 0 minutes count as one minute.
 */
public final class TraceFaults {
    private static final double MIN_OUTAGE_SECONDS = 60;

    private TraceFaults() {
    }

    /**
     * @param trace         failure trace (LANL, generic or synthetic)
     * @param scenario      scenario whose configuration names the trace nodes
     * @param configuration configuration id
     * @param kinds         fault kinds to draw from
     * @param weights       their weights
     * @param degradation   extra delay and loss of drawn degradations
     * @param seed          seed of the kind draws
     * @throws IllegalArgumentException when the configuration names a node the trace does not hold
     */
    public static FaultPlan plan(FailureTrace trace, Scenario scenario, int configuration, List<FaultKind> kinds,
                                 double[] weights, FaultEvent degradation, long seed) {
        ExperimentConfig config = scenario.configuration(configuration);
        Instant origin = null;
        for (TraceNode node : config.nodes().values()) {
            NodeId id = NodeId.of(node);
            if (!trace.contains(id)) {
                throw new IllegalArgumentException("configuration " + configuration + " names trace node " + id
                        + ", which the trace does not hold");
            }
            for (Outage o : trace.outagesOf(id)) {
                origin = origin == null || o.start().isBefore(origin) ? o.start() : origin;
            }
        }
        List<FaultPlan.Outage> outages = new ArrayList<>();
        for (Map.Entry<String, TraceNode> e : config.nodes().entrySet()) {
            for (Outage o : trace.outagesOf(NodeId.of(e.getValue()))) {
                double start = (o.start().toEpochMilli() - origin.toEpochMilli()) / 1000.0;
                double length = Math.max(MIN_OUTAGE_SECONDS, o.length().toMillis() / 1000.0);
                outages.add(new FaultPlan.Outage(e.getKey(), start, length));
            }
        }
        return FaultPlan.fromOutages(outages, kinds, weights, degradation, new SplittableRandom(seed));
    }
}
