package io.edgeoff.decision.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.SuspicionResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each product policy reacts to the failure detector's suspicion exactly as its registry entry says: the site a
 * policy picks when nothing is suspected is suspected (but really up, so an attempt there succeeds), and the placement
 * loop run from the registry entry either still sends the task there (IGNORE: the seed's MDP-SVR, EFPO and the
 * Kubernetes-style reactive baseline learn of failures only from failed attempts) or avoids it
 * (EXCLUDE_SUSPECTED: {@code mdp}).
 */
class SuspicionPerPolicyTest {
    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel costModel = seed.costModel();
    private final int md = seed.siteIndex("MD");
    private final AppInstance chess = AppInstance.means(seed.application("CHESS"));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "reactive,     IGNORE",
        "seed-mdp-svr, IGNORE",
        "efpo,         IGNORE",
        "mdp,          EXCLUDE_SUSPECTED"})
    void aSuspectedButUpSiteIsChosenOnlyByPoliciesThatIgnoreSuspicion(String name, SuspicionResponse expected) {
        PolicySpec spec = Policies.spec(name);
        assertThat(spec.onSuspicion()).as("registry entry of %s", name).isEqualTo(expected);
        assertThat(spec.reactsTo().contains("suspicion")).isEqualTo(expected == SuspicionResponse.EXCLUDE_SUSPECTED);
        int task = computeMove();

        int trusted = firstSite(spec, task, -1);
        assertThat(trusted).as("%s offloads the task when nothing is suspected", name).isNotEqualTo(md);
        Placement<String> placed = place(spec, task, trusted);

        int chosen = placed.attempts().get(0).site();
        if (expected == SuspicionResponse.IGNORE) {
            assertThat(chosen).as("%s still sends the task to the suspected site", name).isEqualTo(trusted);
            assertThat(placed.finalSite()).isEqualTo(trusted);
        } else {
            assertThat(chosen).as("%s avoids the suspected site", name).isNotEqualTo(trusted);
        }
    }

    private int firstSite(PolicySpec spec, int task, int suspected) {
        return place(spec, task, suspected).attempts().get(0).site();
    }

    /** Places {@code task} from the device with every site up and {@code suspected} (or none: -1) suspected. */
    private Placement<String> place(PolicySpec spec, int task, int suspected) {
        PlacementLoop loop = new PlacementLoop(costModel, spec, spec.create(PolicyContext.of(costModel, 1)),
                PlacementRules.ofDefaults());
        List<SiteOutlook> outlook = new ArrayList<>();
        for (int s = 0; s < costModel.siteCount(); s++) {
            SiteOutlook o = s == md ? SiteOutlook.certain() : SiteOutlook.ofAvailability(0.99);
            outlook.add(o.withSuspicion(s == suspected));
        }
        int[] placement = new int[chess.size()];
        Arrays.fill(placement, -1);
        placement[0] = md;
        AttemptRunner<String> allUp = (site, elapsed, out) -> out.succeeded(0.1, 0.1);
        return loop.place(chess, task, md, placement, elapsed -> outlook, allUp, new Placement<>());
    }

    /** CHESS's compute-intensive task: worth offloading for every policy. */
    private int computeMove() {
        for (int t = 0; t < chess.size(); t++) {
            if (chess.task(t).name().equals("COMPUTE_MOVE")) {
                return t;
            }
        }
        throw new IllegalStateException("CHESS has no COMPUTE_MOVE");
    }
}
