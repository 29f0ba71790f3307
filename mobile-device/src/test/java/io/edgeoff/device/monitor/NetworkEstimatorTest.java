package io.edgeoff.device.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.InputSource;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.cost.SiteInputs;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The device's link and queue estimates: priors, smoothing, convergence (seed scenario: MD-ED 15 ms, 2500 KB/s). */
class NetworkEstimatorTest {
    private static final double EPS = 1e-9;

    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel prior = seed.costModel();
    private final NetworkEstimator estimator = new NetworkEstimator(prior, EstimatorConfig.ofDefaults());

    @Test
    void beforeAnyMeasurementEverySiteHasTheScenariosValuesAsPriors() {
        PlanningInputs inputs = estimator.inputs();

        assertThat(inputs.sites()).extracting(SiteInputs::siteId).containsExactly("ED", "EC", "ER", "CD");
        assertThat(inputs.sites()).allSatisfy(s -> assertThat(s.anyMeasured()).isFalse());
        assertThat(inputs.site("ED")).contains(new SiteInputs("ED", 15, InputSource.PRIOR, 2500, InputSource.PRIOR, 0,
                InputSource.PRIOR));
        io.edgeoff.common.app.TaskInstance task = new io.edgeoff.common.app.TaskInstance("T", 150, 6, 5, 1, true, true);
        assertThat(prior.with(inputs).cost(task, prior.deviceIndex(), seed.siteIndex("ED")))
                .isEqualTo(prior.cost(task, prior.deviceIndex(), seed.siteIndex("ED")));
    }

    @Test
    void theFirstSampleIsAveragedWithThePriorAndLaterOnesAreSmoothed() {
        estimator.roundTrip("ED", 2 * 35.0);
        double first = estimator.inputs("ED").latencyMillis();
        estimator.roundTrip("ED", 2 * 35.0);
        double second = estimator.inputs("ED").latencyMillis();
        estimator.roundTrip("ED", 2 * 35.0);
        estimator.roundTrip("ED", 2 * 35.0);
        double fourth = estimator.inputs("ED").latencyMillis();

        assertThat(first).isCloseTo(25.0, within(EPS));                        // (15 + 35) / 2
        assertThat(second).isCloseTo(25.0 + (35 - 25) / 3.0, within(EPS));    // weight 1/3
        assertThat(fourth).isCloseTo(35 - (35 - second) * 0.7 * 0.7, within(EPS)); // then weight 0.3
        assertThat(estimator.inputs("ED").latencySource()).isEqualTo(InputSource.MEASURED);
        assertThat(estimator.inputs("EC").latencySource()).isEqualTo(InputSource.PRIOR);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 40.0, 400.0})
    void aSteadyLinkIsLearnedWhateverThePrior(double latencyMillis) {
        for (int i = 0; i < 60; i++) {
            estimator.roundTrip("CD", 2 * latencyMillis);
        }

        assertThat(estimator.inputs("CD").latencyMillis()).isCloseTo(latencyMillis, within(1e-6 * latencyMillis + 1e-6));
    }

    @Test
    void bandwidthComesFromTheTransferTimeBeyondTheLatency() {
        estimator.roundTrip("ER", 2 * 20.0);
        estimator.roundTrip("ER", 2 * 20.0);                // latency 15 -> 17.5 -> 18.33.. ms
        double latency = estimator.inputs("ER").latencyMillis();
        for (int i = 0; i < 60; i++) {
            estimator.transfer("ER", 100, latency / 1000.0 + 0.2, 1);  // 100 KB in 200 ms beyond the latency
        }

        assertThat(estimator.inputs("ER").bandwidthKBps()).isCloseTo(500.0, within(1e-6));
        assertThat(estimator.inputs("ER").bandwidthSource()).isEqualTo(InputSource.MEASURED);
    }

    @Test
    void aTransferTooShortToResolveGivesNoBandwidthSample() {
        estimator.transfer("ED", 6, 0.015 + 0.002, 1);     // 2 ms beyond the latency: below 5 ms

        assertThat(estimator.inputs("ED").bandwidthSource()).isEqualTo(InputSource.PRIOR);
        assertThat(estimator.inputs("ED").bandwidthKBps()).isEqualTo(2500.0);
    }

    @Test
    void queueingDelayComesFromRepliesAndFromTheReportedQueue() {
        estimator.reportedQueue("EC", 3, 1);               // no execution time measured yet: no sample
        SiteInputs before = estimator.inputs("EC");
        estimator.taskReply("EC", 40, 100);                // waited 40 ms, ran 100 ms
        double afterReply = estimator.inputs("EC").queueDelayMillis();
        estimator.reportedQueue("EC", 4, 2);               // 4 waiting x 100 ms / 2 cores = 200 ms
        double afterReport = estimator.inputs("EC").queueDelayMillis();

        assertThat(before.queueSource()).isEqualTo(InputSource.PRIOR);
        assertThat(before.queueDelayMillis()).isZero();
        assertThat(afterReply).isCloseTo(20.0, within(EPS));                     // (0 + 40) / 2
        assertThat(afterReport).isCloseTo(20.0 + (200 - 20) / 3.0, within(EPS));
    }

    @Test
    void aLinkThatDegradesIsFollowedWithinAFewSamples() {
        for (int i = 0; i < 20; i++) {
            estimator.roundTrip("ED", 2 * 15.0);
        }
        int samples = 0;
        while (estimator.inputs("ED").latencyMillis() < 300) {
            estimator.roundTrip("ED", 2 * 400.0);
            samples++;
        }

        assertThat(samples).isEqualTo(4);   // 400 - 385 x 0.7^n >= 300 first at n = 4 (0.7^4 = 0.24)
    }

    @Test
    void anUnknownSiteIsNamed() {
        assertThatThrownBy(() -> estimator.roundTrip("XX", 1)).hasMessageContaining("unknown site XX");
        assertThatThrownBy(() -> new EstimatorConfig(1, 0, 5)).hasMessageContaining("smoothing must be in (0,1], but was 0.0");
    }

    @Test
    void aDrawnCloudLatencyIsThePriorOfTheCloudLink() {
        CostModel drawn = seed.costModel(seed.network(new SplittableRandom(3)));

        double cloud = new NetworkEstimator(drawn, EstimatorConfig.ofDefaults()).inputs("CD").latencyMillis();

        assertThat(cloud).isEqualTo(drawn.network().latencyMillis("MD", "CD"));
    }
}
