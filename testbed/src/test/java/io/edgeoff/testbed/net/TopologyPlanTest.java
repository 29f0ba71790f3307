package io.edgeoff.testbed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopologyPlanTest {
    private final Scenario seed = ScenarioYaml.load("seed");

    @Test
    void givesEachSiteANamespaceAndPutsTheCloudBehindTheWanHop() {
        TopologyPlan plan = TopologyPlan.of(seed, seed.meanNetwork(), 7);

        assertThat(plan.namespaces()).containsExactly("eo7-md", "eo7-wan", "eo7-ed", "eo7-ec", "eo7-er", "eo7-cd");
        assertThat(plan.deviceNamespace()).isEqualTo("eo7-md");
        assertThat(plan.forwarding()).containsExactly("eo7-wan");
        assertThat(plan.sites()).extracting(SiteEndpoint::siteId).containsExactly("ED", "EC", "ER", "CD");
        assertThat(plan.site("CD").viaWan()).isTrue();
        assertThat(plan.site("EC").viaWan()).isFalse();
        assertThat(plan.site("CD").cutNamespace()).isEqualTo("eo7-wan");
        assertThat(plan.site("EC").cutNamespace()).isEqualTo("eo7-md");
    }

    @Test
    void takesLatencyAndBandwidthFromTheScenariosDeviceLinks() {
        TopologyPlan plan = TopologyPlan.of(seed, seed.meanNetwork(), 7);

        assertThat(plan.site("EC").oneWayLatencyMillis()).isEqualTo(15.0);
        assertThat(plan.site("EC").bandwidthKBps()).isEqualTo(687.5);
        assertThat(plan.site("CD").oneWayLatencyMillis()).isEqualTo(254.0);
        assertThat(plan.site("CD").roundTripMillis()).isEqualTo(508.0);
    }

    @Test
    void drawsTheCloudLatencyOnceWhenSeeded() {
        TopologyPlan a = TopologyPlan.of(seed, seed.network(new SplittableRandom(3)), 7);
        TopologyPlan b = TopologyPlan.of(seed, seed.network(new SplittableRandom(3)), 7);

        assertThat(a.site("CD").oneWayLatencyMillis()).isEqualTo(b.site("CD").oneWayLatencyMillis())
                .isNotEqualTo(254.0).isBetween(54.0, 500.0);
    }

    @Test
    void givesEveryLinkItsOwnSlash30AndShortInterfaceNames() {
        TopologyPlan plan = TopologyPlan.of(seed, seed.meanNetwork(), 250);

        assertThat(plan.links()).hasSize(5);
        assertThat(plan.links()).extracting(VethPair::network).doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("10.213.250.") && n.endsWith("/30"));
        List<String> names = plan.links().stream().flatMap(l -> java.util.stream.Stream.of(l.nameA(), l.nameB())).toList();
        assertThat(names).allMatch(n -> n.length() <= 15 && n.startsWith("eo250-")).doesNotHaveDuplicates();
        VethPair wanToCloud = plan.links().stream().filter(l -> l.namespaceB().equals("eo250-cd")).findFirst().orElseThrow();
        assertThat(wanToCloud.shaping()).isPresent();
        VethPair access = plan.links().stream().filter(l -> l.namespaceB().equals("eo250-wan")).findFirst().orElseThrow();
        assertThat(access.shaping()).isEmpty();
    }

    @Test
    void routesTheDeviceAndTheCloudThroughTheWanHop() {
        TopologyPlan plan = TopologyPlan.of(seed, seed.meanNetwork(), 7);

        assertThat(plan.routes()).containsExactlyInAnyOrder(
                new Route("eo7-md", "10.213.7.16/30", "10.213.7.2"),
                new Route("eo7-cd", "10.213.7.0/30", "10.213.7.17"));
        assertThat(plan.site("CD").address()).isEqualTo("10.213.7.18");
    }

    @Test
    void rejectsARunIdOutsideTheAddressRange() {
        assertThatThrownBy(() -> TopologyPlan.of(seed, seed.meanNetwork(), 251))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("251");
    }

    @Test
    void recognisesOnlyItsOwnNames() {
        assertThat(List.of("eo1-md", "eo12-wan", "eo250-md-ed")).allMatch(n -> TopologyPlan.OWNED_NAME.matcher(n).matches());
        assertThat(List.of("eth0", "eoX-a", "eo-md", "eo1_md", "veo1-md")).noneMatch(n -> TopologyPlan.OWNED_NAME.matcher(n).matches());
    }
}
