package io.edgeoff.prediction.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.prediction.LanlData;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.SeedCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticTracesTest {
    @Test
    void theDefaultTraceHasEverySeedCandidateAndIsTheSameForTheSameSeed() {
        FailureTrace a = SyntheticTraces.defaultTrace();
        FailureTrace b = SyntheticTraces.defaultTrace();

        assertThat(a.nodes()).containsExactlyInAnyOrderElementsOf(SeedCategory.seedCandidates());
        assertThat(a.outages()).isEqualTo(b.outages());
        assertThat(a.outages()).allSatisfy(o -> assertThat(o.start()).isBetween(SyntheticTraces.DEFAULT_START,
                SyntheticTraces.DEFAULT_START.plus(SyntheticTraces.DEFAULT_SPAN)));
    }

    @Test
    void aDifferentSeedGivesADifferentTraceAndAddingANodeLeavesTheOthersAlone() {
        List<NodeId> one = List.of(new NodeId(16, 1));
        List<NodeId> two = List.of(new NodeId(16, 1), new NodeId(20, 48));

        FailureTrace a = SyntheticTraces.generate(one, SyntheticTraces.DEFAULT_START, Duration.ofDays(365), 1, SyntheticTraces.LANL_FIT);
        FailureTrace b = SyntheticTraces.generate(two, SyntheticTraces.DEFAULT_START, Duration.ofDays(365), 1, SyntheticTraces.LANL_FIT);
        FailureTrace c = SyntheticTraces.generate(one, SyntheticTraces.DEFAULT_START, Duration.ofDays(365), 2, SyntheticTraces.LANL_FIT);

        assertThat(b.outagesOf(new NodeId(16, 1))).isEqualTo(a.outagesOf(new NodeId(16, 1)));
        assertThat(c.outages()).isNotEqualTo(a.outages());
    }

    @Test
    void fittingAGeneratedTraceRecoversTheParametersItWasGeneratedWith() {
        List<NodeId> nodes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            nodes.add(new NodeId(16, i));
        }
        FailureTrace t = SyntheticTraces.generate(nodes, SyntheticTraces.DEFAULT_START, Duration.ofDays(3650), 7,
                SyntheticTraces.LANL_FIT);

        Map<SeedCategory, CategoryModel> fit = SyntheticTraces.fit(t);

        CategoryModel truth = SyntheticTraces.LANL_FIT.get(SeedCategory.EC);
        assertThat(fit.get(SeedCategory.EC).weibullShape()).isCloseTo(truth.weibullShape(), within(0.03));
        assertThat(fit.get(SeedCategory.EC).repairLogMeanMinutes()).isCloseTo(truth.repairLogMeanMinutes(), within(0.05));
    }

    @Test
    void theEmbeddedParametersAreWhatFittingTheLanlFileGives() {
        assumeTrue(LanlData.find().isPresent(), LanlData.MISSING);

        Map<SeedCategory, CategoryModel> fit = SyntheticTraces.fit(LanlData.trace());

        for (SeedCategory c : SeedCategory.values()) {
            CategoryModel embedded = SyntheticTraces.LANL_FIT.get(c);
            assertThat(fit.get(c).weibullShape()).as(c.name()).isCloseTo(embedded.weibullShape(), within(1e-4));
            assertThat(fit.get(c).weibullScaleHours()).as(c.name()).isCloseTo(embedded.weibullScaleHours(), within(0.01));
            assertThat(fit.get(c).repairLogSdMinutes()).as(c.name()).isCloseTo(embedded.repairLogSdMinutes(), within(1e-4));
            assertThat(fit.get(c).gaps()).isEqualTo(embedded.gaps());
        }
    }
}
