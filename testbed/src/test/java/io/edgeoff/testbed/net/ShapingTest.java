package io.edgeoff.testbed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShapingTest {

    @Test
    void raisesTheRateByTheFrameOverheadSoTheGoodputIsTheAskedBandwidth() {
        Shaping shaping = Shaping.forPayloadKBps(687.5);

        double payloadBytesPerSecond = shaping.rateBitsPerSecond() / 8.0 * Shaping.PAYLOAD_BYTES / Shaping.FRAME_BYTES;
        assertThat(payloadBytesPerSecond / 1024).isCloseTo(687.5, within(0.01));
        assertThat(shaping.tbfArguments()).startsWith("tbf", "rate").contains(shaping.rateBitsPerSecond() + "bit");
    }

    @Test
    void keepsABucketOfAtLeastOneFrameAndAQueueOfHalfASecond() {
        Shaping slow = Shaping.forPayloadKBps(1);
        Shaping fast = Shaping.forPayloadKBps(123000);

        assertThat(slow.burstBytes()).isGreaterThanOrEqualTo(Shaping.FRAME_BYTES);
        assertThat(slow.limitBytes()).isEqualTo(65536);
        assertThat(fast.limitBytes()).isGreaterThan(123000L * 1024 / 2);
    }

    @Test
    void rejectsANonPositiveBandwidth() {
        assertThatThrownBy(() -> Shaping.forPayloadKBps(0)).hasMessageContaining("bandwidthKBps must be > 0, but was 0");
    }
}
