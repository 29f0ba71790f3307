package io.edgeoff.simulator.engine;

import java.util.Optional;

/**
 * Runs events in virtual time. Handlers schedule follow-up events with {@link #schedule(double, EventHandler)}
 * (relative) or {@link #scheduleAt(double, EventHandler)} (absolute). Single-threaded; one instance per run.
 */
public final class Simulation {
    private final VirtualClock clock = new VirtualClock();
    private final EventQueue queue = new EventQueue();
    private long processedEvents;
    private boolean stopped;

    public VirtualClock clock() {
        return clock;
    }

    /** @return the current virtual time, s */
    public double nowSeconds() {
        return clock.nowSeconds();
    }

    /** Schedules {@code handler} {@code delaySeconds} (&gt;= 0) from now. */
    public Event schedule(double delaySeconds, EventHandler handler) {
        if (!(delaySeconds >= 0)) {
            throw new IllegalArgumentException("delay must be >= 0, but was " + delaySeconds);
        }
        return queue.add(clock.nowSeconds() + delaySeconds, handler);
    }

    /** Schedules {@code handler} at absolute virtual time {@code timeSeconds} (not before now). */
    public Event scheduleAt(double timeSeconds, EventHandler handler) {
        if (timeSeconds < clock.nowSeconds()) {
            throw new IllegalArgumentException("cannot schedule at " + timeSeconds + " s, before now ("
                    + clock.nowSeconds() + " s)");
        }
        return queue.add(timeSeconds, handler);
    }

    public boolean cancel(Event event) {
        return queue.cancel(event);
    }

    /** Stops {@link #run()} after the current event. */
    public void stop() {
        stopped = true;
    }

    /** Runs events until none is left or {@link #stop()} is called. */
    public void run() {
        stopped = false;
        while (!stopped) {
            Optional<Event> next = queue.poll();
            if (next.isEmpty()) {
                return;
            }
            Event event = next.get();
            clock.advanceTo(event.timeSeconds());
            processedEvents++;
            event.handler().handle(this);
        }
    }

    /** @return number of events handled so far */
    public long processedEvents() {
        return processedEvents;
    }

    public int pendingEvents() {
        return queue.size();
    }
}
