package io.edgeoff.site.prediction;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a forecaster learns from: the availability of each past slot (oldest first) and the failure
 * times, all in the site's wall-clock time.
 *
 * @param slot                   slot length
 * @param slotAvailability       availability of each completed slot, oldest first, each in [0,1]
 * @param failureStartsHours     start of each failure, hours since observation began, ascending
 * @param observedHours          hours since observation began
 */
public record AvailabilityHistory(Duration slot, double[] slotAvailability, List<Double> failureStartsHours,
                                  double observedHours) {
    public AvailabilityHistory {
        Objects.requireNonNull(slot, "slot");
        slotAvailability = slotAvailability.clone();
        failureStartsHours = List.copyOf(failureStartsHours);
        if (!(observedHours >= 0)) {
            throw new IllegalArgumentException("observedHours must be >= 0, but was " + observedHours);
        }
    }

    @Override
    public double[] slotAvailability() {
        return slotAvailability.clone();
    }

    /** @return MTBF in hours: span between first and last failure over their count (the seed's definition); observed hours when fewer than two failures */
    public double mtbfHours() {
        int n = failureStartsHours.size();
        if (n < 2) {
            return observedHours;
        }
        return (failureStartsHours.get(n - 1) - failureStartsHours.get(0)) / n;
    }

    /** @return hours since the last failure began, or since observation began when there was none */
    public double hoursSinceLastFailure() {
        return failureStartsHours.isEmpty() ? observedHours
                : Math.max(0, observedHours - failureStartsHours.get(failureStartsHours.size() - 1));
    }
}
