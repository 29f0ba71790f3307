package io.edgeoff.testbed.fault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fault plan in wall time: trace seconds divided by the time compression (trace seconds per
 * wall second), each fault a begin and an end action, ordered by time (ends before begins at the
 * same instant, so back-to-back faults of a site do not overlap).
 */
public final class FaultSchedule {
    private FaultSchedule() {
    }

    /**
     * @param plan            the faults in trace time
     * @param timeCompression trace seconds per wall second, &gt; 0 (3600: one trace hour per second)
     * @param horizonMillis   actions at or after this wall time are left out (the run is over)
     */
    public static List<FaultAction> of(FaultPlan plan, double timeCompression, long horizonMillis) {
        if (!(timeCompression > 0) || !Double.isFinite(timeCompression)) {
            throw new IllegalArgumentException("time compression must be > 0, but was " + timeCompression);
        }
        List<FaultAction> actions = new ArrayList<>();
        for (FaultEvent e : plan.events()) {
            long begin = Math.round(e.startSeconds() / timeCompression * 1000.0);
            long end = Math.max(begin + 1, Math.round(e.endSeconds() / timeCompression * 1000.0));
            if (begin < horizonMillis) {
                actions.add(new FaultAction(begin, e.siteId(), true, e));
                actions.add(new FaultAction(end, e.siteId(), false, e));
            }
        }
        actions.sort(Comparator.comparingLong(FaultAction::atMillis).thenComparing(FaultAction::begin));
        return actions;
    }
}
