package io.edgeoff.device.detector;

import io.edgeoff.common.detection.DetectorConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeoff.common.testing.Measurements;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.FakeSite;
import io.edgeoff.device.ManualClock;
import io.edgeoff.device.SilentClient;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureDetectorTest {
    private static final SiteEndpoint EC = new SiteEndpoint("EC", URI.create("http://127.0.0.1:1"), "t");
    private static final SiteEndpoint ED = new SiteEndpoint("ED", URI.create("http://127.0.0.1:2"), "t");

    @Test
    void suspectsACrashedSiteWithinTheDetectionBound() throws Exception {
        DetectorConfig config = DetectorConfig.ofDefaults();
        try (FakeSite site = new FakeSite("EC", 8000, 1.0);
             HttpSiteClient client = new HttpSiteClient();
             FailureDetector detector = new FailureDetector(List.of(site.endpoint()), client, config,
                     DeviceClock.SYSTEM)) {
            detector.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> detector.stats().episodes().isEmpty()
                    && detector.phi("EC") < 1 && !detector.isSuspected("EC"));
            AtomicLong suspectedAt = new AtomicLong();
            detector.addListener((id, cause) -> suspectedAt.compareAndSet(0, System.nanoTime()));

            long crashedAt = System.nanoTime();
            site.crash();

            await().atMost(Duration.ofSeconds(60)).until(() -> detector.isSuspected("EC"));
            double latencyMillis = (suspectedAt.get() - crashedAt) / 1e6;
            // wall-clock latency depends on the load; the bound itself is checked on a manual clock below
            Measurements.record("detector-crashed-fake-site", Map.of("detectionBoundMillis",
                    config.detectionBound().toMillis(), "detectionLatencyMillis", latencyMillis));
            assertThat(latencyMillis).isPositive();
            assertThat(detector.stats().failuresPerSite()).containsEntry("EC", 1);
        }
    }

    @Test
    void suspectsAHungSiteBySilence() throws Exception {
        try (FakeSite site = new FakeSite("EC", 8000, 1.0);
             HttpSiteClient client = new HttpSiteClient();
             FailureDetector detector = new FailureDetector(List.of(site.endpoint()), client,
                     DetectorConfig.ofDefaults(), DeviceClock.SYSTEM)) {
            detector.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> detector.phi("EC") < 1);

            site.mode(FakeSite.Mode.HANG);
            await().atMost(Duration.ofSeconds(60)).until(() -> detector.isSuspected("EC"));
            SuspicionEpisode open = detector.stats().episodes().get(0);

            assertThat(open.cause()).isEqualTo(FailureDetector.SILENCE);
            assertThat(open.ended()).isFalse();
        }
    }

    @Test
    void aShortSilenceThatEndsQuicklyCountsAsAFalseSuspicion() {
        ManualClock clock = new ManualClock();
        FailureDetector detector = new FailureDetector(List.of(EC), new SilentClient(), DetectorConfig.ofDefaults(),
                clock);
        detector.alive("EC");

        clock.advanceMillis(550); // past the default maximum silence of 500 ms
        detector.checkSilence();
        clock.advanceMillis(100);
        detector.alive("EC");

        DetectionStats stats = detector.stats();
        assertThat(stats.episodes()).singleElement().satisfies(e -> {
            assertThat(e.cause()).isEqualTo("SILENCE");
            assertThat(e.detectionLatencyMillis()).isEqualTo(550.0);
            assertThat(e.suspectedMillis()).isEqualTo(100.0);
            assertThat(e.falseSuspicion()).isTrue();
        });
        assertThat(stats.falseSuspicions()).isEqualTo(1);
    }

    @Test
    void oneSilentSiteAmongSitesThatAnswerIsSuspected() {
        ManualClock clock = new ManualClock();
        FailureDetector detector = new FailureDetector(List.of(EC, ED), new SilentClient(), DetectorConfig.ofDefaults(),
                clock);
        detector.alive("EC");
        detector.alive("ED");

        for (int i = 0; i < 6; i++) {
            clock.advanceMillis(100);
            detector.alive("ED");
            detector.checkSilence();
        }

        assertThat(detector.isSuspected("EC")).isTrue();
        assertThat(detector.isSuspected("ED")).isFalse();
    }

    @Test
    void whenEverySiteFallsSilentAtOnceTheDeviceIsBlamedUntilThreeTimesTheMaximumSilence() {
        ManualClock clock = new ManualClock();
        FailureDetector detector = new FailureDetector(List.of(EC, ED), new SilentClient(), DetectorConfig.ofDefaults(),
                clock);
        detector.alive("EC");
        detector.alive("ED");

        clock.advanceMillis(1400);
        detector.checkSilence();
        boolean suspectedBefore = detector.isSuspected("EC") || detector.isSuspected("ED");
        clock.advanceMillis(150); // 3 x 500 ms exceeded
        detector.checkSilence();

        assertThat(suspectedBefore).isFalse();
        assertThat(detector.isSuspected("EC")).isTrue();
        assertThat(detector.isSuspected("ED")).isTrue();
    }

    @Test
    void hardEvidenceFromATaskIsNeverAFalseSuspicion() {
        ManualClock clock = new ManualClock();
        FailureDetector detector = new FailureDetector(List.of(EC), new SilentClient(), DetectorConfig.ofDefaults(),
                clock);
        detector.alive("EC");

        clock.advanceMillis(30);
        detector.taskFailed("EC", FailureKind.REFUSED);
        clock.advanceMillis(100);
        detector.alive("EC");

        DetectionStats stats = detector.stats();
        assertThat(stats.episodes()).singleElement().satisfies(e -> {
            assertThat(e.cause()).isEqualTo("REFUSED");
            assertThat(e.falseSuspicion()).isFalse();
        });
        assertThat(stats.failuresPerSite()).containsEntry("EC", 1);
    }

    @Test
    void aTimedOutTaskCountsAsAFailureWithoutRaisingSuspicion() {
        FailureDetector detector = new FailureDetector(List.of(EC), new SilentClient(), DetectorConfig.ofDefaults(),
                new ManualClock());
        detector.alive("EC");

        detector.taskFailed("EC", FailureKind.TIMEOUT);

        assertThat(detector.isSuspected("EC")).isFalse();
        assertThat(detector.stats().failuresPerSite()).containsEntry("EC", 1);
    }
}
