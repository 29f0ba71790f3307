package io.edgeoff.experiment;

import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.TaskOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one policy over its executions (the seed's metrics, ORIGINAL.md section 7).
 *
 * @param policy                    policy name
 * @param executions                executions run
 * @param meanResponseSeconds       mean application response time, s
 * @param ciResponseSeconds         half-width of its 95 % confidence interval over the executions, Student's t with
 *                                  {@code n - 1} degrees of freedom ({@link MeanInterval}); NaN (undefined) for a
 *                                  single execution, s
 * @param meanEnergyJoules          mean device energy per execution, J
 * @param ciEnergyJoules            half-width of its 95 % confidence interval, J (NaN for a single execution)
 * @param batteryPercentLeft        battery left after all executions, % of the scenario's battery budget
 * @param offloadAttempts           attempts sent to a remote site
 * @param offloadFailures           failed attempts
 * @param serviceAvailabilityPercent successful offloads / attempted offloads, % (100 when nothing was offloaded)
 * @param tasksPerSite              site id to tasks completed there
 * @param tasksLost                 tasks without a final success (should be 0)
 */
public record PolicySummary(String policy, int executions, double meanResponseSeconds, double ciResponseSeconds,
                            double meanEnergyJoules, double ciEnergyJoules, double batteryPercentLeft,
                            long offloadAttempts, long offloadFailures, double serviceAvailabilityPercent,
                            Map<String, Long> tasksPerSite, long tasksLost) {

    /** Summarises {@code results} of one policy. */
    public static PolicySummary of(String policy, List<ExecutionResult> results, int deviceIndex, List<String> siteIds,
                                   double batteryJoules) {
        double[] times = results.stream().mapToDouble(ExecutionResult::responseSeconds).toArray();
        double[] energy = results.stream().mapToDouble(ExecutionResult::energyJoules).toArray();
        long attempts = results.stream().mapToLong(r -> r.offloadAttempts(deviceIndex)).sum();
        long failures = results.stream().mapToLong(ExecutionResult::offloadFailures).sum();
        Map<String, Long> perSite = new LinkedHashMap<>();
        siteIds.forEach(id -> perSite.put(id, 0L));
        long lost = 0;
        for (ExecutionResult r : results) {
            for (TaskOutcome t : r.tasks()) {
                if (t.completed()) {
                    perSite.merge(t.siteId(), 1L, Long::sum);
                } else {
                    lost++;
                }
            }
        }
        double totalEnergy = java.util.Arrays.stream(energy).sum();
        double availability = attempts == 0 ? 100.0 : 100.0 * (attempts - failures) / attempts;
        MeanInterval time = interval(times);
        MeanInterval joules = interval(energy);
        return new PolicySummary(policy, results.size(), mean(time), halfWidth(time), mean(joules), halfWidth(joules),
                100.0 * (1 - totalEnergy / batteryJoules), attempts, failures, availability, perSite, lost);
    }

    /** The mean and its interval, or {@code null} for a policy without executions (both reported as NaN). */
    private static MeanInterval interval(double[] xs) {
        return xs.length == 0 ? null : MeanInterval.of(xs);
    }

    private static double mean(MeanInterval m) {
        return m == null ? Double.NaN : m.mean();
    }

    private static double halfWidth(MeanInterval m) {
        return m == null ? Double.NaN : m.halfWidth95();
    }
}
