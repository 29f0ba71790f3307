package io.edgeoff.testbed.compare;

import io.edgeoff.common.stats.IntervalFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the device's {@code summary.csv} ({@code edgeoff device}; columns {@code policy, executions,
 * mean_response_s, ci95_response_s, mean_energy_j, ci95_energy_j, ..., offload_failures,
 * service_availability_percent, ...}, found by name). An empty (or NaN) half-width, a single execution, is read as
 * NaN, undefined.
 */
public final class DeviceSummaryCsv {
    private DeviceSummaryCsv() {
    }

    public static List<PolicyResult> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the device summary: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty device summary");
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int policy = column(header, "policy", file);
        int executions = column(header, "executions", file);
        int response = column(header, "mean_response_s", file);
        int responseCi = column(header, "ci95_response_s", file);
        int energy = column(header, "mean_energy_j", file);
        int energyCi = column(header, "ci95_energy_j", file);
        int failures = column(header, "offload_failures", file);
        int availability = column(header, "service_availability_percent", file);
        List<PolicyResult> results = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            long n = Long.parseLong(f[executions]);
            results.add(new PolicyResult(f[policy], n, Double.parseDouble(f[response]),
                    IntervalFormat.parseCsv(f[responseCi]),
                    Double.parseDouble(f[energy]), IntervalFormat.parseCsv(f[energyCi]), Double.parseDouble(f[failures]) / n,
                    Double.parseDouble(f[availability])));
        }
        return results;
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + ": no column '" + name + "' in " + header);
        }
        return i;
    }
}
