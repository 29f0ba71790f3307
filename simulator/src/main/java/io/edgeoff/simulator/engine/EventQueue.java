package io.edgeoff.simulator.engine;

import java.util.Optional;
import java.util.PriorityQueue;

/** Pending events, taken in order of time, then of scheduling (sequence number). Not thread-safe. */
public final class EventQueue {
    private final PriorityQueue<Event> heap = new PriorityQueue<>();
    private long nextSequence;

    /** Adds an event at {@code timeSeconds}; events at equal times run in the order they were added. */
    public Event add(double timeSeconds, EventHandler handler) {
        Event event = new Event(timeSeconds, nextSequence++, handler);
        heap.add(event);
        return event;
    }

    /** Removes and returns the earliest event, if any. */
    public Optional<Event> poll() {
        return Optional.ofNullable(heap.poll());
    }

    /** Removes a pending event; returns false if it already ran or was never here. */
    public boolean cancel(Event event) {
        return heap.remove(event);
    }

    public boolean isEmpty() {
        return heap.isEmpty();
    }

    public int size() {
        return heap.size();
    }
}
