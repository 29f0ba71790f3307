package io.edgeoff.common.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.edgeoff.common.stats.MeanInterval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One policy's results per application execution, the same for live runs, simulations and the test-bed: one row of
 * {@code summary.csv} and one entry of {@code results.json}'s {@code summaries}, under the same names
 * ({@link ResultsCsv#SUMMARY_COLUMNS}). Built from run rows by {@link #of(String, List)}.
 *
 * @param policy                     policy name
 * @param executions                 application executions behind the means
 * @param samples                    rows the intervals are over: executions of a live run, samplings of a simulation
 * @param meanResponseSeconds        mean response time per execution, s
 * @param ci95ResponseSeconds        half-width of its 95 % confidence interval over the rows (Student's t,
 *                                   {@link MeanInterval}); NaN (undefined) for a single row, s
 * @param meanEnergyJoules           mean device energy per execution, J
 * @param ci95EnergyJoules           half-width of its 95 % confidence interval, J (NaN for a single row)
 * @param batteryPercentLeft         battery left after a sample's executions (a live run: all of them), mean over
 *                                   the samples (configuration and sample index), % of the scenario's budget
 * @param offloadAttempts            attempts sent to a remote site, all rows
 * @param offloadFailures            failed attempts, all rows
 * @param serviceAvailabilityPercent successful / attempted offloads, % (100 when nothing was offloaded)
 * @param tasksLost                  tasks without a final success (should be 0)
 * @param tasksPerSite               site id to tasks completed there, all rows
 */
@JsonPropertyOrder({"policy", "executions", "samples", "mean_response_s", "ci95_response_s", "mean_energy_j",
    "ci95_energy_j", "battery_percent_left", "offload_attempts", "offload_failures", "service_availability_percent",
    "tasks_lost", "tasks_per_site"})
public record PolicySummary(@JsonProperty("policy") String policy,
                            @JsonProperty("executions") long executions,
                            @JsonProperty("samples") long samples,
                            @JsonProperty("mean_response_s") double meanResponseSeconds,
                            @JsonProperty("ci95_response_s") double ci95ResponseSeconds,
                            @JsonProperty("mean_energy_j") double meanEnergyJoules,
                            @JsonProperty("ci95_energy_j") double ci95EnergyJoules,
                            @JsonProperty("battery_percent_left") double batteryPercentLeft,
                            @JsonProperty("offload_attempts") long offloadAttempts,
                            @JsonProperty("offload_failures") long offloadFailures,
                            @JsonProperty("service_availability_percent") double serviceAvailabilityPercent,
                            @JsonProperty("tasks_lost") long tasksLost,
                            @JsonProperty("tasks_per_site") Map<String, Long> tasksPerSite) {
    public PolicySummary {
        Objects.requireNonNull(policy, "policy");
        if (!(ci95ResponseSeconds >= 0) && !Double.isNaN(ci95ResponseSeconds)) {
            throw new IllegalArgumentException("ci95ResponseSeconds must be >= 0 or NaN, but was " + ci95ResponseSeconds);
        }
        if (!(ci95EnergyJoules >= 0) && !Double.isNaN(ci95EnergyJoules)) {
            throw new IllegalArgumentException("ci95EnergyJoules must be >= 0 or NaN, but was " + ci95EnergyJoules);
        }
        tasksPerSite = Collections.unmodifiableMap(new LinkedHashMap<>(tasksPerSite));
    }

    /**
     * Summarises the rows of {@code policy} among {@code rows} (other policies' rows are skipped): per-execution
     * means (each row's sums divided by its executions) with their 95 % intervals over the rows.
     *
     * @throws IllegalArgumentException when {@code rows} hold no row of {@code policy}
     */
    public static PolicySummary of(String policy, List<ResultRow> rows) {
        List<ResultRow> mine = rows.stream().filter(r -> r.policy().equals(policy)).toList();
        if (mine.isEmpty()) {
            throw new IllegalArgumentException("no result row of policy " + policy);
        }
        double[] time = mine.stream().mapToDouble(r -> r.responseSeconds() / r.executions()).toArray();
        double[] energy = mine.stream().mapToDouble(r -> r.energyJoules() / r.executions()).toArray();
        long attempts = mine.stream().mapToLong(ResultRow::offloadAttempts).sum();
        long failures = mine.stream().mapToLong(ResultRow::offloadFailures).sum();
        Map<String, Long> perSite = new LinkedHashMap<>();
        mine.forEach(r -> r.tasksPerSite().forEach((site, n) -> perSite.merge(site, n, Long::sum)));
        Map<List<Integer>, Double> batteryUsedPerSample = new LinkedHashMap<>();
        mine.forEach(r -> batteryUsedPerSample.merge(List.of(r.configuration(), r.sample()),
                100.0 - r.batteryPercentLeft(), Double::sum));
        double battery = 100.0 - batteryUsedPerSample.values().stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        MeanInterval t = MeanInterval.of(time);
        MeanInterval e = MeanInterval.of(energy);
        return new PolicySummary(policy, mine.stream().mapToLong(ResultRow::executions).sum(), mine.size(),
                t.mean(), t.halfWidth95(), e.mean(), e.halfWidth95(), battery, attempts, failures,
                ResultRow.availabilityPercent(attempts, failures),
                mine.stream().mapToLong(ResultRow::tasksLost).sum(), perSite);
    }

    /** One summary per policy of {@code rows}, in the order the policies first appear. */
    public static List<PolicySummary> ofAll(List<ResultRow> rows) {
        List<PolicySummary> out = new ArrayList<>();
        rows.stream().map(ResultRow::policy).distinct().forEach(p -> out.add(of(p, rows)));
        return out;
    }

    /** @return failed offloading attempts per application execution */
    public double failuresPerExecution() {
        return (double) offloadFailures / executions;
    }
}
