package io.edgeoff.decision.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.SiteOutlook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClairvoyantPolicyTest {
    private final Scenario scenario = ScenarioYaml.load("seed");
    private final AppInstance chess = AppInstance.means(scenario.application("CHESS"));
    private final List<SiteOutlook> outlook = Requests.availability(scenario, Map.of());

    @Test
    void placesEachTaskWhereThePlanOfItsExecutionSays() {
        ClairvoyantPolicy policy = new ClairvoyantPolicy();
        int md = scenario.siteIndex("MD");
        int ec = scenario.siteIndex("EC");
        int cd = scenario.siteIndex("CD");
        policy.follow(chess, new int[] {md, ec, cd, md});

        int update = policy.decide(Requests.first(scenario, chess, "UPDATE_CHESS", outlook)).siteIndex();
        int move = policy.decide(Requests.first(scenario, chess, "COMPUTE_MOVE", outlook)).siteIndex();

        assertThat(update).isEqualTo(ec);
        assertThat(move).isEqualTo(cd);
    }

    @Test
    void refusesToDecideWithoutThePlanOfTheRequestsExecution() {
        ClairvoyantPolicy policy = new ClairvoyantPolicy();
        DecisionRequest request = Requests.first(scenario, chess, "UPDATE_CHESS", outlook);

        assertThatThrownBy(() -> policy.decide(request)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it runs only in the simulator");
        policy.follow(AppInstance.means(scenario.application("CHESS")), new int[] {0, 0, 0, 0});
        assertThatThrownBy(() -> policy.decide(request)).as("a plan of another execution")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> policy.follow(chess, new int[] {0}))
                .hasMessage("the plan must have one site per task: 4 tasks, but 1 sites");
    }
}
