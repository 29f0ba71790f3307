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
 * The effect of {@code crash} and {@code refuse} is applied {@link #EFFECT_DELAY} after the answer
 * to the request that injected the outage has been sent (at most {@link #MAX_ANSWER_WAIT} later),
 * so that its client still receives it.
 */
public final class OutageController {
    /** Delay between the answer to the injecting request and applying {@code crash} or {@code refuse}. */
    public static final Duration EFFECT_DELAY = Duration.ofMillis(50);
    /** Longest wait for that answer before the effect is applied anyway. */
    public static final Duration MAX_ANSWER_WAIT = Duration.ofSeconds(2);

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
        return inject(mode, duration, source, CompletableFuture.completedFuture(null));
    }

    /**
     * Starts an outage now; {@code crash} and {@code refuse} take effect once {@code answered}
     * completes (the injecting request has been answered).
     *
     * @throws IllegalStateException when another outage is in progress
     */
    public synchronized ActiveOutage inject(OutageMode mode, Duration duration, String source,
                                            CompletableFuture<?> answered) {
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
        Runnable effect = switch (mode) {
            case CRASH -> () -> effects.crash(OutageMode.CRASH_EXIT_CODE);
            case REFUSE -> this::stopListeningIfStillRefusing;
            default -> null;
        };
        if (effect != null) {
            answered.completeOnTimeout(null, MAX_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ok, error) -> scheduler.schedule(effect, EFFECT_DELAY.toMillis(),
                            TimeUnit.MILLISECONDS));
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
