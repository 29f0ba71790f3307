package io.edgeoff.testbed.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceFaultsTest {
    private final Scenario seed = ScenarioYaml.load("seed");
    private static final Instant T0 = Instant.parse("2000-01-01T00:00:00Z");

    private static FailureTrace configurationOneTrace() {
        return FailureTrace.of("test", List.of(
                new Outage(new NodeId(16, 1), T0.plus(Duration.ofHours(5)), Duration.ofMinutes(90)),
                new Outage(new NodeId(7, 0), T0.plus(Duration.ofHours(2)), Duration.ofMinutes(0)),
                new Outage(new NodeId(22, 0), T0.plus(Duration.ofHours(9)), Duration.ofMinutes(30)),
                new Outage(new NodeId(15, 0), T0.plus(Duration.ofHours(12)), Duration.ofMinutes(60))));
    }

    @Test
    void replaysEachSitesNodeFromTheEarliestOutageOfTheConfiguration() {
        FaultPlan plan = TraceFaults.plan(configurationOneTrace(), seed, 1, List.of(FaultKind.CRASH), new double[] {1},
                new FaultEvent(0, "-", FaultKind.DEGRADE, 1, 100, 0), 1);

        assertThat(plan.toCsv()).isEqualTo("start_s,site,kind,duration_s,extra_delay_ms,loss\n"
                + "0,ED,crash,60,,\n10800,EC,crash,5400,,\n25200,ER,crash,1800,,\n36000,CD,crash,3600,,\n");
    }

    @Test
    void refusesAConfigurationWhoseNodesTheTraceLacks() {
        assertThatThrownBy(() -> TraceFaults.plan(configurationOneTrace(), seed, 2, List.of(FaultKind.CRASH),
                new double[] {1}, new FaultEvent(0, "-", FaultKind.DEGRADE, 1, 100, 0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configuration 2 names trace node");
    }
}
