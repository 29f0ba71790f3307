package io.edgeoff.decision.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CallGateTest {
    private final AtomicLong nanos = new AtomicLong();
    private final CallGate gate = new CallGate(nanos::get, Duration.ofSeconds(1));

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            assertThat(gate.tryAcquire()).isTrue();
            gate.failed();
        }
    }

    @Test
    void opensAfterThresholdFailuresInARowAndAnAnswerResetsTheCount() {
        failTimes(CallGate.THRESHOLD - 1);
        gate.answered();
        failTimes(CallGate.THRESHOLD - 1);

        assertThat(gate.state()).isEqualTo(CallGate.State.CLOSED);

        failTimes(1);

        assertThat(gate.state()).isEqualTo(CallGate.State.OPEN);
        assertThat(gate.tryAcquire()).isFalse();
    }

    @Test
    void afterTheCoolDownOneTrialCallIsLetThroughAndItsOutcomeDecides() {
        failTimes(CallGate.THRESHOLD);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(gate.tryAcquire()).as("still cooling down").isFalse();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());

        assertThat(gate.tryAcquire()).as("the trial").isTrue();
        assertThat(gate.tryAcquire()).as("while the trial is in flight").isFalse();
        gate.failed();
        assertThat(gate.state()).isEqualTo(CallGate.State.OPEN);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(gate.tryAcquire()).isTrue();
        gate.answered();

        assertThat(gate.state()).isEqualTo(CallGate.State.CLOSED);
        assertThat(gate.tryAcquire()).isTrue();
    }
}
