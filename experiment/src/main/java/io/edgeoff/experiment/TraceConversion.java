package io.edgeoff.experiment;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.LanlTraceReader;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a LANL failure-data file into one outage trace per remote site, in the site's generic format
 * ({@code startOffsetSeconds,durationSeconds}): each site replays the node the scenario's configuration
 * assigns to it (the seed's node candidates). All sites share one time origin, so the replay keeps the
 * nodes' relative timing: the latest of their first recorded failures, the moment from which every node
 * has a record (earlier outages are dropped, one spanning the origin is cut at it).
 */
final class TraceConversion {
    private TraceConversion() {
    }

    /** The value of {@code --trace} that selects the prediction module's LANL-fitted synthetic trace. */
    static final String SYNTHETIC_LANL = "synthetic-lanl";

    static Map<String, Path> lanlTraces(Scenario scenario, Path lanl, int configuration, Path dir) {
        if (lanl.toString().equals(SYNTHETIC_LANL)) {
            return nodeTraces(scenario, SyntheticTraces.defaultTrace(), SyntheticTraces.DEFAULT_SOURCE, configuration,
                    dir);
        }
        if (!Files.isRegularFile(lanl)) {
            throw new IllegalArgumentException("--trace " + lanl + " does not exist");
        }
        FailureTrace trace;
        try (java.io.BufferedReader in = Files.newBufferedReader(lanl, StandardCharsets.UTF_8)) {
            trace = new LanlTraceReader().read(in, lanl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + lanl + ": " + e.getMessage(), e);
        }
        return nodeTraces(scenario, trace, lanl.toString(), configuration, dir);
    }

    static Map<String, Path> nodeTraces(Scenario scenario, FailureTrace trace, String source, int configuration,
                                        Path dir) {
        Map<String, List<Outage>> perSite = new LinkedHashMap<>();
        Instant origin = null;
        for (Site site : scenario.remoteSites()) {
            NodeId id = SiteHistories.nodeWithOutages(scenario, configuration, site, trace, source);
            List<Outage> outages = trace.outagesOf(id);
            perSite.put(site.id(), outages);
            Instant first = outages.get(0).start();
            origin = origin == null || first.isAfter(origin) ? first : origin;
        }
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, List<Outage>> e : perSite.entrySet()) {
                List<String> lines = new ArrayList<>();
                lines.add("startOffsetSeconds,durationSeconds");
                for (Outage o : e.getValue()) {
                    if (!o.end().isAfter(origin)) {
                        continue;
                    }
                    Instant start0 = o.start().isBefore(origin) ? origin : o.start();
                    double start = Duration.between(origin, start0).toMillis() / 1000.0;
                    double length = Math.max(1, Duration.between(start0, o.end()).toMillis() / 1000.0);
                    lines.add(String.format(Locale.ROOT, "%.1f,%.1f", start, length));
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
