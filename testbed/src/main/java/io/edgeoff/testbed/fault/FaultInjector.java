package io.edgeoff.testbed.fault;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Executes a fault schedule against a {@link FaultTarget} on its own thread, keeping a log of what
 * was done and when. Time comes from an injected clock and sleeper, so tests run it instantly.
 */
public final class FaultInjector implements AutoCloseable {
    private final List<FaultAction> actions;
    private final FaultTarget target;
    private final Clock clock;
    private final LongConsumer sleeper;
    private final List<String> log = new ArrayList<>();
    private final Thread thread;
    private final List<FaultAction> active = new ArrayList<>();
    private volatile boolean stopped;
    private long origin;

    /**
     * @param sleeper sleeps the given milliseconds (e.g. {@code Thread::sleep} wrapped); may be interrupted by {@link #close()}
     */
    public FaultInjector(List<FaultAction> actions, FaultTarget target, Clock clock, LongConsumer sleeper) {
        this.actions = List.copyOf(actions);
        this.target = target;
        this.clock = clock;
        this.sleeper = sleeper;
        this.thread = new Thread(this::runSchedule, "fault-injector");
        this.thread.setDaemon(true);
    }

    /** A sleeper that sleeps for real. */
    public static LongConsumer realSleeper() {
        return millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    public FaultInjector start() {
        thread.start();
        return this;
    }

    /** Runs the schedule on the calling thread (tests). */
    public void runNow() {
        runSchedule();
    }

    private void runSchedule() {
        origin = clock.millis();
        for (FaultAction action : actions) {
            long wait;
            while (!stopped && (wait = action.atMillis() - (clock.millis() - origin)) > 0) {
                sleeper.accept(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (stopped) {
                return;
            }
            execute(action, "");
        }
    }

    private void execute(FaultAction action, String note) {
        String outcome;
        try {
            apply(action);
            outcome = "ok" + note;
        } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage() + note;
        }
        synchronized (log) {
            if (action.begin()) {
                active.add(action);
            } else {
                active.removeIf(a -> a.siteId().equals(action.siteId()) && a.event().equals(action.event()));
            }
            log.add(String.format(Locale.ROOT, "%8.3f s  %s (%s)", (clock.millis() - origin) / 1000.0,
                    action.describe(), outcome));
        }
    }

    private void apply(FaultAction action) {
        String site = action.siteId();
        FaultEvent e = action.event();
        switch (e.kind()) {
            case CRASH -> {
                if (action.begin()) {
                    target.crash(site);
                } else {
                    target.recover(site);
                }
            }
            case LINK_DOWN -> {
                if (action.begin()) {
                    target.linkDown(site);
                } else {
                    target.linkUp(site);
                }
            }
            case DEGRADE -> {
                if (action.begin()) {
                    target.degrade(site, e.extraDelayMillis(), e.lossProbability());
                } else {
                    target.restore(site);
                }
            }
        }
    }

    /** @return one line per executed action: wall time, action, outcome */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /**
     * Stops injecting: pending actions are dropped, and every fault that has begun but not yet ended
     * is ended now (logged with "at close"), so the sites and links are whole again before teardown.
     */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<FaultAction> open;
        synchronized (log) {
            open = List.copyOf(active);
        }
        for (FaultAction begun : open) {
            execute(new FaultAction(begun.atMillis(), begun.siteId(), false, begun.event()), ", at close");
        }
    }
}
