package io.edgeoff.simulator.availability;

import io.edgeoff.common.scenario.TraceNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What a failure trace says about one node, on a time axis starting at midnight of its first failure day. Its
 * reliability figures (MTBF, time since the last failure) are not here: the prediction engine computes them at
 * each moment from the outages ({@code PredictionEngine.outlook}).
 * Arrays are not copied (read-only by convention; this sits on the simulator's hot path).
 *
 * @param node               the trace node
 * @param dailyAvailability  availability of each day, in [0,1]: {@code 1 - down minutes / 1440}; at least one day
 * @param outageStartSeconds start of each outage, s since the series start; merged (disjoint), ascending
 * @param outageEndSeconds   end of each outage (exclusive), s since the series start; same length, ascending
 * @param seriesStart        the instant of position 0 in the trace's time base (midnight of the first failure day);
 *                           what the prediction engine is asked about is {@code seriesStart + position}
 */
public record NodeHistory(TraceNode node, double[] dailyAvailability, double[] outageStartSeconds,
                          double[] outageEndSeconds, Instant seriesStart) {
    /** Seconds per trace day. */
    public static final double DAY_SECONDS = 86_400.0;

    public NodeHistory {
        Objects.requireNonNull(node, "node");
        if (dailyAvailability.length == 0) {
            throw new IllegalArgumentException("node " + node + ": the daily availability series is empty");
        }
        for (int d = 0; d < dailyAvailability.length; d++) {
            double a = dailyAvailability[d];
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException("node " + node + ": availability of day " + d
                        + " must be in [0,1], but was " + a);
            }
        }
        if (outageStartSeconds.length != outageEndSeconds.length) {
            throw new IllegalArgumentException("node " + node + ": " + outageStartSeconds.length
                    + " outage starts but " + outageEndSeconds.length + " ends");
        }
        for (int i = 0; i < outageStartSeconds.length; i++) {
            if (!(outageEndSeconds[i] >= outageStartSeconds[i])
                    || (i > 0 && outageStartSeconds[i] < outageEndSeconds[i - 1])) {
                throw new IllegalArgumentException("node " + node + ": outages must be merged and ascending, but outage "
                        + i + " is [" + outageStartSeconds[i] + ", " + outageEndSeconds[i] + ")");
            }
        }
        Objects.requireNonNull(seriesStart, "seriesStart");
    }

    /** @return number of days in the series */
    public int days() {
        return dailyAvailability.length;
    }

    /** @return length of the series, s */
    public double lengthSeconds() {
        return days() * DAY_SECONDS;
    }
}
