package io.edgeoff.testbed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The test-bed network of a scenario with {@code devices:}: a namespace and own links per device. */
class FleetTopologyPlanTest {
    private final Scenario campus = ScenarioYaml.load("campus-3-devices");
    private final Scenario commuter = ScenarioYaml.load("commuter-3-hotspots");

    @Test
    void givesEachDeviceItsOwnNamespaceInsteadOfTheDeviceSites() {
        TopologyPlan plan = TopologyPlan.of(campus, campus.meanNetwork(), 7);

        assertThat(plan.isFleet()).isTrue();
        assertThat(plan.namespaces()).containsExactly("eo7-d0", "eo7-d1", "eo7-d2", "eo7-wan", "eo7-ed", "eo7-ec",
                "eo7-er", "eo7-cd");
        assertThat(plan.devices()).extracting(DeviceHost::deviceId).containsExactly("navigator", "social", "lab");
        assertThat(plan.deviceNamespace()).isEqualTo("eo7-d0");
        assertThat(plan.device("lab").namespace()).isEqualTo("eo7-d2");
    }

    @Test
    void shapesEachDevicesEdgeLinksWithItsOwnLinkElseTheScenarios() {
        TopologyPlan plan = TopologyPlan.of(campus, campus.meanNetwork(), 7);

        assertThat(plan.device("navigator").link("ED").orElseThrow().initial())
                .isEqualTo(new AccessLink("ED", 8, 3000));
        assertThat(plan.device("navigator").link("EC").orElseThrow().initial())
                .isEqualTo(new AccessLink("EC", 15, 687.5));
        assertThat(plan.device("lab").link("EC").orElseThrow().initial()).isEqualTo(new AccessLink("EC", 3, 12500));
        assertThat(plan.device("lab").link("EC").orElseThrow().pair().shaping().orElseThrow())
                .isEqualTo(Shaping.forPayloadKBps(12500));
        assertThat(plan.device("lab").link("CD")).as("the cloud is behind the WAN hop").isEmpty();
        assertThat(plan.deviceLinksTo("ER")).hasSize(3);
    }

    @Test
    void startsAMovingDeviceWithTheLinksOfItsCellAtZeroSeconds() {
        TopologyPlan plan = TopologyPlan.of(commuter, commuter.meanNetwork(), 7);

        assertThat(plan.device("commuter").link("ED").orElseThrow().initial()).isEqualTo(new AccessLink("ED", 5, 5000));
        assertThat(plan.device("commuter").link("EC").orElseThrow().initial()).isEqualTo(new AccessLink("EC", 60, 300));
    }

    @Test
    void givesEverySiteOneServiceAddressThatEachDeviceRoutesOverItsOwnLink() {
        TopologyPlan plan = TopologyPlan.of(campus, campus.meanNetwork(), 7);

        assertThat(plan.hostAddresses()).containsExactly(new HostAddress("eo7-ed", "10.213.7.224"),
                new HostAddress("eo7-ec", "10.213.7.225"), new HostAddress("eo7-er", "10.213.7.226"),
                new HostAddress("eo7-cd", "10.213.7.227"));
        assertThat(plan.site("EC").address()).isEqualTo("10.213.7.225");
        for (DeviceHost device : plan.devices()) {
            VethPair toEc = device.link("EC").orElseThrow().pair();
            assertThat(plan.routes()).contains(new Route(device.namespace(), "10.213.7.225/32", toEc.addressB()));
            assertThat(plan.routes()).anyMatch(r -> r.namespace().equals(device.namespace())
                    && r.destination().equals("10.213.7.227/32"));
        }
        assertThat(plan.routes()).filteredOn(r -> r.namespace().equals("eo7-cd")).hasSize(3);
        assertThat(plan.routes()).contains(new Route("eo7-wan", "10.213.7.227/32", wanToCloud(plan).addressB()));
    }

    @Test
    void keepsEveryLinkInItsOwnSlash30BelowTheServiceAddressesWithShortNames() {
        TopologyPlan plan = TopologyPlan.of(campus, campus.meanNetwork(), 250);

        assertThat(plan.links()).hasSize(3 * 4 + 1);
        assertThat(plan.links()).extracting(VethPair::network).doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("10.213.250.") && Integer.parseInt(n.split("[./]")[3]) < 224);
        List<String> names = plan.links().stream().flatMap(l -> Stream.of(l.nameA(), l.nameB())).toList();
        assertThat(names).allMatch(n -> n.length() <= 15 && TopologyPlan.OWNED_NAME.matcher(n).matches())
                .doesNotHaveDuplicates();
    }

    @Test
    void showsEachDeviceTheSitesWithItsOwnLinksForMeasuring() {
        TopologyPlan plan = TopologyPlan.of(campus, campus.meanNetwork(), 7);

        List<SiteEndpoint> lab = plan.sitesSeenBy("lab");

        assertThat(lab).extracting(SiteEndpoint::siteId).containsExactly("ED", "EC", "ER", "CD");
        assertThat(lab.get(1).oneWayLatencyMillis()).isEqualTo(3.0);
        assertThat(lab.get(1).bandwidthKBps()).isEqualTo(12500.0);
        assertThat(lab.get(0).oneWayLatencyMillis()).isEqualTo(15.0);
        assertThat(lab.get(3)).isEqualTo(plan.site("CD"));
    }

    @Test
    void leavesTheSeedsPlanAsItWas() {
        Scenario seed = ScenarioYaml.load("seed");

        TopologyPlan plan = TopologyPlan.of(seed, seed.meanNetwork(), 7);

        assertThat(plan.isFleet()).isFalse();
        assertThat(plan.hostAddresses()).isEmpty();
        assertThat(plan.deviceLinksTo("EC")).isEmpty();
    }

    @Test
    void refusesACellLinkToACloudSiteNamingTheCellAndTheSite() {
        Fleet fleet = commuter.fleet();
        Fleet withCloudCell = new Fleet(fleet.devices(), List.of(new Cell("HOME", List.of(new AccessLink("CD", 5, 100))),
                fleet.cells().get(1), fleet.cells().get(2)), fleet.handover(), fleet.lookaheadSeconds());
        Scenario scenario = commuter.withFleet(withCloudCell);

        assertThatThrownBy(() -> TopologyPlan.of(scenario, scenario.meanNetwork(), 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cell HOME has a link to cloud site CD, which the test-bed does not emulate");
    }

    private static VethPair wanToCloud(TopologyPlan plan) {
        return plan.links().stream().filter(l -> l.namespaceB().equals("eo7-cd")).findFirst().orElseThrow();
    }
}
