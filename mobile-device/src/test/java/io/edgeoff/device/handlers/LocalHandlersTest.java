package io.edgeoff.device.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.handlers.BuiltInHandlers;
import io.edgeoff.handlers.GpsNavigatorHandler;
import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.HandlerException;
import io.edgeoff.task.HandlerLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalHandlersTest {
    /** A clock that advances 10 ms between the two readings around a call, and records the waits asked of it. */
    private static final class SteppingClock implements DeviceClock {
        long now;
        final List<Long> slept = new ArrayList<>();

        @Override
        public long nanoTime() {
            long t = now;
            now += 10_000_000L;
            return t;
        }

        @Override
        public void sleepNanos(long nanos) {
            slept.add(nanos);
        }
    }

    @Test
    void runsABuiltInHandlerWithTheSameOutputAsTheHandlerItself() throws Exception {
        LocalHandlers local = LocalHandlers.load(List.of(), HandlerLimits.DEFAULT, DeviceClock.SYSTEM);
        byte[] graph = BuiltInHandlers.input("gps-navigator", 3, 30);

        LocalHandlers.LocalRun run = local.execute("gps-navigator", graph, Map.of(), 1000, 0);

        assertThat(run.output()).isEqualTo(new GpsNavigatorHandler().handle(graph, Map.of(), HandlerContext.unlimited()));
        assertThat(run.ratedNanos()).isEqualTo(run.measuredNanos());
        assertThat(local.names()).contains("chess", "antivirus", "face-recognizer", "gps-navigator", "facebook");
    }

    @Test
    void aDeviceRatedSlowerThanItsHostWaitsForItsRatedTime() {
        SteppingClock clock = new SteppingClock();
        LocalHandlers local = LocalHandlers.load(List.of(), HandlerLimits.DEFAULT, clock);

        LocalHandlers.LocalRun run = local.execute("chess", BuiltInHandlers.input("chess", 1, 1), Map.of("depth", "1"),
                500, 2000);

        assertThat(run.measuredNanos()).isEqualTo(10_000_000L);
        assertThat(run.ratedNanos()).isEqualTo(40_000_000L);
        assertThat(clock.slept).containsExactly(30_000_000L);
    }

    @Test
    void anUnknownHandlerIsItsOwnFailure() {
        LocalHandlers local = LocalHandlers.load(List.of(), HandlerLimits.DEFAULT, DeviceClock.SYSTEM);

        assertThatThrownBy(() -> local.execute("nope", new byte[0], Map.of(), 1000, 0))
                .isInstanceOfSatisfying(HandlerException.class,
                        e -> assertThat(e.reason()).isEqualTo(HandlerException.Cause.UNKNOWN_HANDLER))
                .hasMessageStartingWith("unknown handler 'nope'");
    }

    @Test
    void aTaskBoundToAHandlerRunsOnlyWhereTheSiteAdvertisesIt() {
        Scenario seed = ScenarioYaml.load("seed");
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        int move = -1;
        for (int t = 0; t < chess.size(); t++) {
            if (chess.task(t).name().equals("COMPUTE_MOVE")) {
                move = t;
            }
        }
        int computeMove = move;
        int ed = seed.siteIndex("ED");
        int ec = seed.siteIndex("EC");
        HandlerSupport support = new HandlerSupport(
                (app, task) -> task == computeMove ? Optional.of("chess") : Optional.empty(),
                site -> site == ed ? List.of("antivirus", "chess") : List.of("antivirus"));

        assertThat(support.canRun(ed, chess, computeMove)).isTrue();
        assertThat(support.canRun(ec, chess, computeMove)).isFalse();
        assertThat(support.canRun(ec, chess, computeMove == 0 ? 1 : 0)).isTrue();
    }
}
