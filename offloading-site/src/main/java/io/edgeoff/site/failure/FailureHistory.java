package io.edgeoff.site.failure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's own failure history read from its failure file: when it was down and when failures
 * began. Downtime is an outage ({@code OUTAGE_STARTED} to {@code OUTAGE_ENDED}) or the gap of an
 * unclean shutdown (from the last sign of life, {@code downSinceEpochMillis}, to the restart). An
 * outage still open at {@code now} lasts until {@code now}.
 */
public final class FailureHistory {
    private final List<DownInterval> downIntervals;
    private final List<Instant> failureStarts;
    private final Optional<Instant> firstSeen;

    private FailureHistory(List<DownInterval> downIntervals, List<Instant> failureStarts, Optional<Instant> firstSeen) {
        this.downIntervals = List.copyOf(downIntervals);
        this.failureStarts = List.copyOf(failureStarts);
        this.firstSeen = firstSeen;
    }

    public static FailureHistory of(List<FailureRecord> records, Instant now) {
        return of(records, now, new ArrayList<>());
    }

    /**
     * The history of a site with a sidecar failure monitor ({@link SidecarMonitor}): the site's own
     * records and the sidecar's. Each outage counts once: the sidecar records nothing the site
     * records itself (injected error, hang and refuse outages), and what the site could only infer or
     * plan about a crash is replaced by the sidecar's measured outage when the two overlap: an
     * {@code UNCLEAN_SHUTDOWN} gap (the site only knows its last heartbeat), an injected crash outage
     * ({@code mode=crash}, closed by the restart's {@code UNCLEAN_SHUTDOWN}) and its remainder after
     * the restart ({@code source=...crash-resume}). The sidecar saw when the site stopped answering and
     * when it answered again.
     */
    public static FailureHistory of(List<FailureRecord> siteRecords, List<FailureRecord> sidecarRecords, Instant now) {
        if (sidecarRecords.isEmpty()) {
            return of(siteRecords, now);
        }
        List<Boolean> replaceable = new ArrayList<>();
        FailureHistory site = of(siteRecords, now, replaceable);
        FailureHistory sidecar = of(sidecarRecords, now);
        List<DownInterval> intervals = new ArrayList<>(sidecar.downIntervals);
        List<Instant> starts = new ArrayList<>(sidecar.failureStarts);
        for (int i = 0; i < site.downIntervals.size(); i++) {
            DownInterval d = site.downIntervals.get(i);
            boolean measured = sidecar.downIntervals.stream()
                    .anyMatch(m -> !m.start().isAfter(d.end()) && !d.start().isAfter(m.end()));
            if (replaceable.get(i) && measured) {
                continue;
            }
            intervals.add(d);
            if (site.failureStarts.contains(d.start())) {
                starts.add(d.start());
            }
        }
        intervals.sort(java.util.Comparator.comparing(DownInterval::start));
        starts.sort(null);
        Optional<Instant> first = java.util.stream.Stream.of(site.firstSeen, sidecar.firstSeen)
                .flatMap(Optional::stream).min(Instant::compareTo);
        return new FailureHistory(intervals, starts, first);
    }

    /**
     * @return true for an {@code OUTAGE_STARTED} of an injected crash ({@code mode=crash}) or of the rest of one
     *         after the restart ({@code source} ending in {@code crash-resume}): downtime whose real length only a
     *         monitor outside the process measures
     */
    static boolean isCrash(FailureRecord record) {
        Map<String, String> d = Details.parse(record.detail());
        return "crash".equals(d.get("mode")) || d.getOrDefault("source", "").endsWith("crash-resume");
    }

    /**
     * @param replaceable receives, per down interval, whether a measured outage replaces it: an
     *                    {@code UNCLEAN_SHUTDOWN} gap or an injected crash ({@link #isCrash})
     */
    private static FailureHistory of(List<FailureRecord> records, Instant now, List<Boolean> replaceable) {
        List<DownInterval> intervals = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        Instant open = null;
        boolean openCrash = false;
        for (FailureRecord record : records) {
            switch (record.type()) {
                case OUTAGE_STARTED -> {
                    if (open == null) {
                        open = record.time();
                        openCrash = isCrash(record);
                        starts.add(open);
                    }
                }
                case OUTAGE_ENDED -> {
                    if (open != null) {
                        intervals.add(new DownInterval(open, max(open, record.time())));
                        replaceable.add(openCrash);
                        open = null;
                    }
                }
                case UNCLEAN_SHUTDOWN -> {
                    if (open != null) {
                        intervals.add(new DownInterval(open, max(open, record.time())));
                        replaceable.add(openCrash);
                        open = null;
                    } else {
                        Map<String, String> d = Details.parse(record.detail());
                        Instant since = parseInstant(d.get("downSinceEpochMillis")).orElse(record.time());
                        Instant start = since.isAfter(record.time()) ? record.time() : since;
                        intervals.add(new DownInterval(start, record.time()));
                        replaceable.add(true);
                        starts.add(start);
                    }
                }
                default -> {
                }
            }
        }
        if (open != null) {
            intervals.add(new DownInterval(open, max(open, now)));
            replaceable.add(openCrash);
        }
        Optional<Instant> first = records.isEmpty() ? Optional.empty() : Optional.of(records.get(0).time());
        return new FailureHistory(intervals, starts, first);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Optional<Instant> parseInstant(String millis) {
        try {
            return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The down intervals in the prediction module's generic trace format (CSV
     * {@code system,node,start,end}), so its trace readers and predictors can read a site's history.
     */
    public String toGenericTraceCsv(int system, int node) {
        StringBuilder sb = new StringBuilder("system,node,start,end\n");
        for (DownInterval d : downIntervals) {
            sb.append(system).append(',').append(node).append(',').append(d.start()).append(',').append(d.end())
                    .append('\n');
        }
        return sb.toString();
    }

    private static long toNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    public List<DownInterval> downIntervals() {
        return downIntervals;
    }

    /** @return the start of each failure (outage or unclean shutdown), oldest first */
    public List<Instant> failureStarts() {
        return failureStarts;
    }

    /** @return the time of the first record, the start of observation */
    public Optional<Instant> firstSeen() {
        return firstSeen;
    }

    /**
     * Availability of each whole slot of length {@code slot} from {@code from} up to {@code now}
     * (the unfinished current slot is left out): 1 - downtime in the slot / slot length.
     */
    public double[] slotAvailability(Instant from, Duration slot, Instant now) {
        if (slot.isZero() || slot.isNegative()) {
            throw new IllegalArgumentException("slot must be > 0, but was " + slot);
        }
        long slotNanos = slot.toNanos();
        long count = Math.max(0, Duration.between(from, now).toNanos() / slotNanos);
        int n = (int) Math.min(count, 100_000);
        Instant firstSlot = from.plusNanos((count - n) * slotNanos);
        double[] down = new double[n];
        long base = toNanos(firstSlot);
        for (DownInterval interval : downIntervals) {
            long a = Math.max(toNanos(interval.start()) - base, 0);
            long b = Math.min(toNanos(interval.end()) - base, n * slotNanos);
            while (a < b) {
                int i = (int) (a / slotNanos);
                long piece = Math.min(b, (i + 1) * slotNanos) - a;
                down[i] += piece;
                a += piece;
            }
        }
        double[] availability = new double[n];
        for (int i = 0; i < n; i++) {
            availability[i] = Math.max(0, 1 - down[i] / slotNanos);
        }
        return availability;
    }
}
