package io.edgeoff.simulator.engine;

import java.util.Objects;

/**
 * A scheduled event.
 *
 * @param timeSeconds virtual time at which it happens, s, finite and &gt;= 0
 * @param sequence    order of scheduling; breaks ties between events at the same time (first scheduled, first run)
 * @param handler     what happens
 */
public record Event(double timeSeconds, long sequence, EventHandler handler) implements Comparable<Event> {
    public Event {
        if (!(timeSeconds >= 0) || !Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("event time must be finite and >= 0, but was " + timeSeconds);
        }
        Objects.requireNonNull(handler, "handler");
    }

    @Override
    public int compareTo(Event other) {
        int byTime = Double.compare(timeSeconds, other.timeSeconds);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
