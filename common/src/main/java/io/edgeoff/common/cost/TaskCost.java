package io.edgeoff.common.cost;

/**
 * Time and device energy of running one task on one site.
 *
 * @param uplinkSeconds    input transfer from the previous site, s (0 on the same site)
 * @param executionSeconds {@code MI / MIPS} on the chosen site, s
 * @param downlinkSeconds  output transfer back to the device for a remote sink task, s
 * @param energyJoules     energy the device spends meanwhile, J
 */
public record TaskCost(double uplinkSeconds, double executionSeconds, double downlinkSeconds, double energyJoules) {

    public static final TaskCost ZERO = new TaskCost(0, 0, 0, 0);

    /** @return uplink + execution + downlink, s */
    public double timeSeconds() {
        return uplinkSeconds + executionSeconds + downlinkSeconds;
    }

    /** @return component-wise sum */
    public TaskCost plus(TaskCost other) {
        return new TaskCost(uplinkSeconds + other.uplinkSeconds, executionSeconds + other.executionSeconds,
                downlinkSeconds + other.downlinkSeconds, energyJoules + other.energyJoules);
    }
}
