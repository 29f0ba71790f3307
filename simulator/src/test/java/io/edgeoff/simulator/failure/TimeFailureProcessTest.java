package io.edgeoff.simulator.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
