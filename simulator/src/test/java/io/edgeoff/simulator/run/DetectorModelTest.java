package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.engine.Simulation;
import io.edgeoff.simulator.failure.SiteTrace;
import io.edgeoff.simulator.failure.TimeFailureProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorModelTest {
    /** Day 1 down for its first half; 8 640 trace seconds per simulated second: down from 10 s to 15 s. */
    private static final double DOWN_AT = 10.0;
    private static final double UP_AT = 15.0;

    private static DetectorConfig config(int maxSilenceMillis) {
        return DetectorConfig.ofDefaults().withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofMillis(maxSilenceMillis));
    }

    /** Queries the model of {@code config} at {@code times} (virtual s) during a replay of the outage. */
    private static List<Boolean> suspectedAt(DetectorConfig config, double failedAttemptAt, double... times) {
        double[] daily = {1.0, 0.5, 1.0, 1.0};
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);
        TimeFailureProcess failures = new TimeFailureProcess(new SiteTrace[] {null, trace}, new double[] {0, 0}, 8_640);
        SuspicionModel model = SuspicionModel.detector(config, failures, 2);
        Simulation sim = new Simulation();
        List<Boolean> seen = new ArrayList<>();
        failures.start(sim);
        if (failedAttemptAt >= 0) {
            sim.scheduleAt(failedAttemptAt, s -> model.attemptFailed(1, s.nowSeconds()));
        }
        for (double t : times) {
            sim.scheduleAt(t, s -> seen.add(model.suspected(1, s.nowSeconds())));
        }
        sim.scheduleAt(30, Simulation::stop);
        sim.run();
        return seen;
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 1200})
    void aDownSiteIsSuspectedExactlyTheConfiguredDetectionDelayAfterItWentDown(int maxSilenceMillis) {
        DetectorConfig config = config(maxSilenceMillis);
        double delay = config.detectionBound().toNanos() / 1e9;

        List<Boolean> seen = suspectedAt(config, -1, DOWN_AT - 1, DOWN_AT, Math.nextDown(DOWN_AT + delay),
                DOWN_AT + delay, UP_AT - 0.01, UP_AT + 0.001);

        assertThat(delay).isEqualTo((maxSilenceMillis + 10 + 100) / 1000.0);
        assertThat(seen).containsExactly(false, false, false, true, true, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 1200})
    void aFailedAttemptSuspectsAtOnceUntilTheFirstHeartbeatAfterTheRecovery(int maxSilenceMillis) {
        DetectorConfig config = config(maxSilenceMillis);
        double heartbeat = config.heartbeatInterval().toNanos() / 1e9;

        List<Boolean> seen = suspectedAt(config, DOWN_AT + 0.05, DOWN_AT + 0.01, DOWN_AT + 0.05, UP_AT,
                Math.nextDown(UP_AT + heartbeat), UP_AT + heartbeat);

        assertThat(seen).containsExactly(false, true, true, true, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 1200})
    void anAttemptOnADownSiteIsDetectedWhenTheDelayRunsOut(int maxSilenceMillis) {
        DetectorConfig config = config(maxSilenceMillis);
        double delay = config.detectionBound().toNanos() / 1e9;
        double[] daily = {1.0, 0.5, 1.0, 1.0};
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);
        TimeFailureProcess failures = new TimeFailureProcess(new SiteTrace[] {null, trace}, new double[] {0, 0}, 8_640);
        SuspicionModel model = SuspicionModel.detector(config, failures, 2);
        Simulation sim = new Simulation();
        List<Double> seen = new ArrayList<>();
        failures.start(sim);
        sim.scheduleAt(DOWN_AT + 0.25, s -> seen.add(model.detectionSeconds(1, s.nowSeconds())));
        sim.scheduleAt(DOWN_AT + delay + 1, s -> seen.add(model.detectionSeconds(1, s.nowSeconds())));
        sim.scheduleAt(30, Simulation::stop);

        sim.run();

        assertThat(seen.get(0)).isCloseTo(delay - 0.25, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(seen.get(1)).isZero();
        assertThat(SuspicionModel.none().detectionSeconds(1, DOWN_AT)).isNaN();
    }
}
