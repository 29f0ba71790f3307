package io.edgeoff.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.simulator.run.SuspicionModel;
import io.edgeoff.decision.SiteOutlook;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One {@link DetectorConfig} configures both the live heartbeat detector and the simulator's model of it: with the
 * same record, the live detector suspects a silent site once {@code maxSilence} has passed, and the model suspects a
 * down site {@code detectionBound()} after it went down (that silence, plus the worst-case check period and
 * heartbeat interval before it).
 */
class OneDetectorRecordTest {

    @ParameterizedTest
    @ValueSource(ints = {300, 800})
    void theSameRecordSetsTheLiveDetectorsSilenceAndTheSimulatorsDetectionDelay(int maxSilenceMillis) {
        DetectorConfig config = DetectorConfig.ofDefaults().withHeartbeat(Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMillis(maxSilenceMillis));
        long silenceNanos = config.maxSilence().toNanos();
        AtomicLong now = new AtomicLong();
        DeviceClock manual = new DeviceClock() {
            @Override
            public long nanoTime() {
                return now.get();
            }

            @Override
            public void sleepNanos(long nanos) {
                now.addAndGet(nanos);
            }
        };
        SiteEndpoint site = new SiteEndpoint("EC", URI.create("http://127.0.0.1:9/"), "t");
        boolean liveAtSilence;
        boolean liveAfterSilence;
        try (HttpSiteClient client = new HttpSiteClient();
             FailureDetector live = new FailureDetector(List.of(site), client, config, manual)) {
            now.set(silenceNanos);
            live.checkSilence();
            liveAtSilence = live.isSuspected("EC");
            now.set(silenceNanos + 1);
            live.checkSilence();
            liveAfterSilence = live.isSuspected("EC");
            assertThat(live.config()).isSameAs(config);
        }

        double delay = config.detectionBound().toNanos() / 1e9;
        SuspicionModel model = SuspicionModel.detector(config, new DownFromZero(), 2);

        assertThat(liveAtSilence).isFalse();
        assertThat(liveAfterSilence).isTrue();
        assertThat(model.suspected(1, Math.nextDown(delay))).isFalse();
        assertThat(model.suspected(1, delay)).isTrue();
        assertThat(delay).isEqualTo((silenceNanos + config.checkPeriod().toNanos()
                + config.heartbeatInterval().toNanos()) / 1e9);
    }

    /** Site 1 down from virtual time 0 on. */
    private static final class DownFromZero extends StateFailureProcess {
        DownFromZero() {
            super(new SiteOutlook[] {SiteOutlook.certain(), SiteOutlook.certain()});
            up[1] = false;
        }
    }
}
