package io.edgeoff.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HandlerRunnerTest {
    private static final HandlerLimits LIMITS = new HandlerLimits(Duration.ofSeconds(30), 256L << 20, 64);

    private static HandlerException.Cause causeOf(TaskHandler handler, HandlerLimits limits) {
        try {
            HandlerRunner.run(handler, new byte[] {1, 2, 3}, Map.of(), limits);
        } catch (HandlerException e) {
            assertThat(e.getMessage()).contains("'" + handler.name() + "'").doesNotContain("\tat ");
            return e.reason();
        }
        throw new AssertionError("the call did not fail");
    }

    @Test
    void returnsTheOutputOfAHandlerWithinItsBudget() {
        HandlerOutcome outcome = HandlerRunner.run(new TestHandlers.Echo(), new byte[] {7}, Map.of("suffix", "x"), LIMITS);

        assertThat(outcome.output()).containsExactly(7, 'x');
        assertThat(outcome.elapsedNanos()).isPositive();
    }

    @Test
    void aThrowingHandlerIsAFailedCallNamingTheExceptionWithoutItsStackTrace() {
        TaskHandler broken = TestHandlers.named("broken", (in, p, c) -> {
            throw new IllegalStateException("disk\nfull");
        });

        assertThatThrownBy(() -> HandlerRunner.run(broken, new byte[0], Map.of(), LIMITS))
                .isInstanceOf(HandlerException.class)
                .hasMessage("handler 'broken' failed: IllegalStateException: disk full");
        assertThat(causeOf(broken, LIMITS)).isEqualTo(HandlerException.Cause.FAILED);
    }

    @Test
    void aRefusedInputIsItsOwnCause() {
        TaskHandler picky = TestHandlers.named("picky", (in, p, c) -> {
            throw new IllegalArgumentException("depth must be in [1, 8], but was 99");
        });

        assertThat(causeOf(picky, LIMITS)).isEqualTo(HandlerException.Cause.INVALID_INPUT);
    }

    @Test
    void aCallPastItsTimeBudgetIsStoppedAtACheckpoint() {
        AtomicBoolean ended = new AtomicBoolean();
        TaskHandler looping = TestHandlers.named("looping", (in, p, c) -> {
            try {
                while (true) {
                    c.checkpoint();
                }
            } finally {
                ended.set(true);
            }
        });

        assertThat(causeOf(looping, new HandlerLimits(Duration.ofMillis(50), 256L << 20, 64)))
                .isEqualTo(HandlerException.Cause.TIME_BUDGET_EXCEEDED);
        org.awaitility.Awaitility.await().untilTrue(ended);
    }

    @Test
    void aCallThatIgnoresItsBudgetIsAnsweredAllTheSame() {
        AtomicBoolean release = new AtomicBoolean();
        TaskHandler stubborn = TestHandlers.named("stubborn", (in, p, c) -> {
            while (!release.get()) {
                Thread.interrupted(); // ignores every request to stop
                Thread.onSpinWait();
            }
            return in;
        });
        int runawayBefore = HandlerRunner.runawayCalls();

        try {
            assertThat(causeOf(stubborn, new HandlerLimits(Duration.ofMillis(50), 256L << 20, 64)))
                    .isEqualTo(HandlerException.Cause.TIME_BUDGET_EXCEEDED);
            assertThat(HandlerRunner.runawayCalls()).isGreaterThan(runawayBefore);
        } finally {
            release.set(true);
        }
    }

    @Test
    void aCallThatAllocatesPastItsMemoryBudgetIsStopped() {
        TaskHandler hungry = TestHandlers.named("hungry", (in, p, c) -> {
            List<byte[]> kept = new ArrayList<>();
            while (true) {
                kept.add(new byte[1 << 20]);
                c.checkpoint();
            }
        });

        assertThat(causeOf(hungry, new HandlerLimits(Duration.ofSeconds(30), 32L << 20, 64)))
                .isEqualTo(HandlerException.Cause.MEMORY_BUDGET_EXCEEDED);
    }

    @Test
    void anOutOfMemoryErrorIsAMemoryFailureAndTheProcessGoesOn() {
        TaskHandler huge = TestHandlers.named("huge", (in, p, c) -> new byte[Integer.MAX_VALUE - 2]);

        assertThat(causeOf(huge, LIMITS)).isEqualTo(HandlerException.Cause.MEMORY_BUDGET_EXCEEDED);
        assertThat(HandlerRunner.run(new TestHandlers.Echo(), new byte[] {1}, Map.of(), LIMITS).output()).hasSize(1);
    }

    @Test
    void tooMuchOutputOrNoOutputIsRefused() {
        TaskHandler verbose = TestHandlers.named("verbose", (in, p, c) -> new byte[65]);
        TaskHandler silent = TestHandlers.named("silent", (in, p, c) -> null);

        assertThat(causeOf(verbose, LIMITS)).isEqualTo(HandlerException.Cause.OUTPUT_TOO_LARGE);
        assertThat(causeOf(silent, LIMITS)).isEqualTo(HandlerException.Cause.FAILED);
        assertThat(HandlerRunner.run(TestHandlers.named("exact", (in, p, c) -> new byte[64]), new byte[0], Map.of(),
                LIMITS).output()).hasSize(64);
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new HandlerLimits(Duration.ZERO, 1, 1)).hasMessageContaining("timeBudget must be > 0");
        assertThatThrownBy(() -> new HandlerLimits(Duration.ofSeconds(1), 0, 1))
                .hasMessageContaining("memoryBudgetBytes must be > 0, but was 0");
    }
}
