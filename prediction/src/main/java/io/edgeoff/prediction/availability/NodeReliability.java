package io.edgeoff.prediction.availability;

import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Reliability figures of one node from its outages, and the project's one MTBF definition
 * ({@link #mtbfHours(int, Duration)}).
 *
 * <p>MTBF is the mean interval between failure starts: {@code (last start - first start) / (failures - 1)}.
 * With no failure, or a single one, no interval has been observed and MTBF is {@code +Infinity} ("no failure
 * interval observed"; on the wire: {@code null}). EFPO's {@code fp = 1 - exp(-hours since last failure / MTBF)}
 * is then 0: a site is not failure-prone before it has failed twice. (A censored estimate such as observed hours
 * / failures would make a site with one failure, or none, look failure-prone merely by being watched: with
 * {@code MTBF = hours observed} a never-failed site gets {@code fp = round(1 - e^-1, 2) = 0.63}.)
 *
 * <p>The seed's variant ({@link #seedMtbfHours(int, Duration)}: span in whole days * 24 / failures) is only reported
 * next to it (the {@code trace} command's statistics, for comparison with the seed's tables); no outlook uses it:
 * the site and the simulator both get MTBF from {@code PredictionEngine.outlook} ({@code FailureTimeline}), which
 * uses {@link #mtbfHours}. The time since the last failure is {@code FailureTimeline}'s alone.
 *
 * @param nodeId        the node
 * @param failures      number of outages (as listed, not merged)
 * @param firstFailure  start of the first outage
 * @param lastFailure   start of the last outage
 * @param mtbfHours     {@link #mtbfHours(int, Duration)}: mean time between failure starts, hours, &gt; 0 or
 *                      {@code +Infinity} with a single failure
 * @param seedMtbfHours {@link #seedMtbfHours(int, Duration)}: the seed's definition
 * @param mttrHours     mean outage length in hours
 */
public record NodeReliability(NodeId nodeId, int failures, Instant firstFailure, Instant lastFailure,
                              double mtbfHours, double seedMtbfHours, double mttrHours) {

    private static final double NANOS_PER_HOUR = 3600e9;

    /**
     * @throws IllegalArgumentException if there is no outage
     */
    public static NodeReliability of(NodeId nodeId, List<Outage> outages) {
        if (outages.isEmpty()) {
            throw new IllegalArgumentException("node " + nodeId + " has no outage: its reliability figures are undefined");
        }
        Instant first = outages.stream().map(Outage::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = outages.stream().map(Outage::start).max(Comparator.naturalOrder()).orElseThrow();
        Duration span = Duration.between(first, last);
        int n = outages.size();
        double mttr = outages.stream().mapToDouble(o -> hours(o.length())).average().orElse(0);
        return new NodeReliability(nodeId, n, first, last, mtbfHours(n, span), seedMtbfHours(n, span), mttr);
    }

    /**
     * The MTBF of the project: mean interval between failure starts.
     *
     * @param failures         number of failures, &gt;= 0
     * @param firstToLastStart time from the first failure start to the last one, &gt;= 0
     * @return {@code firstToLastStart / (failures - 1)} in hours; {@code +Infinity} with fewer than two failures
     *         (no interval observed), or when they all started at the same instant
     */
    public static double mtbfHours(int failures, Duration firstToLastStart) {
        requireCounts(failures, firstToLastStart);
        return mtbfHours(failures, firstToLastStart.toNanos());
    }

    /** {@link #mtbfHours(int, Duration)} with the time from the first to the last start in nanoseconds, &gt;= 0. */
    public static double mtbfHours(int failures, long firstToLastStartNanos) {
        if (failures < 0 || firstToLastStartNanos < 0) {
            throw new IllegalArgumentException("failures and time from first to last failure must be >= 0, but were "
                    + failures + " and " + firstToLastStartNanos + " ns");
        }
        if (failures < 2 || firstToLastStartNanos == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return firstToLastStartNanos / NANOS_PER_HOUR / (failures - 1);
    }

    /**
     * The seed's MTBF ({@code ORIGINAL.md} section 5), for replicating its experiments only:
     * {@code (last start - first start) in whole days * 24 / failures}.
     *
     * @return that value in hours; {@code +Infinity} where it is not a positive number (fewer than two failures,
     *         or all of them on one day, where the seed's formula gives 0)
     */
    public static double seedMtbfHours(int failures, Duration firstToLastStart) {
        requireCounts(failures, firstToLastStart);
        double mtbf = failures < 2 ? 0 : firstToLastStart.toDays() * 24.0 / failures;
        return mtbf > 0 ? mtbf : Double.POSITIVE_INFINITY;
    }

    private static void requireCounts(int failures, Duration firstToLastStart) {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be >= 0, but was " + failures);
        }
        if (firstToLastStart.isNegative()) {
            throw new IllegalArgumentException("time from first to last failure must be >= 0, but was "
                    + firstToLastStart);
        }
    }

    private static double hours(Duration d) {
        return d.toNanos() / NANOS_PER_HOUR;
    }
}
