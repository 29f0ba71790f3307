package io.edgeoff.site.injection;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureFileOptions;
import io.edgeoff.site.failure.FailureMonitor;
import io.edgeoff.site.failure.FailureRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReplayerTest {
    @TempDir
    Path dir;

    private static final class RecordingEffects implements OutageEffects {
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void stopListening() {
            calls.add("stop");
        }

        @Override
        public synchronized void startListening() {
            calls.add("start");
        }

        @Override
        public synchronized void crash(int exitCode) {
            calls.add("crash " + exitCode);
        }
    }

    @Test
    void aSiteRestartedInsideAReplayedCrashOutageResumesTheReplayAndStaysDownUntilItsEnd() {
        // Trace: crash from 100 s to 1000 s of trace time, compression 1.
        OutageTrace trace = OutageTrace.parseCsv(List.of("100,900,crash"), "t");
        Instant origin = Instant.parse("2026-01-01T00:00:00Z");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // The first run is never closed: it "crashes" (no SITE_STOPPED record).
            Clock clock = Clock.fixed(origin, ZoneOffset.UTC);
            FailureMonitor first = FailureMonitor.start(dir, FailureFileOptions.DEFAULTS, clock, "EC");
            new TraceReplayer(trace, 1, OutageMode.REFUSE, new OutageController(first, new RecordingEffects(),
                    scheduler, clock), scheduler, clock).start(first);
            // restarted 200 s later, inside the crash outage
            Clock later = Clock.fixed(origin.plusSeconds(200), ZoneOffset.UTC);
            RecordingEffects effects = new RecordingEffects();
            try (FailureMonitor second = FailureMonitor.start(dir, FailureFileOptions.DEFAULTS, later, "EC")) {
                OutageController controller = new OutageController(second, effects, scheduler, later);

                Instant resumedOrigin = new TraceReplayer(trace, 1, OutageMode.REFUSE, controller, scheduler, later)
                        .start(second);

                assertThat(resumedOrigin).isEqualTo(origin);
                assertThat(controller.active()).hasValueSatisfying(o -> {
                    assertThat(o.mode()).isEqualTo(OutageMode.REFUSE);
                    assertThat(o.source()).isEqualTo("replay-crash-resume");
                    assertThat(o.end()).isEqualTo(origin.plusSeconds(1000));
                });
                assertThat(second.records()).extracting(FailureRecord::type)
                        .filteredOn(t -> t == FailureEventType.REPLAY_STARTED).hasSize(1);
                assertThat(second.uncleanShutdown()).isPresent();
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
