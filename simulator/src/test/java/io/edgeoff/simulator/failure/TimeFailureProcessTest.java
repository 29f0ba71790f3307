package io.edgeoff.simulator.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeFailureProcessTest {

    @Test
    void replaysOutagesAsEventsAtTheCompressedTimes() {
        // day 1 down for its first half; compression: one trace day per simulated second
        double[] daily = {1.0, 0.5, 1.0, 1.0};
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);
        TimeFailureProcess process = new TimeFailureProcess(new SiteTrace[] {null, trace}, new double[] {0, 0}, 86_400);
        Simulation sim = new Simulation();
        List<String> seen = new ArrayList<>();
        process.start(sim);
        for (double t : new double[] {0.5, 1.25, 1.75, 5.25}) {
            sim.scheduleAt(t, s -> seen.add(t + ":" + process.actualUp(t)[1]));
        }
        sim.scheduleAt(6, Simulation::stop);

        sim.run();

        assertThat(seen).containsExactly("0.5:true", "1.25:false", "1.75:true", "5.25:false");
        assertThat(process.transitions()).isEqualTo(4);
    }

    @Test
    void anAttemptFailsWhenTheSiteGoesDownWhileItRuns() {
        double[] daily = {1.0, 0.5, 1.0};
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);
        TimeFailureProcess process = new TimeFailureProcess(new SiteTrace[] {null, trace}, new double[] {0, 0}, 86_400);

        assertThat(process.attemptFails(1, 0.5, 0.1)).isFalse();
        assertThat(process.attemptFails(1, 0.95, 0.1)).isTrue();
        assertThat(process.attemptFails(1, 1.2, 0.01)).isTrue();
        assertThat(process.attemptFails(1, 1.6, 0.3)).isFalse();
        assertThat(process.attemptFails(0, 1.2, 0.3)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void theEarliestSuccessfulStartIsTheFirstStartWhoseAttemptOverlapsNoOutage(long seed) {
        double[] daily = Fixtures.randomSeries(seed, 40);
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);
        SplittableRandom random = new SplittableRandom(seed);
        TimeFailureProcess process = new TimeFailureProcess(new SiteTrace[] {null, trace},
                new double[] {0, random.nextDouble() * trace.lengthSeconds()}, 86_400);
        double step = 0.001;

        for (int probe = 0; probe < 200; probe++) {
            double start = random.nextDouble() * 80;
            double duration = random.nextDouble() * 0.8;

            double earliest = process.earliestSuccessStart(probe % 5, 1, start, duration);

            assertThat(earliest).isGreaterThanOrEqualTo(start);
            assertThat(process.attemptFails(1, earliest, duration)).as("start %s, %s s", start, duration).isFalse();
            for (double t = start; t < earliest - 1e-9; t += step) {
                assertThat(process.attemptFails(1, t, duration)).as("%s before %s", t, earliest).isTrue();
            }
        }
        assertThat(process.earliestSuccessStart(0, 0, 2.5, 1)).as("the device").isEqualTo(2.5);
    }

    @Test
    void noAttemptLongerThanTheWholeTraceEverSucceeds() {
        double[] daily = {1.0, 0.5, 1.0};
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);
        TimeFailureProcess process = new TimeFailureProcess(new SiteTrace[] {null, trace}, new double[] {0, 0}, 86_400);

        assertThat(process.earliestSuccessStart(0, 1, 0.0, 3.0)).isInfinite();
        assertThat(process.earliestSuccessStart(0, 1, 1.0, 0.25)).isEqualTo(1.5);
    }
}
