package io.edgeoff.site.injection;

import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureMonitor;
import io.edgeoff.site.failure.FailureRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays an {@link OutageTrace} against the running site with a time-compression factor:
 * trace time {@code t} happens at wall time {@code origin + t / compression}, so with a factor of
 * 43 200 one trace day lasts 2 s. The origin is recorded in the failure file
 * ({@code REPLAY_STARTED}); a site restarted after a {@code crash} outage with the same trace and
 * factor resumes the replay from that origin instead of starting over, and if it comes back while
 * the crash outage is still in progress it stays down (not listening) until the outage's end.
 */
public final class TraceReplayer {
    private static final Logger LOG = LoggerFactory.getLogger(TraceReplayer.class);

    private final OutageTrace trace;
    private final double compression;
    private final OutageMode defaultMode;
    private final OutageController controller;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    /**
     * @param compression  trace seconds per wall second, &gt; 0
     * @param defaultMode  mode of outages whose trace line names none
     */
    public TraceReplayer(OutageTrace trace, double compression, OutageMode defaultMode, OutageController controller,
                         ScheduledExecutorService scheduler, Clock clock) {
        if (!(compression > 0) || !Double.isFinite(compression)) {
            throw new IllegalArgumentException("time compression must be > 0, but was " + compression);
        }
        this.trace = trace;
        this.compression = compression;
        this.defaultMode = defaultMode;
        this.controller = controller;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Starts (or resumes) the replay: finds or records the origin, brings the site into an outage
     * in progress, and schedules the future ones.
     *
     * @return the origin of trace time in wall time
     */
    public Instant start(FailureMonitor monitor) {
        Instant now = clock.instant();
        Optional<Instant> resumed = previousOrigin(monitor.records());
        Instant origin = resumed.orElse(now);
        if (resumed.isEmpty()) {
            monitor.record(FailureEventType.REPLAY_STARTED, Details.of("trace", trace.name(), "fingerprint",
                    trace.fingerprint(), "compression", compression, "originEpochMillis", origin.toEpochMilli(),
                    "outages", trace.outages().size()));
        } else {
            LOG.info("resuming failure-trace replay {} from origin {}", trace.name(), origin);
        }
        for (TraceOutage o : trace.outages()) {
            Instant start = origin.plus(wall(o.startOffsetSeconds()));
            Instant end = origin.plus(wall(o.endOffsetSeconds()));
            if (!end.isAfter(now)) {
                continue;
            }
            OutageMode mode = o.mode().orElse(defaultMode);
            if (!start.isAfter(now)) {
                // An outage in progress: a crashed site that came back too early stays down.
                inject(mode == OutageMode.CRASH ? OutageMode.REFUSE : mode, Duration.between(now, end),
                        mode == OutageMode.CRASH ? "replay-crash-resume" : "replay");
            } else {
                long delayMillis = Duration.between(now, start).toMillis();
                Duration length = Duration.between(start, end);
                scheduler.schedule(() -> inject(mode, length, "replay"), delayMillis, TimeUnit.MILLISECONDS);
            }
        }
        return origin;
    }

    private void inject(OutageMode mode, Duration length, String source) {
        if (length.toMillis() < 1) {
            return;
        }
        try {
            controller.inject(mode, length, source);
        } catch (IllegalStateException e) {
            LOG.warn("trace outage skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("trace outage failed: {}", e.toString());
        }
    }

    private Optional<Instant> previousOrigin(List<FailureRecord> records) {
        for (int i = records.size() - 1; i >= 0; i--) {
            FailureRecord r = records.get(i);
            if (r.type() == FailureEventType.REPLAY_STARTED) {
                Map<String, String> d = Details.parse(r.detail());
                if (trace.fingerprint().equals(d.get("fingerprint"))
                        && Double.toString(compression).equals(d.get("compression"))) {
                    try {
                        return Optional.of(Instant.ofEpochMilli(Long.parseLong(d.get("originEpochMillis"))));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            }
            if (r.type() == FailureEventType.SITE_STOPPED) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Duration wall(double traceSeconds) {
        return Duration.ofNanos(Math.round(traceSeconds / compression * 1e9));
    }
}
