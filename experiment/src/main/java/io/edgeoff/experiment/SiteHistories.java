package io.edgeoff.experiment;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.common.site.Site;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.LanlTraceReader;
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
import java.util.Map;

/**
 * The history each demo site learns from, as {@code edgeoff site} prediction arguments: its node of the scenario's
 * configuration, from the prediction module's LANL-fitted synthetic trace (built in, so the demo needs no data
 * files) or, with a LANL file, from that file's records before the replay's time origin (so a site never learns
 * from the outages it is about to replay). Slots, window and retraining are {@link DemoTimeScale}'s.
 */
public final class SiteHistories {
    private SiteHistories() {
    }

    /**
     * @param lanl          the LANL file the sites replay, or null (or {@value TraceConversion#SYNTHETIC_LANL})
     *                      for the synthetic trace's nodes
     * @param configuration the scenario's configuration naming each site's node
     * @param dir           where history files of a LANL file go
     * @return per site id, the prediction arguments of {@code edgeoff site}
     */
    public static Map<String, List<String>> arguments(Scenario scenario, Path lanl, int configuration, Path dir) {
        return arguments(scenario, lanl, configuration, dir, null);
    }

    /**
     * As {@link #arguments(Scenario, Path, int, Path)}, for sites that replay the synthetic trace from
     * {@code syntheticOrigin} on (the demo's busiest window): each site learns only from its node's synthetic outages
     * that end before it, written to {@code dir/<ID>-history.csv}, never from the outages it is about to replay.
     *
     * @param syntheticOrigin where the replay of the synthetic trace starts, or null when it replays from its start
     */
    public static Map<String, List<String>> arguments(Scenario scenario, Path lanl, int configuration, Path dir,
                                                     Instant syntheticOrigin) {
        Map<String, List<String>> args = new LinkedHashMap<>();
        boolean synthetic = lanl == null || lanl.toString().equals(TraceConversion.SYNTHETIC_LANL);
        boolean cut = synthetic && syntheticOrigin != null;
        FailureTrace trace = cut ? io.edgeoff.prediction.synthetic.SyntheticTraces.defaultTrace()
                : synthetic ? null : read(lanl);
        Instant origin = cut ? syntheticOrigin : synthetic ? null : origin(scenario, trace, configuration);
        for (Site site : scenario.remoteSites()) {
            NodeId node = node(scenario, configuration, site);
            List<String> a = new ArrayList<>(List.of("--trace-slot",
                    io.edgeoff.prediction.availability.SlotLength.format(DemoTimeScale.TRACE_SLOT), "--retrain-every-slots",
                    String.valueOf(DemoTimeScale.RETRAIN_EVERY_SLOTS)));
            if (synthetic && !cut) {
                a.addAll(List.of("--history-trace", "synthetic", "--history-node", node.toString()));
            } else {
                Path file = before(trace, node, origin, dir.resolve(site.id() + "-history.csv"));
                if (file == null) {
                    args.put(site.id(), a); // the node has no record before the replay: no history
                    continue;
                }
                a.addAll(List.of("--history-trace", file.toString(), "--history-node", node.toString()));
            }
            a.addAll(List.of("--history-window", DemoTimeScale.HISTORY_WINDOW.toDays() + "d"));
            args.put(site.id(), a);
        }
        return args;
    }

    /** @return the trace node that configuration {@code configuration} of the scenario gives {@code site} */
    static NodeId node(Scenario scenario, int configuration, Site site) {
        TraceNode node = scenario.configuration(configuration).nodes().get(site.id());
        if (node == null) {
            throw new IllegalArgumentException("configuration " + configuration + " names no trace node for site "
                    + site.id());
        }
        return NodeId.of(node);
    }

    /**
     * @return {@link #node}, checked to have outages in {@code trace} (read from {@code source}); the message names the
     *         node, the site and the configuration
     */
    static NodeId nodeWithOutages(Scenario scenario, int configuration, Site site, FailureTrace trace, String source) {
        NodeId id = node(scenario, configuration, site);
        if (!trace.contains(id)) {
            throw new IllegalArgumentException(source + ": no outage of node " + id + " (site " + site.id()
                    + ", configuration " + configuration + ")");
        }
        return id;
    }

    /** The replay's origin, as {@link TraceConversion} sets it: the latest of the nodes' first failures. */
    private static Instant origin(Scenario scenario, FailureTrace trace, int configuration) {
        Instant origin = Instant.MIN;
        for (Site site : scenario.remoteSites()) {
            List<Outage> outages = trace.outagesOf(node(scenario, configuration, site));
            if (!outages.isEmpty() && outages.get(0).start().isAfter(origin)) {
                origin = outages.get(0).start();
            }
        }
        return origin;
    }

    /** Writes the node's outages that end before {@code origin} in the generic format; null when there are none. */
    private static Path before(FailureTrace trace, NodeId node, Instant origin, Path file) {
        List<String> lines = new ArrayList<>(List.of("system,node,start,end"));
        for (Outage o : trace.outagesOf(node)) {
            if (!o.end().isAfter(origin)) {
                lines.add(node.system() + "," + node.node() + "," + o.start() + "," + o.end());
            }
        }
        if (lines.size() == 1) {
            return null;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static FailureTrace read(Path lanl) {
        if (!Files.isRegularFile(lanl)) {
            throw new IllegalArgumentException("--trace " + lanl + " does not exist");
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(lanl, StandardCharsets.UTF_8)) {
            return new LanlTraceReader().read(in, lanl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + lanl + ": " + e.getMessage(), e);
        }
    }
}
