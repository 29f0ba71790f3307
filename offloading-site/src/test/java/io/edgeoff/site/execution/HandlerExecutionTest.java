package io.edgeoff.site.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.HandlerLimits;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.task.TaskHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HandlerExecutionTest {
    /** A manual clock: the handler advances it by 10 ms, as if it had run that long on the host. */
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<Long> waitedUntil = new ArrayList<>();
    private final TaskHandler tenMillis = new TaskHandler() {
        @Override
        public String name() {
            return "ten-ms";
        }

        @Override
        public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
            clock.addAndGet(10_000_000L);
            return new byte[] {42};
        }
    };

    private HandlerExecution execution(double siteMips, double hostMips) {
        return new HandlerExecution(HandlerRegistry.of(tenMillis), HandlerLimits.DEFAULT,
                new SpeedEmulation(siteMips, hostMips), deadline -> {
                    waitedUntil.add(deadline);
                    clock.set(Math.max(clock.get(), deadline));
                }, clock::get);
    }

    private static TaskOrder order() {
        return new TaskOrder("k", "T", "CI", 0, 0, new byte[0], "ten-ms", Map.of());
    }

    @Test
    void aSiteRatedSlowerThanItsHostWaitsUntilTheRatedTimeHasPassed() {
        long start = clock.get();

        TaskResult result = execution(500, 2000).run(order(), start, start);

        assertThat(waitedUntil).containsExactly(start + 40_000_000L);
        assertThat(result.executionNanos()).isEqualTo(40_000_000L);
        assertThat(result.output()).containsExactly(42);
    }

    @Test
    void aSiteRatedFasterThanItsHostReportsTheScaledTimeWithoutWaiting() {
        long start = clock.get();

        TaskResult result = execution(8000, 2000).run(order(), start, start);

        assertThat(waitedUntil).isEmpty();
        assertThat(result.executionNanos()).isEqualTo(2_500_000L);
    }

    @Test
    void theModeFollowsTheRatio() {
        assertThat(new SpeedEmulation(500, 2000).mode()).isEqualTo(SpeedEmulation.Mode.STRETCH);
        assertThat(new SpeedEmulation(8000, 2000).mode()).isEqualTo(SpeedEmulation.Mode.REPORT);
        assertThat(new SpeedEmulation(2000, 2000).mode()).isEqualTo(SpeedEmulation.Mode.NONE);
        assertThat(SpeedEmulation.hostMipsOf(4)).isEqualTo(2500);
        assertThatThrownBy(() -> new SpeedEmulation(0, 1)).hasMessageContaining("siteMips must be > 0, but was 0.0");
    }
}
