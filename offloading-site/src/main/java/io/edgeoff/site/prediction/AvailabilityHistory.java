package io.edgeoff.site.prediction;

import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import io.edgeoff.site.failure.FailureHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a forecaster learns from: the availability of each past slot (oldest first) and the site's own outages
 * from its failure file, all in the site's wall-clock time. Reliability figures (MTBF, time since the last
 * failure) are not computed here: the forecaster asks the prediction module ({@code PredictionEngine.outlook}).
 *
 * @param from             start of the first slot of {@code slotAvailability}
 * @param slot             slot length
 * @param slotAvailability availability of each completed slot, oldest first, each in [0,1]
 * @param outages          the site's outages (node {@link #SITE}), in the order they started; one still in
 *                         progress lasts until {@code now}
 * @param now              the moment of the forecast
 */
public record AvailabilityHistory(Instant from, Duration slot, double[] slotAvailability, List<Outage> outages, Instant now) {
    /** The node id under which the site's own outages are handed to the prediction module. */
    public static final NodeId SITE = new NodeId(0, 0);

    public AvailabilityHistory {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(now, "now");
        slotAvailability = slotAvailability.clone();
        outages = List.copyOf(outages);
    }

    /**
     * What the site's failure file says at {@code now}: its whole slots since the first record (the unfinished
     * current slot left out) and its down intervals as outages.
     *
     * @param history the failure file's history at {@code now}
     * @param slot    wall-clock slot length, &gt; 0
     */
    public static AvailabilityHistory of(FailureHistory history, Duration slot, Instant now) {
        Instant from = history.firstSeen().orElse(now);
        double[] series = history.slotAvailability(from, slot, now);
        long completed = Math.max(0, Duration.between(from, now).toNanos() / slot.toNanos());
        Instant firstSlot = from.plus(slot.multipliedBy(completed - series.length)); // the oldest slots kept
        List<Outage> outages = history.downIntervals().stream()
                .map(d -> new Outage(SITE, d.start(), d.duration())).toList();
        return new AvailabilityHistory(firstSlot, slot, series, outages, now);
    }

    @Override
    public double[] slotAvailability() {
        return slotAvailability.clone();
    }
}
