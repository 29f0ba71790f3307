package io.edgeoff.simulator.run;

import io.edgeoff.simulator.metrics.FleetBreakdown;
import java.util.List;
import java.util.Objects;

/**
 * An experiment's results with every sampling's breakdown per device and per cell.
 *
 * @param result      what {@link ExperimentRunner#run} returns
 * @param breakdowns  one per sampling, in the order of {@link ExperimentResult#samplings()}
 */
public record FleetResult(ExperimentResult result, List<FleetBreakdown> breakdowns) {
    public FleetResult {
        Objects.requireNonNull(result, "result");
        breakdowns = List.copyOf(breakdowns);
        if (breakdowns.size() != result.samplings().size()) {
            throw new IllegalArgumentException("one breakdown per sampling is needed (" + result.samplings().size()
                    + "), but there were " + breakdowns.size());
        }
    }
}
