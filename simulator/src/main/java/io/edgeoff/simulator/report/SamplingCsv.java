package io.edgeoff.simulator.report;

import io.edgeoff.common.results.ResultRow;
import io.edgeoff.common.results.ResultsCsv;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.run.ExperimentResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code samplings.csv}: one row of the results schema ({@link ResultRow}, {@link ResultsCsv}) per (configuration,
 * policy, sampling), the same columns as a live run's {@code executions.csv}; sums over the sampling's executions.
 */
public final class SamplingCsv {
    private SamplingCsv() {
    }

    /** One sampling as a row of the results schema ({@code execution = -1}: the row spans the whole sampling). */
    public static ResultRow row(SamplingMetrics m, List<String> siteIds) {
        Map<String, Long> tasks = new LinkedHashMap<>();
        Map<String, Long> failures = new LinkedHashMap<>();
        for (int s = 0; s < siteIds.size(); s++) {
            tasks.put(siteIds.get(s), m.tasksOn(s));
            failures.put(siteIds.get(s), m.failuresOn(s));
        }
        return new ResultRow(m.policy(), m.configuration(), m.sampling(), -1, m.executions(), m.tasks(),
                m.responseTimeSeconds(), m.energyJoules(), m.batteryPercent(), m.offloadAttempts(), m.failures(),
                m.serviceAvailability(), 0, tasks, failures);
    }

    /**
     * The inverse of {@link #row}: a sampling row read back from {@code samplings.csv} (or a shard's file) as the
     * sampling's metrics, every number as it was written (the CSV holds Java's shortest round-trip form).
     *
     * @param siteIds the experiment's site ids, in scenario order
     * @throws IllegalArgumentException when the row is not a sampling row or names other sites
     */
    public static SamplingMetrics metrics(ResultRow row, List<String> siteIds) {
        if (row.execution() != -1) {
            throw new IllegalArgumentException("execution must be -1 in a sampling row, but was " + row.execution());
        }
        if (row.executions() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("executions must be at most " + Integer.MAX_VALUE + ", but was "
                    + row.executions());
        }
        if (!row.tasksPerSite().keySet().equals(new java.util.HashSet<>(siteIds))
                || !row.failuresPerSite().keySet().equals(new java.util.HashSet<>(siteIds))) {
            throw new IllegalArgumentException("per-site columns must be those of sites " + siteIds + ", but were tasks "
                    + row.tasksPerSite().keySet() + " and failures " + row.failuresPerSite().keySet());
        }
        long[] tasks = new long[siteIds.size()];
        long[] failures = new long[siteIds.size()];
        for (int s = 0; s < siteIds.size(); s++) {
            tasks[s] = row.tasksPerSite().get(siteIds.get(s));
            failures[s] = row.failuresPerSite().get(siteIds.get(s));
        }
        return new SamplingMetrics(row.configuration(), row.policy(), row.sample(), (int) row.executions(), row.tasks(),
                row.responseSeconds(), row.energyJoules(), row.batteryPercentLeft(), row.offloadFailures(),
                row.offloadAttempts(), row.serviceAvailabilityPercent(), tasks, failures);
    }

    /** Every sampling of {@code result} as rows of the results schema. */
    public static List<ResultRow> rows(ExperimentResult result) {
        return result.samplings().stream().map(m -> row(m, result.siteIds())).toList();
    }

    public static void write(Path file, ExperimentResult result) {
        ResultsCsv.write(file, ResultsCsv.rows(rows(result), result.siteIds()));
    }
}
