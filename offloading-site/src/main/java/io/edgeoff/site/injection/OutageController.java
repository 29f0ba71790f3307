package io.edgeoff.site.injection;

import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureMonitor;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the site into an outage and takes it out again. One outage at a time. The start and the end
 * of each outage are recorded in the failure file (synced) before the outage takes effect.
 * Effects of a mode are applied {@link #EFFECT_DELAY} after the start so that the answer to the
 * request that injected the outage still reaches its client.
 */
public final class OutageController {
    /** Delay between accepting an outage and applying {@code crash} or {@code refuse}. */
    public static final Duration EFFECT_DELAY = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(OutageController.class);

    private final FailureMonitor monitor;
    private final OutageEffects effects;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private volatile ActiveOutage active;

    public OutageController(FailureMonitor monitor, OutageEffects effects, ScheduledExecutorService scheduler,
                            Clock clock) {
        this.monitor = monitor;
        this.effects = effects;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Starts an outage now.
     *
     * @param duration how long it lasts, &gt; 0 (for {@code crash}: how long the supervisor should keep the site down)
     * @throws IllegalStateException when another outage is in progress
     */
    public synchronized ActiveOutage inject(OutageMode mode, Duration duration, String source) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("outage duration must be > 0, but was " + duration.toMillis() + " ms");
        }
        if (active != null) {
            throw new IllegalStateException("an outage is already in progress: " + active.mode().label() + " until "
                    + active.end());
        }
        var start = clock.instant();
        ActiveOutage outage = new ActiveOutage(mode, start, start.plus(duration), source, new CompletableFuture<>());
        monitor.record(FailureEventType.OUTAGE_STARTED, Details.of("mode", mode.label(), "durationMillis",
                duration.toMillis(), "source", source));
        active = outage;
        LOG.info("outage started: {} for {} ms ({})", mode.label(), duration.toMillis(), source);
        switch (mode) {
            case CRASH -> scheduler.schedule(() -> effects.crash(OutageMode.CRASH_EXIT_CODE), EFFECT_DELAY.toMillis(),
                    TimeUnit.MILLISECONDS);
            case REFUSE -> scheduler.schedule(this::stopListeningIfStillRefusing, EFFECT_DELAY.toMillis(),
                    TimeUnit.MILLISECONDS);
            default -> {
            }
        }
        scheduler.schedule(() -> end(outage), duration.toMillis(), TimeUnit.MILLISECONDS);
        return outage;
    }

    private synchronized void stopListeningIfStillRefusing() {
        if (active != null && active.mode() == OutageMode.REFUSE) {
            effects.stopListening();
        }
    }

    private synchronized void end(ActiveOutage outage) {
        if (active != outage) {
            return;
        }
        active = null;
        try {
            monitor.record(FailureEventType.OUTAGE_ENDED, Details.of("mode", outage.mode().label(), "source",
                    outage.source()));
        } catch (RuntimeException e) {
            LOG.error("could not record the end of an outage: {}", e.getMessage());
        }
        if (outage.mode() == OutageMode.REFUSE) {
            effects.startListening();
        }
        outage.ended().complete(null);
        LOG.info("outage ended: {} ({})", outage.mode().label(), outage.source());
    }

    /** @return the outage in progress, if any */
    public Optional<ActiveOutage> active() {
        return Optional.ofNullable(active);
    }

    /** @return true while an outage of {@code mode} is in progress */
    public boolean isIn(OutageMode mode) {
        ActiveOutage a = active;
        return a != null && a.mode() == mode;
    }
}
