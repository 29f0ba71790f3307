package io.edgeoff.common.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CostModel#with(PlanningInputs)}, the one place where measured inputs replace the scenario's values. Seed
 * scenario: MD-ED 15 ms / 2500 KB/s, ED 5000 MIPS, ED-EC 10 ms / 123000 KB/s. Task: 150 MI, 6 KB in, 5 KB out.
 */
class CostModelWithInputsTest {
    private static final double EPS = 1e-12;

    private final Scenario scenario = ScenarioYaml.load("seed");
    private final CostModel model = scenario.costModel();
    private final int md = scenario.siteIndex("MD");
    private final int ed = scenario.siteIndex("ED");
    private final int ec = scenario.siteIndex("EC");

    private static TaskInstance sink() {
        return new TaskInstance("T", 150, 6, 5, 1, true, true);
    }

    private static PlanningInputs measuredEd(double latencyMillis, double bandwidthKBps, double queueMillis) {
        return new PlanningInputs(List.of(new SiteInputs("ED", latencyMillis, InputSource.MEASURED, bandwidthKBps,
                InputSource.MEASURED, queueMillis, InputSource.MEASURED)));
    }

    @Test
    void noInputsPlanWithTheScenarioItself() {
        assertThat(model.with(PlanningInputs.none())).isSameAs(model);
    }

    @Test
    void measuredLatencyBandwidthAndQueueReplaceTheDeviceSiteLinkAndAddToExecution() {
        CostModel planned = model.with(measuredEd(100, 500, 40));

        TaskCost cost = planned.cost(sink(), md, ed);

        assertThat(cost.uplinkSeconds()).isCloseTo(6.0 / 500 + 0.100, within(EPS));
        assertThat(cost.executionSeconds()).isCloseTo(0.03 + 0.040, within(EPS));
        assertThat(cost.downlinkSeconds()).isCloseTo(5.0 / 500 + 0.100, within(EPS));
        assertThat(cost.energyJoules()).isCloseTo(1.3 * 0.112 + 0.3 * 0.07 + 1.0 * 0.11, within(EPS));
    }

    @Test
    void linksTheDeviceCannotMeasureKeepTheScenariosValues() {
        CostModel planned = model.with(measuredEd(100, 500, 0));

        assertThat(planned.cost(sink(), ed, ec).uplinkSeconds()).isEqualTo(model.cost(sink(), ed, ec).uplinkSeconds());
        assertThat(planned.cost(sink(), md, ec)).isEqualTo(model.cost(sink(), md, ec));
        assertThat(model.cost(sink(), md, ed).uplinkSeconds()).isCloseTo(6.0 / 2500 + 0.015, within(EPS));
    }

    @Test
    void priorsReproduceTheScenarioCosts() {
        CostModel planned = model.with(new PlanningInputs(List.of(SiteInputs.priorOf(model, ed),
                SiteInputs.priorOf(model, ec))));

        assertThat(planned.cost(sink(), md, ed)).isEqualTo(model.cost(sink(), md, ed));
        assertThat(planned.cost(sink(), md, ec)).isEqualTo(model.cost(sink(), md, ec));
    }

    @Test
    void inputsForTheDeviceOrAnUnknownSiteAreRefusedByName() {
        PlanningInputs device = new PlanningInputs(List.of(new SiteInputs("MD", 1, InputSource.MEASURED, 1,
                InputSource.MEASURED, 0, InputSource.PRIOR)));
        PlanningInputs unknown = new PlanningInputs(List.of(new SiteInputs("XX", 1, InputSource.MEASURED, 1,
                InputSource.MEASURED, 0, InputSource.PRIOR)));

        assertThatThrownBy(() -> model.with(device)).hasMessageContaining("MD");
        assertThatThrownBy(() -> model.with(unknown)).hasMessageContaining("XX");
        assertThatThrownBy(() -> new SiteInputs("ED", -1, InputSource.MEASURED, 1, InputSource.MEASURED, 0,
                InputSource.PRIOR)).hasMessageContaining("latencyMillis of ED must be finite and >= 0, but was -1.0");
    }

    @Test
    void aLearntSpeedMakesTheExecutionTimeThePredictionOnThatSiteAndTheDeviceOnly() {
        PlanningInputs learnt = PlanningInputs.none().withSpeeds(List.of(SiteSpeed.of("ED", 150, 0.4),
                SiteSpeed.of("MD", 150, 0.25)));

        CostModel planned = model.with(learnt);

        assertThat(planned.cost(sink(), md, ed).executionSeconds()).isCloseTo(0.4, within(EPS));
        assertThat(planned.cost(sink(), md, md).executionSeconds()).isCloseTo(0.25, within(EPS));
        assertThat(planned.cost(sink(), md, ec)).isEqualTo(model.cost(sink(), md, ec));
        assertThat(model.cost(sink(), md, ed).executionSeconds()).isCloseTo(0.03, within(EPS));
        assertThat(learnt.describe()).isEqualTo("learnt speeds ED 375 MIPS, MD 600 MIPS");
    }

    @Test
    void aSpeedThatIsNotPositiveOrASiteGivenTwiceIsRefusedNamingIt() {
        assertThatThrownBy(() -> new SiteSpeed("ED", 0)).hasMessage("mips of ED must be finite and > 0, but was 0.0");
        assertThatThrownBy(() -> PlanningInputs.none().withSpeeds(List.of(new SiteSpeed("ED", 1), new SiteSpeed("ED", 2))))
                .hasMessage("each site may have one speed, but the speeds were for [ED, ED]");
    }
}
