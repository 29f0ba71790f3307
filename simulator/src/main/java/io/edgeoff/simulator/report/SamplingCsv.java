package io.edgeoff.simulator.report;

import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.run.ExperimentResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code samplings.csv}: one row per (configuration, policy, sampling) with every metric and, per site,
 * {@code tasks_<site>} and {@code failures_<site>}. Comma-separated, "\n" line ends, numbers in Java's
 * shortest round-trip form.
 */
public final class SamplingCsv {
    private SamplingCsv() {
    }

    public static String header(List<String> siteIds) {
        StringBuilder b = new StringBuilder("configuration,policy,sampling,executions,tasks,responseTimeSeconds,"
                + "energyJoules,batteryPercent,failures,offloadAttempts,serviceAvailability");
        siteIds.forEach(id -> b.append(",tasks_").append(id));
        siteIds.forEach(id -> b.append(",failures_").append(id));
        return b.toString();
    }

    public static String row(SamplingMetrics m, int siteCount) {
        StringBuilder b = new StringBuilder();
        b.append(m.configuration()).append(',').append(m.policy()).append(',').append(m.sampling()).append(',')
                .append(m.executions()).append(',').append(m.tasks()).append(',').append(m.responseTimeSeconds())
                .append(',').append(m.energyJoules()).append(',').append(m.batteryPercent()).append(',')
                .append(m.failures()).append(',').append(m.offloadAttempts()).append(',')
                .append(m.serviceAvailability());
        for (int s = 0; s < siteCount; s++) {
            b.append(',').append(m.tasksOn(s));
        }
        for (int s = 0; s < siteCount; s++) {
            b.append(',').append(m.failuresOn(s));
        }
        return b.toString();
    }

    public static void write(Path file, ExperimentResult result) {
        StringBuilder b = new StringBuilder(header(result.siteIds())).append('\n');
        for (SamplingMetrics m : result.samplings()) {
            b.append(row(m, result.siteIds().size())).append('\n');
        }
        try {
            Files.writeString(file, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
