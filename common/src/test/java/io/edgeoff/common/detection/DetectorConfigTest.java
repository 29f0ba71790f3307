package io.edgeoff.common.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DetectorConfigTest {

    @Test
    void deadlineIsAFactorOfTheExpectedTimePlusSlack() {
        DetectorConfig config = DetectorConfig.ofDefaults().withDeadline(3, Duration.ofMillis(200));

        assertThat(config.deadlineFor(0.1)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.deadlineFor(Double.NaN)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void defaultDetectionBoundIsMaxSilencePlusOneIntervalAndOneCheck() {
        assertThat(DetectorConfig.ofDefaults().detectionBound()).isEqualTo(Duration.ofMillis(610));
    }

    @Test
    void rejectsAMaxSilenceShorterThanTheHeartbeatIntervalNamingBoth() {
        assertThatThrownBy(() -> DetectorConfig.ofDefaults()
                .withHeartbeat(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(150)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSilence must be longer than heartbeatInterval 200 ms, but was 150 ms");
    }
}
