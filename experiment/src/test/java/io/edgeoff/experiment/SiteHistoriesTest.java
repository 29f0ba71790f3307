package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.prediction.trace.GenericTraceReader;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history the demo hands each site: its node of the configuration, hourly slots, the last 60 days. */
class SiteHistoriesTest {
    @TempDir
    Path dir;

    @Test
    void withoutDataEverySiteLearnsFromItsNodeOfTheSyntheticLanlFittedTrace() {
        Map<String, List<String>> args = SiteHistories.arguments(ScenarioYaml.load("seed"), null, 1, dir);

        assertThat(args).containsOnlyKeys("ED", "EC", "ER", "CD");
        assertThat(String.join(" ", args.get("EC"))).isEqualTo("--trace-slot 1h --retrain-every-slots 10"
                + " --history-trace synthetic --history-node 16/1 --history-window 60d");
        assertThat(String.join(" ", args.get("CD"))).contains("--history-node 15/0");
    }

    @Test
    void replayingAWindowOfTheSyntheticTraceASiteLearnsOnlyFromOutagesBeforeIt() throws Exception {
        var scenario = ScenarioYaml.load("seed");
        var trace = io.edgeoff.prediction.synthetic.SyntheticTraces.defaultTrace();
        NodeId ec = NodeId.parse("16/1");
        List<Outage> all = trace.outagesOf(ec);
        Instant origin = all.get(all.size() / 2).start();

        Map<String, List<String>> args = SiteHistories.arguments(scenario, null, 1, dir, origin);

        Path file = dir.resolve("EC-history.csv");
        assertThat(args.get("EC")).containsSubsequence("--history-trace", file.toString(), "--history-node", "16/1");
        List<Outage> learned = new GenericTraceReader().read(Files.newBufferedReader(file), file.toString()).outages();
        assertThat(learned).isNotEmpty().allSatisfy(o -> assertThat(o.end()).isBeforeOrEqualTo(origin));
        assertThat(learned).hasSize((int) all.stream().filter(o -> !o.end().isAfter(origin)).count());
    }

    @Test
    void withLanlDataASiteLearnsOnlyFromOutagesBeforeTheReplay() throws Exception {
        Optional<Path> lanl = TraceConversionTest.lanl();
        Assumptions.assumeTrue(lanl.isPresent(), "LANL data not available");
        var scenario = ScenarioYaml.load("seed");
        var trace = io.edgeoff.prediction.trace.TraceReaders.read(lanl.get());
        Instant origin = Instant.MIN; // the replay's origin (TraceConversion): the latest first failure of the nodes
        for (var node : scenario.configuration(1).nodes().values()) {
            Instant first = trace.outagesOf(NodeId.of(node)).get(0).start();
            origin = first.isAfter(origin) ? first : origin;
        }

        Map<String, List<String>> args = SiteHistories.arguments(scenario, lanl.get(), 1, dir);

        int withHistory = 0;
        for (String id : List.of("ED", "EC", "ER", "CD")) {
            Path file = dir.resolve(id + "-history.csv");
            if (Files.exists(file)) {
                withHistory++;
                assertThat(args.get(id)).contains("--history-trace", file.toString(), "--history-window");
                List<Outage> outages = new GenericTraceReader().read(Files.newBufferedReader(file), file.toString())
                        .outages();
                assertThat(outages).isNotEmpty();
                for (Outage o : outages) {
                    assertThat(o.end()).isBeforeOrEqualTo(origin);
                }
            } else {
                assertThat(args.get(id)).doesNotContain("--history-trace");
            }
        }
        assertThat(withHistory).isPositive();
    }
}
