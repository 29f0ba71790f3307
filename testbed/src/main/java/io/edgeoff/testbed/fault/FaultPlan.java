package io.edgeoff.testbed.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The faults of a run, in trace time, ordered by start.
 *
 * <p>File format (CSV, {@code #} comments, header required):
 * <pre>
 * start_s,site,kind,duration_s,extra_delay_ms,loss
 * 3600,EC,crash,1800,,
 * 7200,ED,link-down,600,,
 * 9000,CD,degrade,3600,100,0.2
 * </pre>
 */
public record FaultPlan(List<FaultEvent> events) {
    private static final String HEADER = "start_s,site,kind,duration_s,extra_delay_ms,loss";

    public FaultPlan {
        events = events.stream().sorted(Comparator.comparingDouble(FaultEvent::startSeconds)).toList();
    }

    /** Reads a plan file; problems name the file, the line and the field. */
    public static FaultPlan read(Path file, Collection<String> knownSites) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read fault plan: " + e.getMessage(), e);
        }
        List<FaultEvent> events = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1);
            if (!header) {
                if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    throw new IllegalArgumentException(where + ": header must be '" + HEADER + "', but was '" + line + "'");
                }
                header = true;
                continue;
            }
            events.add(parseLine(line, where, knownSites));
        }
        return new FaultPlan(events);
    }

    private static FaultEvent parseLine(String line, String where, Collection<String> knownSites) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException(where + ": expected 6 fields (" + HEADER + "), but found " + f.length);
        }
        String site = f[1].strip();
        if (!knownSites.contains(site)) {
            throw new IllegalArgumentException(where + ": site: unknown remote site '" + site + "'; known: " + knownSites);
        }
        try {
            return new FaultEvent(number(f[0], "start_s", where), site, FaultKind.parse(f[2]),
                    number(f[3], "duration_s", where), optional(f[4], "extra_delay_ms", where),
                    optional(f[5], "loss", where));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static double number(String text, String field, String where) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + field + ": not a number: '" + text.strip() + "'", e);
        }
    }

    private static double optional(String text, String field, String where) {
        return text.isBlank() ? 0 : number(text, field, where);
    }

    /** Writes the plan in the file format. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (FaultEvent e : events) {
            out.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", trim(e.startSeconds()), e.siteId(),
                    e.kind().label(), trim(e.durationSeconds()),
                    e.kind() == FaultKind.DEGRADE ? trim(e.extraDelayMillis()) : "",
                    e.kind() == FaultKind.DEGRADE ? trim(e.lossProbability()) : ""));
        }
        return out.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Turns the outages of a failure trace into faults: each outage of a site becomes a crash, a
     * link-down or a degradation, drawn with the given weights from {@code random} (the trace says
     * when a site was unavailable, not why). Outages that overlap an earlier one of the same site are
     * merged into it.
     *
     * @param outages      every outage, any order
     * @param kinds        the kinds to draw from
     * @param weights      their weights (same length, &gt;= 0, not all 0)
     * @param degradation  extra delay and loss used for degradations
     */
    public static FaultPlan fromOutages(List<Outage> outages, List<FaultKind> kinds, double[] weights,
                                        FaultEvent degradation, RandomGenerator random) {
        if (kinds.size() != weights.length || kinds.isEmpty()) {
            throw new IllegalArgumentException("need one weight per fault kind, but have " + kinds.size()
                    + " kinds and " + weights.length + " weights");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("fault kind weights must be >= 0, but one was " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("fault kind weights must not all be 0");
        }
        List<Outage> sorted = outages.stream()
                .sorted(Comparator.comparing(Outage::siteId).thenComparingDouble(Outage::startSeconds)).toList();
        List<FaultEvent> events = new ArrayList<>();
        Outage current = null;
        for (Outage o : sorted) {
            if (current != null && current.siteId().equals(o.siteId()) && o.startSeconds() <= current.endSeconds()) {
                current = new Outage(current.siteId(), current.startSeconds(),
                        Math.max(current.endSeconds(), o.endSeconds()) - current.startSeconds());
                continue;
            }
            if (current != null) {
                events.add(toFault(current, kinds, weights, total, degradation, random));
            }
            current = o;
        }
        if (current != null) {
            events.add(toFault(current, kinds, weights, total, degradation, random));
        }
        return new FaultPlan(events);
    }

    private static FaultEvent toFault(Outage o, List<FaultKind> kinds, double[] weights, double total,
                                      FaultEvent degradation, RandomGenerator random) {
        double u = random.nextDouble() * total;
        int k = 0;
        while (k < weights.length - 1 && u >= weights[k]) {
            u -= weights[k];
            k++;
        }
        FaultKind kind = kinds.get(k);
        return kind == FaultKind.DEGRADE
                ? new FaultEvent(o.startSeconds(), o.siteId(), kind, o.durationSeconds(),
                        degradation.extraDelayMillis(), degradation.lossProbability())
                : FaultEvent.of(o.startSeconds(), o.siteId(), kind, o.durationSeconds());
    }

    /** @return the sites the plan names */
    public Set<String> sites() {
        return Set.copyOf(events.stream().map(FaultEvent::siteId).toList());
    }

    /**
     * An outage of a site in trace time.
     *
     * @param siteId          remote site
     * @param startSeconds    start, trace seconds from the run's origin
     * @param durationSeconds length, trace seconds
     */
    public record Outage(String siteId, double startSeconds, double durationSeconds) {
        public Outage {
            if (!(durationSeconds > 0)) {
                throw new IllegalArgumentException("outage duration must be > 0 s, but was " + durationSeconds);
            }
        }

        public double endSeconds() {
            return startSeconds + durationSeconds;
        }
    }
}
