package io.edgeoff.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void runsEventsInTimeOrderAndEqualTimesInSchedulingOrder() {
        Simulation sim = new Simulation();
        List<String> log = new ArrayList<>();
        sim.scheduleAt(5, s -> log.add("c@" + s.nowSeconds()));
        sim.scheduleAt(1, s -> log.add("a@" + s.nowSeconds()));
        sim.scheduleAt(5, s -> log.add("d@" + s.nowSeconds()));
        sim.scheduleAt(1, s -> log.add("b@" + s.nowSeconds()));

        sim.run();

        assertThat(log).containsExactly("a@1.0", "b@1.0", "c@5.0", "d@5.0");
    }

    @Test
    void eventsScheduledByHandlersRunAfterEarlierOnesAtTheSameTime() {
        Simulation sim = new Simulation();
        List<String> log = new ArrayList<>();
        sim.scheduleAt(2, s -> {
            log.add("first");
            s.schedule(0, t -> log.add("scheduled-by-first"));
        });
        sim.scheduleAt(2, s -> log.add("second"));

        sim.run();

        assertThat(log).containsExactly("first", "second", "scheduled-by-first");
        assertThat(sim.processedEvents()).isEqualTo(3);
    }

    @Test
    void clockMovesOnlyWithEventsAndStopEndsTheRun() {
        Simulation sim = new Simulation();
        sim.schedule(3, s -> s.stop());
        sim.schedule(10, s -> { });

        sim.run();

        assertThat(sim.nowSeconds()).isEqualTo(3.0);
        assertThat(sim.pendingEvents()).isEqualTo(1);
    }

    @Test
    void cancelledEventsDoNotRun() {
        Simulation sim = new Simulation();
        List<String> log = new ArrayList<>();
        Event event = sim.schedule(1, s -> log.add("cancelled"));
        sim.schedule(2, s -> log.add("kept"));

        assertThat(sim.cancel(event)).isTrue();
        sim.run();

        assertThat(log).containsExactly("kept");
    }

    @Test
    void rejectsSchedulingInThePastOrWithNegativeDelay() {
        Simulation sim = new Simulation();
        sim.schedule(4, s -> assertThatThrownBy(() -> s.scheduleAt(3, t -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before now"));
        sim.run();

        assertThatThrownBy(() -> sim.schedule(-1, s -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void virtualClockViewFollowsVirtualTime() {
        Simulation sim = new Simulation();
        java.time.Instant origin = java.time.Instant.parse("2026-01-01T00:00:00Z");
        java.time.Clock clock = sim.clock().asClock(origin);
        List<java.time.Instant> seen = new ArrayList<>();
        sim.schedule(1.5, s -> seen.add(clock.instant()));

        sim.run();

        assertThat(seen).containsExactly(java.time.Instant.parse("2026-01-01T00:00:01.500Z"));
    }
}
