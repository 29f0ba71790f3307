package io.edgeoff.testbed.compare;

import java.util.Objects;

/**
 * One policy's outcome, per application execution.
 *
 * @param policy               policy name
 * @param executions           executions behind the means
 * @param responseSeconds      mean response time per execution, s
 * @param responseCi95Seconds  half-width of its 95 % confidence interval (Student's t), s; NaN when undefined (one
 *                             execution or sampling)
 * @param energyJoules         mean device energy per execution, J
 * @param energyCi95Joules     half-width of its 95 % confidence interval, J; NaN when undefined
 * @param failuresPerExecution failed offloading attempts per execution
 * @param availabilityPercent  successful / attempted offloads, %
 */
public record PolicyResult(String policy, long executions, double responseSeconds, double responseCi95Seconds,
                           double energyJoules, double energyCi95Joules, double failuresPerExecution,
                           double availabilityPercent) {
    public PolicyResult {
        Objects.requireNonNull(policy, "policy");
        if (executions < 1) {
            throw new IllegalArgumentException("executions must be >= 1, but was " + executions);
        }
        if (responseCi95Seconds < 0) {
            throw new IllegalArgumentException("responseCi95Seconds must be >= 0 or NaN, but was " + responseCi95Seconds);
        }
        if (energyCi95Joules < 0) {
            throw new IllegalArgumentException("energyCi95Joules must be >= 0 or NaN, but was " + energyCi95Joules);
        }
    }
}
