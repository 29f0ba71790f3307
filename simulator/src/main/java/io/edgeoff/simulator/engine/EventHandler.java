package io.edgeoff.simulator.engine;

/** What happens when an event's time comes. */
@FunctionalInterface
public interface EventHandler {

    /** Called with the simulation's clock set to the event's time; may schedule further events. */
    void handle(Simulation simulation);
}
