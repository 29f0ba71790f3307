package io.edgeoff.experiment;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The default demo's outage schedule: a window of the prediction module's LANL-fitted synthetic trace
 * ({@code SyntheticTraces.defaultTrace()}), each remote site replaying the node its configuration assigns to it.
 * Outage lengths and the times between them are the trace's (lognormal repairs, Weibull gaps fitted to LANL), not
 * scaled: only the window is chosen. LANL nodes fail every few days to months, so a run of a few trace hours
 * starting anywhere would mostly meet no outage; the window is the <em>busiest</em> one of the run's length in the
 * ten-year trace: the one with the most outages of at least {@value #MIN_OUTAGE_MINUTES} minutes, among windows
 * whose first {@code lead} has no outage (the sites start and warm up then) and in which no site is down more than
 * half of the time; ties go to the earliest. Each outage gets a mode drawn from the run's seed: {@code refuse} (60 %),
 * {@code hang} (20 %) or {@code error} (20 %).
 */
public final class DemoOutages {
    /** Outages shorter than this (trace minutes) do not count when windows are compared. */
    static final double MIN_OUTAGE_MINUTES = 5;
    /** No site may be down more than this share of a window's active part. */
    static final double MAX_DOWN_SHARE = 0.5;

    private DemoOutages() {
    }

    /**
     * One outage of the schedule, in trace seconds since the window's start.
     *
     * @param startTraceSeconds    start, trace seconds since the window start, &gt;= 0
     * @param durationTraceSeconds length, trace seconds, &gt; 0
     * @param mode                 {@code refuse}, {@code hang} or {@code error}
     */
    public record ScheduledOutage(double startTraceSeconds, double durationTraceSeconds, String mode) {
        public double endTraceSeconds() {
            return startTraceSeconds + durationTraceSeconds;
        }
    }

    /**
     * The chosen window.
     *
     * @param source            the trace's name
     * @param configuration     the configuration whose nodes the sites replay
     * @param traceStart        the window's start in trace time (a site's history ends here)
     * @param leadTraceSeconds  the quiet lead at the start of the window, trace seconds
     * @param spanTraceSeconds  the window's length, trace seconds
     * @param outages           per remote site id (scenario order), its outages in the window
     */
    public record Window(String source, int configuration, Instant traceStart, double leadTraceSeconds,
                         double spanTraceSeconds, Map<String, List<ScheduledOutage>> outages) {
        public Window {
            outages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outages));
        }

        /** @return outages of at least {@value #MIN_OUTAGE_MINUTES} minutes, all sites */
        public int countedOutages() {
            return (int) outages.values().stream().flatMap(List::stream)
                    .filter(o -> o.durationTraceSeconds() >= MIN_OUTAGE_MINUTES * 60).count();
        }
    }

    /**
     * Chooses the busiest window of {@code trace} for the nodes of {@code configuration}.
     *
     * @param leadTraceSeconds    quiet lead, trace seconds
     * @param activeTraceSeconds  the part of the window the run is expected to cover after the lead, trace seconds
     * @param seed                seed of the outage modes
     * @throws IllegalArgumentException when a node of the configuration has no outage in the trace
     */
    public static Window busiest(Scenario scenario, FailureTrace trace, String source, int configuration,
                                 double leadTraceSeconds, double activeTraceSeconds, long seed) {
        Map<String, List<Outage>> perSite = new LinkedHashMap<>();
        for (Site site : scenario.remoteSites()) {
            NodeId id = SiteHistories.nodeWithOutages(scenario, configuration, site, trace, source);
            perSite.put(site.id(), trace.outagesOf(id));
        }
        long lead = Math.round(leadTraceSeconds);
        long span = lead + Math.round(activeTraceSeconds);
        long bestStart = Long.MIN_VALUE;
        int bestCount = -1;
        for (List<Outage> outages : perSite.values()) {
            for (Outage candidate : outages) {
                long start = candidate.start().getEpochSecond() - lead - 60;
                int count = count(perSite, start, lead, span);
                if (count > bestCount || (count == bestCount && start < bestStart)) {
                    bestCount = count;
                    bestStart = start;
                }
            }
        }
        SplittableRandom modes = new SplittableRandom(seed);
        Map<String, List<ScheduledOutage>> schedule = new LinkedHashMap<>();
        for (Map.Entry<String, List<Outage>> e : perSite.entrySet()) {
            List<ScheduledOutage> list = new ArrayList<>();
            for (Outage o : e.getValue()) {
                double s = o.start().getEpochSecond() - bestStart;
                double end = Math.min(span, o.end().getEpochSecond() - bestStart);
                if (end > 0 && s < span && s >= 0) {
                    double u = modes.nextDouble();
                    ScheduledOutage next = new ScheduledOutage(s, Math.max(1, end - s), u < 0.6 ? "refuse"
                            : u < 0.8 ? "hang" : "error");
                    ScheduledOutage last = list.isEmpty() ? null : list.get(list.size() - 1);
                    if (last != null && next.startTraceSeconds() <= last.endTraceSeconds()) {
                        // overlapping outages are one, in the first one's mode (as the site's replay merges them)
                        list.set(list.size() - 1, new ScheduledOutage(last.startTraceSeconds(),
                                Math.max(last.endTraceSeconds(), next.endTraceSeconds()) - last.startTraceSeconds(),
                                last.mode()));
                    } else {
                        list.add(next);
                    }
                }
            }
            schedule.put(e.getKey(), list);
        }
        return new Window(source, configuration, Instant.ofEpochSecond(bestStart), lead, span, schedule);
    }

    /** Outages of at least the minimum length starting in the active part; -1 when the window breaks a rule. */
    private static int count(Map<String, List<Outage>> perSite, long start, long lead, long span) {
        long activeStart = start + lead;
        long end = start + span;
        int count = 0;
        for (List<Outage> outages : perSite.values()) {
            double down = 0;
            for (Outage o : outages) {
                long os = o.start().getEpochSecond();
                long oe = o.end().getEpochSecond();
                if (os >= end) {
                    break;
                }
                if (oe <= start) {
                    continue;
                }
                if (os < activeStart) {
                    return -1;
                }
                down += Math.min(oe, end) - os;
                if (o.length().toSeconds() >= MIN_OUTAGE_MINUTES * 60) {
                    count++;
                }
            }
            if (down > MAX_DOWN_SHARE * (end - activeStart)) {
                return -1;
            }
        }
        return count;
    }

    /**
     * Reads trace files in the site's format back ({@code startOffsetSeconds,durationSeconds[,mode]}; a line without
     * a mode is a {@code refuse} outage, the sites' default).
     *
     * @return the outages by site id, in the order of {@code files}
     */
    public static Map<String, List<ScheduledOutage>> read(Map<String, Path> files) {
        Map<String, List<ScheduledOutage>> outages = new LinkedHashMap<>();
        files.forEach((site, file) -> {
            List<ScheduledOutage> list = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split(",");
                    if (f.length < 2 || !Character.isDigit(f[0].strip().isEmpty() ? 'x' : f[0].strip().charAt(0))) {
                        continue;
                    }
                    list.add(new ScheduledOutage(Double.parseDouble(f[0].strip()), Double.parseDouble(f[1].strip()),
                            f.length > 2 ? f[2].strip() : "refuse"));
                }
            } catch (IOException | NumberFormatException e) {
                throw new IllegalArgumentException("cannot read the outage trace " + file + ": " + e.getMessage(), e);
            }
            outages.put(site, list);
        });
        return outages;
    }

    /**
     * Writes one trace file per site in the site's format ({@code startOffsetSeconds,durationSeconds,mode}, trace
     * seconds since the window start).
     *
     * @return the files by site id
     */
    public static Map<String, Path> write(Window window, Path dir) {
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, List<ScheduledOutage>> e : window.outages().entrySet()) {
                List<String> lines = new ArrayList<>();
                lines.add("startOffsetSeconds,durationSeconds,mode");
                for (ScheduledOutage o : e.getValue()) {
                    lines.add(String.format(Locale.ROOT, "%.1f,%.1f,%s", o.startTraceSeconds(),
                            o.durationTraceSeconds(), o.mode()));
                }
                Path file = dir.resolve(e.getKey() + ".csv");
                Files.write(file, lines, StandardCharsets.UTF_8);
                files.put(e.getKey(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write traces to " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }
}
