package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOutagesTest {
    private final Scenario seed = ScenarioYaml.load("seed");
    private final DemoTimeScale scale = DemoTimeScale.DEFAULT;

    @Test
    void theDefaultCompressionMakesAMedianLanlOutageSpanSeveralOneSecondExecutions() {
        double medianRepairMinutes = Math.exp(SyntheticTraces.LANL_FIT.values().stream()
                .mapToDouble(m -> m.repairLogMeanMinutes()).min().orElseThrow());
        assertThat(scale.wallSeconds(medianRepairMinutes * 60)).as("wall seconds of the shortest median outage")
                .isGreaterThan(5 * Demo.EXECUTION_WALL_SECONDS);
        assertThat(scale.wallSeconds(3600)).isEqualTo(10.0);
        assertThat(scale.wall(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theBusiestWindowOfTheLanlFittedTraceHasOutagesNoneInItsLeadAndNoSiteDownMostOfTheTime() {
        double lead = scale.traceSeconds(25);
        double active = scale.traceSeconds(110);

        DemoOutages.Window w = DemoOutages.busiest(seed, SyntheticTraces.defaultTrace(), "synthetic", 1, lead, active, 1);

        assertThat(w.countedOutages()).isGreaterThanOrEqualTo(3);
        assertThat(w.outages().keySet()).containsExactly("ED", "EC", "ER", "CD");
        for (List<DemoOutages.ScheduledOutage> list : w.outages().values()) {
            double down = 0;
            for (int i = 0; i < list.size(); i++) {
                DemoOutages.ScheduledOutage o = list.get(i);
                assertThat(o.startTraceSeconds()).isGreaterThanOrEqualTo(lead);
                assertThat(o.endTraceSeconds()).isLessThanOrEqualTo(w.spanTraceSeconds());
                assertThat(o.mode()).isIn("refuse", "hang", "error");
                if (i > 0) {
                    assertThat(o.startTraceSeconds()).as("merged, not overlapping")
                            .isGreaterThan(list.get(i - 1).endTraceSeconds());
                }
                down += o.durationTraceSeconds();
            }
            assertThat(down).isLessThanOrEqualTo(0.5 * (w.spanTraceSeconds() - lead) + 1);
        }
        // the schedule is the trace's own: EC's first outage starts where the trace's does
        NodeId ec = NodeId.of(seed.configuration(1).nodes().get("EC"));
        DemoOutages.ScheduledOutage first = w.outages().get("EC").get(0);
        assertThat(SyntheticTraces.defaultTrace().outagesOf(ec)).extracting(Outage::start)
                .contains(w.traceStart().plusSeconds(Math.round(first.startTraceSeconds())));
        // the same inputs give the same window and modes; the seed draws only the modes
        DemoOutages.Window again = DemoOutages.busiest(seed, SyntheticTraces.defaultTrace(), "synthetic", 1, lead,
                active, 1);
        assertThat(again).isEqualTo(w);
        DemoOutages.Window otherSeed = DemoOutages.busiest(seed, SyntheticTraces.defaultTrace(), "synthetic", 1, lead,
                active, 2);
        assertThat(otherSeed.traceStart()).isEqualTo(w.traceStart());
    }

    @Test
    void overlappingOutagesBecomeOneInTheFirstOnesModeAsTheSitesReplayMergesThem(@TempDir Path dir) {
        NodeId ec = NodeId.of(seed.configuration(1).nodes().get("EC"));
        Instant t0 = Instant.parse("2000-01-01T00:00:00Z");
        FailureTrace trace = FailureTrace.of("test", List.of(
                new Outage(ec, t0.plusSeconds(7200), Duration.ofSeconds(3600)),
                new Outage(ec, t0.plusSeconds(9000), Duration.ofSeconds(3600)),
                new Outage(NodeId.of(seed.configuration(1).nodes().get("ED")), t0.plusSeconds(20_000),
                        Duration.ofSeconds(600)),
                new Outage(NodeId.of(seed.configuration(1).nodes().get("ER")), t0.plusSeconds(90_000),
                        Duration.ofSeconds(600)),
                new Outage(NodeId.of(seed.configuration(1).nodes().get("CD")), t0.plusSeconds(90_000),
                        Duration.ofSeconds(600))));

        DemoOutages.Window w = DemoOutages.busiest(seed, trace, "test", 1, 3600, 30_000, 7);

        List<DemoOutages.ScheduledOutage> ecOutages = w.outages().get("EC");
        assertThat(ecOutages).hasSize(1);
        assertThat(ecOutages.get(0).durationTraceSeconds()).isEqualTo(5400);
        Map<String, List<DemoOutages.ScheduledOutage>> back = DemoOutages.read(DemoOutages.write(w, dir));
        assertThat(back).isEqualTo(w.outages());
    }
}
