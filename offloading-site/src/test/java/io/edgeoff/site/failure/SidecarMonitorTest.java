package io.edgeoff.site.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar failure monitor with scripted probes: what it records, when, and what it leaves to the site. */
class SidecarMonitorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private final Deque<SidecarMonitor.Probe> script = new ArrayDeque<>();

    /** A probe sent {@code at} seconds after T0 that took 10 ms. */
    private void probe(double at, boolean up, String mode) {
        Instant sent = T0.plusMillis(Math.round(at * 1000));
        script.add(new SidecarMonitor.Probe(sent, sent.plusMillis(10), up, mode, up ? "200" : mode));
    }

    private SidecarMonitor monitor() {
        return SidecarMonitor.open(dir, script::remove, new FixedClock(T0));
    }

    private void steps(SidecarMonitor monitor) {
        while (!script.isEmpty()) {
            monitor.step();
        }
    }

    private FailureFile siteFile() {
        return FailureFile.open(dir, FailureFileOptions.DEFAULTS, new FixedClock(T0));
    }

    @Test
    void aCrashIsRecordedFromTheFirstFailedProbeToTheFirstAnswerAfterIt() {
        try (FailureFile site = siteFile()) {
            site.append(FailureEventType.SITE_STARTED, "site=EC");
        }
        probe(0, true, "up");
        probe(1, true, "up");
        probe(2, false, "crash");
        probe(3, false, "crash");
        probe(4, false, "hang");
        probe(5, true, "up");
        probe(6, true, "up");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);

            List<FailureRecord> records = monitor.records();
            assertThat(records).extracting(FailureRecord::type)
                    .containsExactly(FailureEventType.OUTAGE_STARTED, FailureEventType.OUTAGE_ENDED);
            assertThat(records.get(0).time()).isEqualTo(T0.plusSeconds(2));
            assertThat(records.get(1).time()).isEqualTo(T0.plusSeconds(5).plusMillis(10));
            Map<String, String> detail = Details.parse(records.get(0).detail());
            assertThat(detail).containsEntry("source", "sidecar").containsEntry("mode", "crash")
                    .containsEntry("lastSeenEpochMillis", Long.toString(T0.plusSeconds(1).plusMillis(10).toEpochMilli()));
        }
        assertThat(SidecarMonitor.readRecords(dir)).hasSize(2);
    }

    @Test
    void nothingIsRecordedBeforeTheSiteHasAnsweredOnce() {
        probe(0, false, "crash");
        probe(1, false, "crash");
        probe(2, true, "up");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);
            assertThat(monitor.records()).isEmpty();
        }
    }

    @Test
    void anInjectedOutageOrACleanStopIsLeftToTheSite() {
        try (FailureFile site = siteFile()) {
            site.append(FailureEventType.SITE_STARTED, "site=EC");
            site.append(FailureEventType.OUTAGE_STARTED, "mode=hang durationMillis=5000 source=admin");
        }
        probe(0, true, "up");
        probe(1, false, "hang");
        probe(2, true, "up");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);
            assertThat(monitor.records()).isEmpty();
        }
        try (FailureFile site = siteFile()) {
            site.append(FailureEventType.OUTAGE_ENDED, "mode=hang");
            site.append(FailureEventType.SITE_STOPPED, "clean");
        }
        probe(3, true, "up");
        probe(4, false, "crash");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);
            assertThat(monitor.records()).isEmpty();
        }
    }

    /** Appends one record to the site's own file at {@code at} seconds after T0. */
    private void siteRecord(double at, FailureEventType type, String detail) {
        try (FailureFile site = FailureFile.open(dir, FailureFileOptions.DEFAULTS,
                new FixedClock(T0.plusMillis(Math.round(at * 1000))))) {
            site.append(type, detail);
        }
    }

    @Test
    void aProbeSentDuringAnInjectedOutageBelongsToItEvenWhenItFailsAfterTheOutageEnded() {
        siteRecord(0, FailureEventType.SITE_STARTED, "site=EC");
        siteRecord(1.2, FailureEventType.OUTAGE_STARTED, "mode=hang durationMillis=1500 source=replay");
        siteRecord(2.7, FailureEventType.OUTAGE_ENDED, "mode=hang source=replay");
        siteRecord(5.0, FailureEventType.OUTAGE_STARTED, "mode=refuse durationMillis=500 source=replay");
        siteRecord(5.5, FailureEventType.OUTAGE_ENDED, "mode=refuse source=replay");
        probe(1, true, "up");
        // sent during the hang, answered 503 once the hang was over and its end already recorded
        script.add(new SidecarMonitor.Probe(T0.plusMillis(1500), T0.plusMillis(2750), false, "error", "status-503"));
        probe(3, true, "up");
        probe(5.4, false, "crash");   // refused during the refuse outage
        probe(5.7, false, "crash");   // still refused: the listener opens a moment after the end record
        probe(6, true, "up");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);

            assertThat(monitor.records()).isEmpty();
        }
    }

    @Test
    void aFailureAfterAnInjectedOutageEndedIsTheSidecarsToRecord() {
        siteRecord(0, FailureEventType.SITE_STARTED, "site=EC");
        siteRecord(1, FailureEventType.OUTAGE_STARTED, "mode=refuse durationMillis=500 source=replay");
        siteRecord(1.5, FailureEventType.OUTAGE_ENDED, "mode=refuse source=replay");
        probe(2, true, "up");
        probe(3, false, "crash");
        probe(4, true, "up");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);

            assertThat(monitor.records()).extracting(FailureRecord::type)
                    .containsExactly(FailureEventType.OUTAGE_STARTED, FailureEventType.OUTAGE_ENDED);
            assertThat(monitor.records().get(0).time()).isEqualTo(T0.plusSeconds(3));
        }
    }

    @Test
    void anInjectedCrashIsMeasuredByTheSidecarFromTheFirstFailedProbeToTheFirstAnswerAfterTheRestart() {
        try (FailureFile site = siteFile()) {
            site.append(FailureEventType.SITE_STARTED, "site=EC");
            site.append(FailureEventType.OUTAGE_STARTED, "mode=crash durationMillis=2000 source=replay");
        }
        probe(0, true, "up");
        probe(1, false, "crash");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);
            try (FailureFile site = siteFile()) {   // restarted inside the crash outage: it stays down for the rest
                site.append(FailureEventType.UNCLEAN_SHUTDOWN, "downSinceEpochMillis=" + T0.toEpochMilli());
                site.append(FailureEventType.SITE_STARTED, "site=EC");
                site.append(FailureEventType.OUTAGE_STARTED, "mode=refuse durationMillis=500 source=crash-resume");
            }
            probe(2, false, "crash");
            probe(3, true, "up");
            steps(monitor);

            assertThat(monitor.records()).extracting(FailureRecord::type)
                    .containsExactly(FailureEventType.OUTAGE_STARTED, FailureEventType.OUTAGE_ENDED);
            assertThat(monitor.records().get(0).time()).isEqualTo(T0.plusSeconds(1));
            assertThat(Details.parse(monitor.records().get(0).detail())).containsEntry("mode", "crash");
            assertThat(monitor.records().get(1).time()).isEqualTo(T0.plusSeconds(3).plusMillis(10));
        }
    }

    @Test
    void theRestOfAnInjectedCrashAfterTheRestartIsMeasuredByTheSidecarToo() {
        try (FailureFile site = siteFile()) {
            site.append(FailureEventType.SITE_STARTED, "site=EC");
            site.append(FailureEventType.OUTAGE_STARTED, "mode=refuse durationMillis=500 source=replay-crash-resume");
        }
        probe(0, true, "up");
        probe(1, false, "crash");
        probe(2, true, "up");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);

            assertThat(monitor.records()).extracting(FailureRecord::type)
                    .containsExactly(FailureEventType.OUTAGE_STARTED, FailureEventType.OUTAGE_ENDED);
        }
    }

    @Test
    void theHistoryCountsAnInjectedCrashOnceWithTheSidecarsMeasuredTimes() {
        List<FailureRecord> site = List.of(
                new FailureRecord(1, T0, FailureEventType.SITE_STARTED, "site=EC"),
                new FailureRecord(2, T0.plusSeconds(10), FailureEventType.OUTAGE_STARTED,
                        "mode=crash durationMillis=3000 source=replay"),
                new FailureRecord(3, T0.plusSeconds(12), FailureEventType.UNCLEAN_SHUTDOWN,
                        "downSinceEpochMillis=" + T0.plusSeconds(10).toEpochMilli()),
                new FailureRecord(4, T0.plusSeconds(12), FailureEventType.SITE_STARTED, "site=EC"),
                new FailureRecord(5, T0.plusSeconds(12), FailureEventType.OUTAGE_STARTED,
                        "mode=refuse durationMillis=1000 source=crash-resume"),
                new FailureRecord(6, T0.plusSeconds(13), FailureEventType.OUTAGE_ENDED, "mode=refuse source=crash-resume"),
                new FailureRecord(7, T0.plusSeconds(20), FailureEventType.OUTAGE_STARTED, "mode=refuse source=replay"),
                new FailureRecord(8, T0.plusSeconds(25), FailureEventType.OUTAGE_ENDED, "mode=refuse"));
        List<FailureRecord> sidecar = List.of(
                new FailureRecord(1, T0.plusSeconds(10).plusMillis(300), FailureEventType.OUTAGE_STARTED,
                        "source=sidecar mode=crash"),
                new FailureRecord(2, T0.plusSeconds(14), FailureEventType.OUTAGE_ENDED, "source=sidecar"));

        FailureHistory history = FailureHistory.of(site, sidecar, T0.plusSeconds(30));

        assertThat(history.downIntervals()).containsExactly(
                new DownInterval(T0.plusSeconds(10).plusMillis(300), T0.plusSeconds(14)),
                new DownInterval(T0.plusSeconds(20), T0.plusSeconds(25)));
        assertThat(history.failureStarts()).containsExactly(T0.plusSeconds(10).plusMillis(300), T0.plusSeconds(20));
        assertThat(FailureHistory.of(site, List.of(), T0.plusSeconds(30)).downIntervals())
                .as("without a sidecar the site's own crash records stay").hasSize(3);
    }

    @Test
    void aRestartBetweenTwoProbesIsRecordedFromTheLastAnswerBeforeItToTheFirstAfterIt() {
        try (FailureFile site = siteFile()) {
            site.append(FailureEventType.SITE_STARTED, "site=EC");
        }
        probe(0, true, "up");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);
            try (FailureFile site = siteFile()) {
                site.append(FailureEventType.UNCLEAN_SHUTDOWN, "downSinceEpochMillis=" + T0.toEpochMilli());
                site.append(FailureEventType.SITE_STARTED, "site=EC");
            }
            probe(1, true, "up");
            steps(monitor);

            assertThat(monitor.records()).extracting(FailureRecord::type)
                    .containsExactly(FailureEventType.OUTAGE_STARTED, FailureEventType.OUTAGE_ENDED);
            assertThat(monitor.records().get(0).time()).isEqualTo(T0.plusMillis(10));
            assertThat(monitor.records().get(1).time()).isEqualTo(T0.plusSeconds(1).plusMillis(10));
        }
    }

    @Test
    void anOutageOpenWhenTheSidecarStoppedIsEndedByTheNextSidecar() {
        probe(0, true, "up");
        probe(1, false, "crash");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);
            assertThat(monitor.outageOpen()).isTrue();
        }
        probe(9, true, "up");
        try (SidecarMonitor monitor = monitor()) {
            steps(monitor);
            assertThat(monitor.records()).extracting(FailureRecord::type)
                    .containsExactly(FailureEventType.OUTAGE_STARTED, FailureEventType.OUTAGE_ENDED);
            assertThat(monitor.records().get(1).time()).isEqualTo(T0.plusSeconds(9).plusMillis(10));
        }
    }

    @Test
    void aSecondSidecarOnTheSameSiteIsRefusedByName() {
        try (SidecarMonitor first = monitor()) {
            assertThatThrownBy(this::monitor).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another failure monitor").hasMessageContaining(SidecarMonitor.LOCK_FILE);
        }
    }

    @Test
    void theHistoryCountsACrashSeenByBothMonitorsOnceWithTheSidecarsMeasuredTimes() {
        List<FailureRecord> site = List.of(
                new FailureRecord(1, T0, FailureEventType.SITE_STARTED, "site=EC"),
                new FailureRecord(2, T0.plusSeconds(12), FailureEventType.UNCLEAN_SHUTDOWN,
                        "downSinceEpochMillis=" + T0.plusSeconds(9).toEpochMilli()),
                new FailureRecord(3, T0.plusSeconds(12), FailureEventType.SITE_STARTED, "site=EC"),
                new FailureRecord(4, T0.plusSeconds(20), FailureEventType.OUTAGE_STARTED, "mode=error source=admin"),
                new FailureRecord(5, T0.plusSeconds(25), FailureEventType.OUTAGE_ENDED, "mode=error"));
        List<FailureRecord> sidecar = List.of(
                new FailureRecord(1, T0.plusSeconds(10), FailureEventType.OUTAGE_STARTED, "source=sidecar mode=crash"),
                new FailureRecord(2, T0.plusSeconds(13), FailureEventType.OUTAGE_ENDED, "source=sidecar"));

        FailureHistory history = FailureHistory.of(site, sidecar, T0.plusSeconds(30));

        assertThat(history.downIntervals()).containsExactly(
                new DownInterval(T0.plusSeconds(10), T0.plusSeconds(13)),
                new DownInterval(T0.plusSeconds(20), T0.plusSeconds(25)));
        assertThat(history.failureStarts()).containsExactly(T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(FailureHistory.of(site, List.of(), T0.plusSeconds(30)).downIntervals())
                .as("without a sidecar the inferred gap stays").hasSize(2)
                .first().isEqualTo(new DownInterval(T0.plusSeconds(9), T0.plusSeconds(12)));
    }

    @Test
    void hostPressureIsRecordedWhenAReadingCrossesItsThresholdAndEndsWellBelowIt() {
        Deque<List<SidecarMonitor.Pressure>> readings = new ArrayDeque<>(List.of(
                List.of(new SidecarMonitor.Pressure("memory", 4, 10), new SidecarMonitor.Pressure("disk", 50, 95)),
                List.of(new SidecarMonitor.Pressure("memory", 12.5, 10), new SidecarMonitor.Pressure("disk", 50, 95)),
                List.of(new SidecarMonitor.Pressure("memory", 9, 10), new SidecarMonitor.Pressure("disk", 96, 95)),
                List.of(new SidecarMonitor.Pressure("memory", 7.9, 10), new SidecarMonitor.Pressure("disk", 96, 95))));
        for (int i = 0; i < 4; i++) {
            probe(i, true, "up");
        }
        try (SidecarMonitor monitor = SidecarMonitor.open(dir, script::remove, readings::remove, new FixedClock(T0))) {
            steps(monitor);

            List<FailureRecord> records = monitor.records();
            assertThat(records).extracting(r -> r.type() + " " + Details.parse(r.detail()).get("kind")).containsExactly(
                    "HOST_PRESSURE_STARTED memory", "HOST_PRESSURE_STARTED disk", "HOST_PRESSURE_ENDED memory");
            assertThat(records.get(0).time()).isEqualTo(T0.plusSeconds(1).plusMillis(10));
            assertThat(Details.parse(records.get(0).detail())).containsEntry("value", "12.50")
                    .containsEntry("threshold", "10.0");
        }
        // the disk pressure is still open for the next sidecar: it ends it, and does not start it again
        probe(5, true, "up");
        probe(6, true, "up");
        Deque<List<SidecarMonitor.Pressure>> later = new ArrayDeque<>(List.of(
                List.of(new SidecarMonitor.Pressure("disk", 96, 95)), List.of(new SidecarMonitor.Pressure("disk", 70, 95))));
        try (SidecarMonitor monitor = SidecarMonitor.open(dir, script::remove, later::remove, new FixedClock(T0))) {
            steps(monitor);
            assertThat(monitor.records()).extracting(FailureRecord::type).endsWith(
                    FailureEventType.HOST_PRESSURE_ENDED, FailureEventType.HOST_PRESSURE_ENDED).hasSize(4);
            assertThat(monitor.outageOpen()).isFalse();
        }
        assertThat(FailureHistory.of(List.of(), SidecarMonitor.readRecords(dir), T0.plusSeconds(9)).downIntervals())
                .as("pressure is not downtime").isEmpty();
    }

    @Test
    void psiFilesAreReadAsTheAvg10OfTheirLine() throws Exception {
        Path file = dir.resolve("memory");
        java.nio.file.Files.writeString(file, "some avg10=1.50 avg60=0.00 avg300=0.00 total=10\n"
                + "full avg10=0.25 avg60=0.00 avg300=0.00 total=5\n");

        assertThat(SidecarMonitor.psi(file, "some")).contains(1.5);
        assertThat(SidecarMonitor.psi(file, "full")).contains(0.25);
        assertThat(SidecarMonitor.psi(dir.resolve("absent"), "some")).isEmpty();
    }

    private static final class FixedClock extends Clock {
        private final Instant now;

        FixedClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
