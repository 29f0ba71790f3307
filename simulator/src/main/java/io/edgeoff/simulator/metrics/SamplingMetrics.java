package io.edgeoff.simulator.metrics;

import java.util.Objects;

/**
 * The outcome of one sampling (a sequence of application executions on one configuration with one policy).
 *
 * @param configuration         configuration id
 * @param policy                policy name
 * @param sampling              sampling index, from 0
 * @param executions            application executions simulated
 * @param tasks                 tasks completed
 * @param responseTimeSeconds   sum over executions of the response time (sum of epoch maxima), s
 * @param energyJoules          device energy over all executions, J
 * @param batteryPercent        battery left, {@code 100 * (1 - energy / battery budget)}, %
 * @param failures              failed offloading attempts
 * @param offloadAttempts       offloading attempts (failed and successful)
 * @param serviceAvailability   successful / attempted offloads, % (100 when nothing was offloaded)
 * @param tasksPerSite          tasks completed on each site (scenario site order)
 * @param failuresPerSite       failed attempts on each site (scenario site order)
 */
public record SamplingMetrics(int configuration, String policy, int sampling, int executions, long tasks,
                              double responseTimeSeconds, double energyJoules, double batteryPercent, long failures,
                              long offloadAttempts, double serviceAvailability, long[] tasksPerSite,
                              long[] failuresPerSite) {
    public SamplingMetrics {
        Objects.requireNonNull(policy, "policy");
        tasksPerSite = tasksPerSite.clone();
        failuresPerSite = failuresPerSite.clone();
        if (tasksPerSite.length != failuresPerSite.length) {
            throw new IllegalArgumentException("tasksPerSite and failuresPerSite must have one entry per site");
        }
    }

    /**
     * @return service availability in % from successful and attempted offloads (100 with no attempt)
     */
    public static double serviceAvailability(long successfulOffloads, long attemptedOffloads) {
        return attemptedOffloads == 0 ? 100.0 : 100.0 * successfulOffloads / attemptedOffloads;
    }

    /** @return battery left in % of {@code batteryJoules} after spending {@code energyJoules} */
    public static double batteryPercent(double energyJoules, double batteryJoules) {
        return 100.0 * (1.0 - energyJoules / batteryJoules);
    }

    @Override
    public long[] tasksPerSite() {
        return tasksPerSite.clone();
    }

    @Override
    public long[] failuresPerSite() {
        return failuresPerSite.clone();
    }

    /** @return tasks on site {@code index}, without copying */
    public long tasksOn(int index) {
        return tasksPerSite[index];
    }

    /** @return failed attempts on site {@code index}, without copying */
    public long failuresOn(int index) {
        return failuresPerSite[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplingMetrics m && configuration == m.configuration && policy.equals(m.policy)
                && sampling == m.sampling && executions == m.executions && tasks == m.tasks
                && Double.compare(responseTimeSeconds, m.responseTimeSeconds) == 0
                && Double.compare(energyJoules, m.energyJoules) == 0
                && Double.compare(batteryPercent, m.batteryPercent) == 0 && failures == m.failures
                && offloadAttempts == m.offloadAttempts
                && Double.compare(serviceAvailability, m.serviceAvailability) == 0
                && java.util.Arrays.equals(tasksPerSite, m.tasksPerSite)
                && java.util.Arrays.equals(failuresPerSite, m.failuresPerSite);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configuration, policy, sampling, responseTimeSeconds, energyJoules, failures,
                java.util.Arrays.hashCode(tasksPerSite));
    }

    @Override
    public String toString() {
        return "SamplingMetrics[config=" + configuration + ", policy=" + policy + ", sampling=" + sampling
                + ", time=" + responseTimeSeconds + " s, energy=" + energyJoules + " J, failures=" + failures
                + ", tasksPerSite=" + java.util.Arrays.toString(tasksPerSite) + "]";
    }
}
