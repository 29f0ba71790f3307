package io.edgeoff.decision.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.InputSource;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.SiteOutlook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExternalWireTest {
    private final Scenario scenario = ScenarioYaml.load("seed");
    private final CostModel costs = scenario.costModel();

    /** GPS_NAVIGATOR with its first two tasks done (on MD and ED), asking for task 2; EC excluded, CD suspected. */
    static DecisionRequest request(Scenario scenario, PlanningInputs inputs) {
        AppInstance app = AppInstance.draw(scenario.application("GPS_NAVIGATOR"), new SplittableRandom(7));
        int[] placement = new int[app.size()];
        Arrays.fill(placement, -1);
        placement[0] = scenario.siteIndex("MD");
        placement[1] = scenario.siteIndex("MD");
        boolean[] excluded = new boolean[scenario.sites().size()];
        excluded[scenario.siteIndex("EC")] = true;
        List<SiteOutlook> outlook = new ArrayList<>();
        scenario.sites().forEach(site -> outlook.add(!site.isRemote() ? SiteOutlook.certain()
                : site.id().equals("CD") ? new SiteOutlook(0.9, 1.0, 0.001, 12.5, 3.0, true)
                : SiteOutlook.ofAvailability(0.95)));
        return new DecisionRequest(app, 2, scenario.siteIndex("MD"), placement, excluded, outlook, Optional.empty(),
                inputs);
    }

    @Test
    void aRequestSurvivesTheRoundTripThroughJsonAndCarriesWhatThePolicyNeeds() throws Exception {
        PlanningInputs measured = new PlanningInputs(List.of(new SiteInputs("ED", 3.5, InputSource.MEASURED, 900,
                InputSource.MEASURED, 12, InputSource.MEASURED)));
        DecisionRequest request = request(scenario, measured);
        ExternalWire.Request wire = ExternalWire.request("external:http://127.0.0.1:1/decide", request, costs,
                new CostWeights(0.7, 0.3));

        byte[] json = ExternalWire.write(wire);
        ExternalWire.Request back = ExternalWire.readRequest(json);

        assertThat(back).isEqualTo(wire);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("schema").asText()).isEqualTo("edgeoff/decision-request/v1");
        assertThat(tree.get("taskIndex").asInt()).isEqualTo(2);
        assertThat(tree.get("remainingTasks")).hasSize(request.app().size() - 2);
        assertThat(tree.get("app").get("tasks").get(1).get("placedAt").asText()).isEqualTo("MD");
        assertThat(tree.get("app").get("tasks").get(2).get("placedAt").isNull()).isTrue();
        JsonNode ed = tree.get("sites").get(scenario.siteIndex("ED"));
        assertThat(ed.get("link").get("latencyMillis").asDouble()).isEqualTo(3.5);
        assertThat(ed.get("link").get("queueSource").asText()).isEqualTo("MEASURED");
        assertThat(ed.get("outlook").get("mtbfHours").isNull()).as("infinite MTBF is null").isTrue();
        assertThat(ed.get("cost").get("timeSeconds").asDouble()).isEqualTo(costs.with(measured)
                .cost(request.app().task(2), request.previousSite(), scenario.siteIndex("ED")).timeSeconds());
        JsonNode cd = tree.get("sites").get(scenario.siteIndex("CD"));
        assertThat(cd.get("outlook").get("suspected").asBoolean()).isTrue();
        assertThat(cd.get("outlook").get("mtbfHours").asDouble()).isEqualTo(12.5);
        assertThat(cd.get("link").get("latencySource").asText()).isEqualTo("PRIOR");
        assertThat(tree.get("sites").get(scenario.siteIndex("EC")).get("excluded").asBoolean()).isTrue();
        assertThat(tree.get("sites").get(scenario.siteIndex("MD")).get("link").isNull()).isTrue();
        assertThat(tree.get("device").get("siteId").asText()).isEqualTo("MD");
        assertThat(tree.get("device").get("timeWeight").asDouble()).isEqualTo(0.7);
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("Infinity", "NaN");
    }

    @Test
    void anAnswerNamesASiteByIdOrByIndex() {
        DecisionRequest request = request(scenario, PlanningInputs.none());

        int byId = ExternalWire.siteIndex(ExternalWire.readAnswer(bytes("{\"site\":\"ED\"}")), request, costs);
        int byIndex = ExternalWire.siteIndex(ExternalWire.readAnswer(bytes("{\"schema\":\"edgeoff/decision-answer/v1\","
                + "\"siteIndex\":" + scenario.siteIndex("CD") + ",\"expectedTimeSeconds\":0.5}")), request, costs);

        assertThat(byId).isEqualTo(scenario.siteIndex("ED"));
        assertThat(byIndex).isEqualTo(scenario.siteIndex("CD"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json|answer is not JSON",
        "[1,2]|answer must be a JSON object",
        "{}|answer names no site",
        "{\"site\":\"XX\"}|site 'XX' is not a site of the scenario",
        "{\"siteIndex\":99}|siteIndex must be in [0,5), but was 99",
        "{\"site\":\"EC\"}|site EC is excluded for this task",
        "{\"site\":\"ED\",\"siteIndex\":0}|answer names site 'ED' (index 1) and siteIndex 0",
        "{\"schema\":\"edgeoff/decision-answer/v2\",\"site\":\"ED\"}|answer schema must be edgeoff/decision-answer/v1",
        "{\"siteIndex\":\"ED\"}|answer does not match edgeoff/decision-answer/v1",
    })
    void aNonsenseAnswerIsRefusedWithItsReason(String body, String reason) {
        DecisionRequest request = request(scenario, PlanningInputs.none());

        assertThatThrownBy(() -> ExternalWire.siteIndex(ExternalWire.readAnswer(bytes(body)), request, costs))
                .isInstanceOf(ExternalWire.NonsenseException.class).hasMessageContaining(reason);
    }

    @Test
    void aRemoteSiteForATaskThatIsNotOffloadableIsNonsense() {
        DecisionRequest offloadable = request(scenario, PlanningInputs.none());
        DecisionRequest pinned = new DecisionRequest(offloadable.app(), 1, offloadable.previousSite(),
                new int[offloadable.app().size()], offloadable.excluded(), offloadable.outlook(), Optional.empty());
        Arrays.fill(pinned.placement(), -1);

        assertThatThrownBy(() -> ExternalWire.siteIndex(ExternalWire.readAnswer(bytes("{\"site\":\"ED\"}")), pinned,
                costs)).hasMessage("task GPS is not offloadable, but the answer chose ED");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
