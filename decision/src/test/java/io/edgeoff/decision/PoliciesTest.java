package io.edgeoff.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.policy.ClairvoyantPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoliciesTest {
    private final Scenario scenario = ScenarioYaml.load("seed");

    @Test
    void registryListsEveryEngineWithADescription() {
        assertThat(Policies.names()).containsExactly("mdp", "seed-mdp-svr", "efpo", "energy-efficient", "local",
                "mobile-cloud", "random", "greedy", "reactive", "myopic-oracle", "clairvoyant");
        Policies.names().forEach(name -> assertThat(Policies.description(name)).isNotBlank());
        assertThat(Policies.onFailure("efpo")).isEqualTo(FailureResponse.DEVICE_ONLY);
        assertThat(Policies.onFailure("seed-mdp-svr")).isEqualTo(FailureResponse.EXCLUDE_SITE_AND_REDECIDE);
    }

    @Test
    void onlyTheOraclesNeedGroundTruthAndOnlyMdpExcludesSuspectedSites() {
        assertThat(Policies.registry().specs()).filteredOn(PolicySpec::needsGroundTruth)
                .extracting(PolicySpec::name).containsExactly("myopic-oracle", "clairvoyant");
        assertThat(Policies.registry().specs()).filteredOn(s -> s.onSuspicion() == SuspicionResponse.EXCLUDE_SUSPECTED)
                .extracting(PolicySpec::name).containsExactly("mdp");
        assertThat(Policies.onSuspicion("reactive")).isEqualTo(SuspicionResponse.IGNORE);
    }

    @Test
    void eachEntrySaysInOneLineWhatItsPolicyReactsTo() {
        assertThat(Policies.spec("mdp").reactsTo()).isEqualTo("forecast+suspicion, fail->retry");
        assertThat(Policies.spec("seed-mdp-svr").reactsTo()).isEqualTo("forecast, fail->retry");
        assertThat(Policies.spec("efpo").reactsTo()).isEqualTo("MTBF, fail->device");
        assertThat(Policies.spec("reactive").reactsTo()).isEqualTo("fail->device");
    }

    @Test
    void aRegistryWithTestEntriesKeepsTheProductEntriesAndRefusesADuplicateName() {
        PolicySpec extra = new PolicySpec("test-only", "a test's policy", FailureResponse.DEVICE_ONLY,
                SuspicionResponse.IGNORE, false, ctx -> Policies.create("local", ctx));

        PolicyRegistry registry = Policies.registry().with(extra);

        assertThat(registry.names()).endsWith("test-only").contains("mdp");
        assertThat(Policies.names()).doesNotContain("test-only");
        assertThat(registry.parseList("--policies", "mdp, test-only")).containsExactly("mdp", "test-only");
        assertThatThrownBy(() -> registry.with(extra)).hasMessage("policy 'test-only' is registered twice");
        assertThatThrownBy(() -> registry.parseList("--policies", " , ")).hasMessageStartingWith(
                "--policies: no policy given");
    }

    @Test
    void unknownPolicyNamesTheKnownOnes() {
        assertThatThrownBy(() -> Policies.create("mdpp", PolicyContext.of(scenario.costModel(), 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown policy 'mdpp'; known policies: mdp, seed-mdp-svr, efpo, energy-efficient, local, "
                        + "mobile-cloud, random, greedy, reactive, myopic-oracle, clairvoyant, external:URL");
        assertThatThrownBy(() -> Policies.parseList("mdp, nope")).hasMessageStartingWith("unknown policy 'nope'");
    }

    @Test
    void theOldOracleNameSaysWhatItWasRenamedTo() {
        assertThatThrownBy(() -> Policies.parseList("mdp,oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy 'oracle' was renamed 'myopic-oracle' (issue 18: it is myopic, the fastest up site "
                        + "per task); the bound on response time is 'clairvoyant'");
        assertThatThrownBy(() -> Policies.registry().withRetired("mdp", "gone"))
                .hasMessage("policy 'mdp' is registered; it cannot be retired");
    }

    @Test
    void everyPolicyPlacesEveryTaskOfEverySeedAppOnAFeasibleSite() {
        int md = scenario.siteIndex("MD");
        for (String name : Policies.names()) {
            if (name.equals(ClairvoyantPolicy.NAME)) {
                continue; // it follows the simulator's plan of each execution (ClairvoyantPolicyTest)
            }
            OffloadingPolicy policy = Policies.create(name, PolicyContext.of(scenario.costModel(), 7));
            for (Application application : scenario.applications()) {
                AppInstance app = AppInstance.draw(application, new SplittableRandom(3));
                int[] placement = new int[app.size()];
                Arrays.fill(placement, -1);
                List<SiteOutlook> outlook = new ArrayList<>();
                scenario.sites().forEach(s -> outlook.add(s.isRemote() ? SiteOutlook.ofAvailability(0.9) : SiteOutlook.certain()));
                for (int task : application.topologicalOrder()) {
                    int previous = DagPlacement.previousSite(application, task, placement, md);
                    Optional<boolean[]> up = Policies.spec(name).needsGroundTruth()
                            ? Optional.of(new boolean[] {true, true, true, true, true}) : Optional.empty();
                    Decision decision = policy.decide(new DecisionRequest(app, task, previous, placement,
                            new boolean[5], outlook, up));
                    if (!app.task(task).offloadable()) {
                        assertThat(decision.siteIndex()).as("%s %s", name, app.task(task).name()).isEqualTo(md);
                    }
                    assertThat(decision.expectedTimeSeconds()).isPositive();
                    placement[task] = decision.siteIndex();
                }
            }
        }
    }

    @Test
    void randomPolicyIsReproducibleFromItsSeed() {
        Application application = scenario.application("FACEBOOK");
        AppInstance app = AppInstance.means(application);
        int[] placement = new int[app.size()];
        Arrays.fill(placement, -1);
        List<SiteOutlook> outlook = new ArrayList<>();
        scenario.sites().forEach(s -> outlook.add(SiteOutlook.certain()));
        DecisionRequest request = new DecisionRequest(app, application.indexOf("GET_TOKEN"), 0, placement,
                new boolean[5], outlook, Optional.empty());

        OffloadingPolicy a = Policies.create("random", PolicyContext.of(scenario.costModel(), 42));
        OffloadingPolicy b = Policies.create("random", PolicyContext.of(scenario.costModel(), 42));
        int[] first = new int[50];
        int[] second = new int[50];
        for (int i = 0; i < 50; i++) {
            first[i] = a.decide(request).siteIndex();
            second[i] = b.decide(request).siteIndex();
        }

        assertThat(first).isEqualTo(second);
        assertThat(Arrays.stream(first).distinct().count()).isGreaterThan(2);
    }

    @Test
    void previousSiteIsTheSiteOfTheLatestPredecessorInTopologicalOrder() {
        Application gps = scenario.application("GPS_NAVIGATOR");
        int[] placement = new int[gps.size()];
        Arrays.fill(placement, -1);
        placement[gps.indexOf("CONF_PANEL")] = 0;
        placement[gps.indexOf("GPS")] = 0;
        placement[gps.indexOf("CONTROL")] = 2;
        placement[gps.indexOf("MAPS")] = 1;
        placement[gps.indexOf("TRAFFIC")] = 3;

        int previous = DagPlacement.previousSite(gps, gps.indexOf("PATH_CALC"), placement, 0);

        assertThat(previous).isEqualTo(3);
        assertThat(DagPlacement.previousSite(gps, gps.indexOf("GPS"), placement, 0)).isZero();
        assertThatThrownBy(() -> DagPlacement.previousSite(gps, gps.indexOf("VOICE_SYNTH"), placement, 0))
                .hasMessageContaining("is not ready");
    }
}
