package io.edgeoff.common.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import org.junit.jupiter.api.Test;

class DeviceLinksTest {
    private final Scenario commuter = ScenarioYaml.load("commuter-3-hotspots");
    private final CostModel base = commuter.costModel();
    private final DeviceLinks links = new DeviceLinks(base, commuter.fleet().devices().get(0), commuter.fleet());

    @Test
    void inAHotspotItsEdgeSiteIsOneWifiHopAwayAndTheOthersOverCellular() {
        CostModel atHome = links.actual(5);

        int device = base.deviceIndex();
        assertThat(atHome.network().latencyMillis(device, base.network().indexOf("ED"))).isEqualTo(5);
        assertThat(atHome.network().bandwidthKBps(device, base.network().indexOf("ED"))).isEqualTo(5000);
        assertThat(atHome.network().latencyMillis(device, base.network().indexOf("EC"))).isEqualTo(60);
        assertThat(links.actual(10).network().latencyMillis(device, base.network().indexOf("EC"))).isEqualTo(5);
        assertThat(links.cellNames().get(links.cellAt(50))).as("the third round").isEqualTo("HOME");
    }

    @Test
    void justBeforeAHandoverADecisionPlansWithTheWorseOfBothCellsLinks() {
        PlanningInputs early = links.planning(5);
        PlanningInputs late = links.planning(7);

        assertThat(early.site("ED").orElseThrow().latencyMillis()).isEqualTo(5);
        assertThat(late.site("ED").orElseThrow().latencyMillis()).as("leaving HOME for STATION").isEqualTo(60);
        assertThat(late.site("EC").orElseThrow().latencyMillis()).as("STATION's EC is not reached yet").isEqualTo(60);
        assertThat(links.nextHandoverAfter(7)).isEqualTo(8);
    }

    @Test
    void aDeviceWithoutLinksOrCellsPlansWithTheScenarioAsTheSeed() {
        DeviceLinks fixed = DeviceLinks.fixed(base);

        assertThat(fixed.planning(3)).isSameAs(PlanningInputs.none());
        assertThat(fixed.actual(3)).isSameAs(base);
        assertThat(fixed.cellNames()).containsExactly(DeviceLinks.NO_CELL);
    }
}
