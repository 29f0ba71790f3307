package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.deploy.Manifests.Workload;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where the overlays put the pods: the seed's test-bed layout, or everything on one node. */
class TestbedPlacementTest {

    @BeforeAll
    static void needsKubectl() {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed: manifest checks skipped");
    }

    @Test
    void testbedPinsEachEdgeSiteToItsOwnLabelledArmNode() {
        Manifests testbed = ManifestInvariantsTest.rendered("overlays/testbed");

        for (String site : SiteIds.EDGE) {
            PodSpec pod = workload(testbed, "edgeoff-site-" + site).template().getSpec();
            assertThat(pod.getNodeSelector()).as("node selector of %s", site)
                    .containsExactly(Map.entry("edgeoff.io/node", site));
            assertThat(requiredArchitectures(pod)).as("architectures %s may run on", site)
                    .containsExactlyInAnyOrder("arm", "arm64");
        }
    }

    @Test
    void testbedPutsTheCloudSiteTheDatabaseAndTheMigrationOnTheAmd64CloudNode() {
        Manifests testbed = ManifestInvariantsTest.rendered("overlays/testbed");

        for (String name : List.of("edgeoff-site-cd", "postgres", "edgeoff-db-migrate")) {
            PodSpec pod = workload(testbed, name).template().getSpec();
            assertThat(pod.getNodeSelector()).as("node selector of %s", name)
                    .containsOnly(Map.entry("edgeoff.io/node", "cd"), Map.entry("kubernetes.io/arch", "amd64"));
        }
    }

    @Test
    void testbedSitesEachLandOnADifferentNode() {
        Manifests testbed = ManifestInvariantsTest.rendered("overlays/testbed");

        List<String> nodes = SiteIds.ALL.stream()
                .map(s -> workload(testbed, "edgeoff-site-" + s).template().getSpec().getNodeSelector().get("edgeoff.io/node"))
                .toList();

        assertThat(nodes).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void singleNodePinsNothingAndFitsFourSitesAndTheDatabaseOnTwoCpus() {
        Manifests single = ManifestInvariantsTest.rendered("overlays/single-node");
        double requestedCpu = 0;

        for (Workload w : single.workloads()) {
            PodSpec pod = w.template().getSpec();
            assertThat(pod.getNodeSelector()).as("node selector of %s", w).isNullOrEmpty();
            assertThat(pod.getAffinity()).as("affinity of %s", w).isNull();
            if (w.longRunning()) {
                requestedCpu += pod.getContainers().get(0).getResources().getRequests().get("cpu")
                        .getNumericalAmount().doubleValue();
            }
        }

        assertThat(requestedCpu).as("CPU requested by the long-running pods").isLessThanOrEqualTo(1.0);
    }

    private static Workload workload(Manifests m, String name) {
        return m.workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(m.kustomization() + " has no workload " + name));
    }

    private static List<String> requiredArchitectures(PodSpec pod) {
        return Optional.ofNullable(pod.getAffinity())
                .map(a -> a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms())
                .orElse(List.of()).stream()
                .flatMap(t -> t.getMatchExpressions().stream())
                .filter(e -> e.getKey().equals("kubernetes.io/arch") && e.getOperator().equals("In"))
                .map(NodeSelectorRequirement::getValues)
                .flatMap(List::stream)
                .toList();
    }
}
