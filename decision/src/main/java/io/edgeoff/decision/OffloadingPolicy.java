package io.edgeoff.decision;

/**
 * An offloading decision engine: chooses the site for the next task. Implementations are created per
 * run by {@code Policies.create(name, context)} and may keep per-run state (e.g. a seeded random
 * source), so one instance is used by one thread. The same implementations drive the live device and
 * the simulator.
 */
public interface OffloadingPolicy {

    /** @return the registry name, e.g. {@code seed-mdp-svr} */
    String name();

    /**
     * Chooses a site for {@code request.taskIndex()}. Never returns an excluded site, and returns the
     * device for a task that is not offloadable.
     */
    Decision decide(DecisionRequest request);
}
