package io.edgeoff.common.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed values of the seed cost model (ORIGINAL.md section 4) on the seed scenario:
 * MD 1000 MIPS, ED 5000, EC 8000; MD-ED 15 ms / 2500 KB/s, MD-EC 15 ms / 687.5 KB/s,
 * ED-EC 10 ms / 123000 KB/s. Task: 150 MI, 6 KB in, 5 KB out.
 */
class CostModelTest {
    private static final double EPS = 1e-12;

    private final Scenario scenario = ScenarioYaml.load("seed");
    private final CostModel model = scenario.costModel();
    private final int md = scenario.siteIndex("MD");
    private final int ed = scenario.siteIndex("ED");
    private final int ec = scenario.siteIndex("EC");

    private static TaskInstance task(boolean sink) {
        return new TaskInstance("T", 150, 6, 5, 1, true, sink);
    }

    @Test
    void deviceToDeviceCostsExecutionAtLocalPower() {
        TaskCost cost = model.cost(task(true), md, md);

        assertThat(cost.uplinkSeconds()).isZero();
        assertThat(cost.executionSeconds()).isCloseTo(0.15, within(EPS));
        assertThat(cost.downlinkSeconds()).isZero();
        assertThat(cost.energyJoules()).isCloseTo(0.9 * 0.15, within(EPS));
    }

    @Test
    void deviceToRemoteNonSinkPaysUplinkAndIdlesDuringExecution() {
        TaskCost cost = model.cost(task(false), md, ed);

        assertThat(cost.uplinkSeconds()).isCloseTo(6.0 / 2500 + 0.015, within(EPS));
        assertThat(cost.executionSeconds()).isCloseTo(0.03, within(EPS));
        assertThat(cost.downlinkSeconds()).isZero();
        assertThat(cost.energyJoules()).isCloseTo(1.3 * 0.0174 + 0.3 * 0.03, within(EPS));
    }

    @Test
    void remoteSinkTaskPaysTheDownlinkToTheDevice() {
        TaskCost cost = model.cost(task(true), md, ed);

        assertThat(cost.downlinkSeconds()).isCloseTo(5.0 / 2500 + 0.015, within(EPS));
        assertThat(cost.timeSeconds()).isCloseTo(0.0174 + 0.03 + 0.017, within(EPS));
        assertThat(cost.energyJoules()).isCloseTo(0.02262 + 0.009 + 0.017, within(EPS));
    }

    @Test
    void sameRemoteSiteHasNoUplink() {
        TaskCost cost = model.cost(task(true), ed, ed);

        assertThat(cost.uplinkSeconds()).isZero();
        assertThat(cost.timeSeconds()).isCloseTo(0.03 + 0.017, within(EPS));
        assertThat(cost.energyJoules()).isCloseTo(0.3 * 0.03 + 1.0 * 0.017, within(EPS));
    }

    @Test
    void remoteToOtherRemoteIdlesDuringUplinkAndExecution() {
        TaskCost cost = model.cost(task(false), ed, ec);

        double up = 6.0 / 123000 + 0.010;
        assertThat(cost.uplinkSeconds()).isCloseTo(up, within(EPS));
        assertThat(cost.executionSeconds()).isCloseTo(150.0 / 8000, within(EPS));
        assertThat(cost.energyJoules()).isCloseTo(0.3 * (up + 0.01875), within(EPS));
    }

    @Test
    void remoteToDeviceReceivesTheInputAndExecutesLocally() {
        TaskCost cost = model.cost(task(true), ec, md);

        double up = 6.0 / 687.5 + 0.015;
        assertThat(cost.uplinkSeconds()).isCloseTo(up, within(EPS));
        assertThat(cost.downlinkSeconds()).isZero();
        assertThat(cost.energyJoules()).isCloseTo(1.0 * up + 0.9 * 0.15, within(EPS));
    }

    @Test
    void failedAttemptCostsTheSeedsDetectionTimeAndEnergy() {
        assertThat(model.failedAttemptCost(md).timeSeconds()).isCloseTo(1.5, within(EPS));
        assertThat(model.failedAttemptCost(md).energyJoules()).isCloseTo(1.95, within(EPS));
        assertThat(model.failedAttemptCost(ed).energyJoules()).isCloseTo(0.45, within(EPS));
    }

    @Test
    void aFailedAttemptWithAGivenDetectionTimeCostsTheDevicesPowerForThatLong() {
        assertThat(model.failedAttemptCost(md, 0.4).timeSeconds()).isCloseTo(0.4, within(EPS));
        assertThat(model.failedAttemptCost(md, 0.4).energyJoules()).isCloseTo(1.3 * 0.4, within(EPS));
        assertThat(model.failedAttemptCost(ed, 0.4).energyJoules()).isCloseTo(0.3 * 0.4, within(EPS));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.failedAttemptCost(md, -1))
                .hasMessage("detectionSeconds must be >= 0, but was -1.0");
    }

    @Test
    void detectionTimeIsConfigurable() {
        CostModel fast = new CostModel(scenario.sites(), scenario.meanNetwork(), DevicePower.seed(), 0.2);

        assertThat(fast.failedAttemptCost(md).energyJoules()).isCloseTo(1.3 * 0.2, within(EPS));
    }

    @Test
    void cloudLatencyResolvesToItsMean() {
        int cd = scenario.siteIndex("CD");

        TaskCost cost = model.cost(task(false), md, cd);

        assertThat(cost.uplinkSeconds()).isCloseTo(6.0 / 2500 + 0.254, within(EPS));
    }

    @Test
    void energyFromMeasuredPhasesIsTheModelsEnergyForEveryCase() {
        for (int from = 0; from < model.siteCount(); from++) {
            for (int to = 0; to < model.siteCount(); to++) {
                for (boolean sink : new boolean[] {false, true}) {
                    TaskCost cost = model.cost(task(sink), from, to);

                    double energy = model.energyJoules(from, to, cost.uplinkSeconds(), cost.executionSeconds(),
                            cost.downlinkSeconds());

                    assertThat(energy).as("%d -> %d, sink %s", from, to, sink).isEqualTo(cost.energyJoules());
                }
            }
        }
    }

    @Test
    void energyFromMeasuredPhasesRejectsNegativeDurationsAndUnknownSites() {
        assertThatThrownBy(() -> model.energyJoules(md, ed, -0.1, 0, 0))
                .hasMessage("transferInSeconds must be >= 0, but was -0.1");
        assertThatThrownBy(() -> model.energyJoules(md, 9, 0, 0, 0))
                .hasMessage("to must be a site index in [0,5), but was 9");
    }

    @Test
    void seedRewardUsesTheSigmoidWithZeroAtZero() {
        SeedReward reward = new SeedReward(CostWeights.seed());

        assertThat(SeedReward.sigmoid(0)).isZero();
        assertThat(reward.reward(0.15, 0.135)).isCloseTo(0.4644356596116748, within(1e-15));
        assertThat(reward.reward(30, 30)).isLessThan(1e-12);
    }
}
