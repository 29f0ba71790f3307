package io.edgeoff.prediction.availability;

import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Availability of one node per time slot: {@code 1 - (outage time in the slot) / slot length}, with
 * overlapping outages merged and outages split at slot boundaries. Slots are aligned to multiples of the
 * slot length since the epoch (so daily slots run from midnight to midnight, in the time base of the trace).
 * By default the series runs from the slot of the first failure to the slot in which the last outage ends.
 *
 * <p>A value may be {@code NaN}, meaning "not observed" (used to hide test slots from a predictor in the
 * shuffled evaluation protocol). Immutable.
 */
public final class AvailabilitySeries {
    /** The seed's slot length: one calendar day. */
    public static final Duration DAY = Duration.ofDays(1);

    private final NodeId nodeId;
    private final Instant start;
    private final Duration slot;
    private final double[] values;
    private final List<Outage> outages;

    /**
     * @param nodeId  the node
     * @param start   start of slot 0 (aligned to the slot length)
     * @param slot    slot length, &gt; 0
     * @param values  availability per slot, each in [0,1] or NaN
     * @param outages the node's outages (merged, sorted) that the series was built from, for models that use
     *                failure times; only those starting before the series' end are kept
     */
    public AvailabilitySeries(NodeId nodeId, Instant start, Duration slot, double[] values, List<Outage> outages) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.start = Objects.requireNonNull(start, "start");
        this.slot = requirePositive(slot);
        this.values = values.clone();
        for (int i = 0; i < this.values.length; i++) {
            double v = this.values[i];
            if (!Double.isNaN(v) && (v < 0 || v > 1)) {
                throw new IllegalArgumentException("availability must be in [0,1], but was " + v + " at slot " + i);
            }
        }
        Instant end = start.plus(slot.multipliedBy(this.values.length));
        this.outages = outages.stream().filter(o -> o.start().isBefore(end))
                .sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * The series of one node from the slot of its first outage to the slot in which its last outage ends.
     *
     * @param outages the node's outages (any order; overlapping ones are merged), at least one
     * @param slot    slot length, &gt; 0
     * @throws IllegalArgumentException if there is no outage, an outage belongs to another node, or slot &lt;= 0
     */
    public static AvailabilitySeries of(NodeId nodeId, List<Outage> outages, Duration slot) {
        requirePositive(slot);
        if (outages.isEmpty()) {
            throw new IllegalArgumentException("node " + nodeId + " has no outage: its availability series is empty");
        }
        List<Outage> merged = merge(nodeId, outages);
        Instant first = merged.get(0).start();
        Instant last = merged.stream().map(AvailabilitySeries::lastInstant).max(Comparator.naturalOrder()).orElseThrow();
        return of(nodeId, outages, slot, first, last.plusNanos(1));
    }

    /**
     * The series over {@code [from, to)}, widened to whole slots.
     *
     * @throws IllegalArgumentException if {@code to} is not after {@code from} or slot &lt;= 0
     */
    public static AvailabilitySeries of(NodeId nodeId, List<Outage> outages, Duration slot, Instant from, Instant to) {
        requirePositive(slot);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("series end " + to + " must be after its start " + from);
        }
        List<Outage> merged = merge(nodeId, outages);
        Instant start = alignDown(from, slot);
        long slotNanos = slot.toNanos();
        long n = ceilDiv(Duration.between(start, to).toNanos(), slotNanos);
        if (n > 10_000_000L) {
            throw new IllegalArgumentException("series would have " + n + " slots of " + slot + ": choose a longer slot");
        }
        double[] down = new double[(int) n];
        for (Outage o : merged) {
            addDowntime(down, start, slotNanos, o.start(), o.end());
        }
        double[] values = new double[down.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = clamp01(1.0 - down[i] / slotNanos);
        }
        return new AvailabilitySeries(nodeId, start, slot, values, merged);
    }

    /** Merges overlapping or touching outages of one node; the result is sorted and disjoint. */
    public static List<Outage> merge(NodeId nodeId, List<Outage> outages) {
        List<Outage> sorted = new ArrayList<>(outages);
        sorted.sort(Comparator.naturalOrder());
        List<Outage> merged = new ArrayList<>();
        Instant curStart = null;
        Instant curEnd = null;
        for (Outage o : sorted) {
            if (!o.nodeId().equals(nodeId)) {
                throw new IllegalArgumentException("outage of node " + o.nodeId() + " given for node " + nodeId);
            }
            if (curStart != null && !o.start().isAfter(curEnd)) {
                if (o.end().isAfter(curEnd)) {
                    curEnd = o.end();
                }
                continue;
            }
            if (curStart != null) {
                merged.add(new Outage(nodeId, curStart, Duration.between(curStart, curEnd)));
            }
            curStart = o.start();
            curEnd = o.end();
        }
        if (curStart != null) {
            merged.add(new Outage(nodeId, curStart, Duration.between(curStart, curEnd)));
        }
        return merged;
    }

    private static Instant lastInstant(Outage o) {
        return o.length().isZero() ? o.start() : o.end().minusNanos(1);
    }

    private static void addDowntime(double[] down, Instant seriesStart, long slotNanos, Instant from, Instant to) {
        long a = Duration.between(seriesStart, from).toNanos();
        long b = Duration.between(seriesStart, to).toNanos();
        long limit = slotNanos * down.length;
        a = Math.max(0, a);
        b = Math.min(limit, b);
        while (a < b) {
            int i = (int) (a / slotNanos);
            long slotEnd = (i + 1L) * slotNanos;
            long piece = Math.min(b, slotEnd) - a;
            down[i] += piece;
            a += piece;
        }
    }

    /** The start of the slot containing {@code t} (slots aligned to multiples of {@code slot} since the epoch). */
    public static Instant alignDown(Instant t, Duration slot) {
        long slotNanos = slot.toNanos();
        long sinceEpochNanos = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        return Instant.EPOCH.plusNanos(Math.floorDiv(sinceEpochNanos, slotNanos) * slotNanos);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static Duration requirePositive(Duration slot) {
        Objects.requireNonNull(slot, "slot");
        if (slot.isNegative() || slot.isZero()) {
            throw new IllegalArgumentException("slot length must be > 0, but was " + slot);
        }
        return slot;
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    public NodeId nodeId() {
        return nodeId;
    }

    /** Start of slot 0. */
    public Instant start() {
        return start;
    }

    /** End of the last slot (exclusive). */
    public Instant end() {
        return slotStart(values.length);
    }

    public Duration slot() {
        return slot;
    }

    public int size() {
        return values.length;
    }

    /** Availability of slot {@code i}, in [0,1], or NaN if not observed. */
    public double value(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** Start of slot {@code i}. */
    public Instant slotStart(int i) {
        return start.plus(slot.multipliedBy(i));
    }

    /** True if slot {@code i} has outage time (availability below 1). */
    public boolean hasOutage(int i) {
        return values[i] < 1.0;
    }

    /** The merged outages that start before {@link #end()}, sorted. */
    public List<Outage> outages() {
        return outages;
    }

    /** The first {@code n} slots (the history a predictor may see at the start of slot {@code n}). */
    public AvailabilitySeries prefix(int n) {
        if (n < 0 || n > values.length) {
            throw new IllegalArgumentException("prefix length must be in [0," + values.length + "], but was " + n);
        }
        Instant cut = slotStart(n);
        List<Outage> seen = new ArrayList<>();
        for (Outage o : outages) {
            if (o.start().isBefore(cut)) {
                seen.add(o.end().isAfter(cut) ? new Outage(o.nodeId(), o.start(), Duration.between(o.start(), cut)) : o);
            }
        }
        return new AvailabilitySeries(nodeId, start, slot, Arrays.copyOf(values, n), seen);
    }

    /**
     * The same series with the slots where {@code hidden[i]} is true replaced by NaN (not observed), and the
     * outages that start in a hidden slot removed.
     */
    public AvailabilitySeries masked(boolean[] hidden) {
        if (hidden.length != values.length) {
            throw new IllegalArgumentException("mask length must be " + values.length + ", but was " + hidden.length);
        }
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (hidden[i]) {
                v[i] = Double.NaN;
            }
        }
        List<Outage> visible = new ArrayList<>();
        long slotNanos = slot.toNanos();
        for (Outage o : outages) {
            long i = Math.floorDiv(Duration.between(start, o.start()).toNanos(), slotNanos);
            if (i < 0 || i >= hidden.length || !hidden[(int) i]) {
                visible.add(o);
            }
        }
        return new AvailabilitySeries(nodeId, start, slot, v, visible);
    }

    /** Mean of the observed (non-NaN) values, NaN if none. */
    public double mean() {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public String toString() {
        return "AvailabilitySeries[" + nodeId + ", " + start + ", slot " + slot + ", " + values.length + " slots]";
    }
}
