package io.edgeoff.decision;

/**
 * A policy's choice for one task.
 *
 * @param siteIndex              chosen site (index in the scenario's site order)
 * @param expectedTimeSeconds    the policy's expected time for the task, s (NaN when the policy has no model)
 * @param expectedEnergyJoules   the policy's expected device energy for the task, J (NaN when none)
 */
public record Decision(int siteIndex, double expectedTimeSeconds, double expectedEnergyJoules) {
    public Decision {
        if (siteIndex < 0) {
            throw new IllegalArgumentException("siteIndex must be >= 0, but was " + siteIndex);
        }
    }
}
