package io.edgeoff.testbed.compare;

import io.edgeoff.common.stats.MeanInterval;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the simulator's {@code samplings.csv} ({@code edgeoff simulate}; one row per configuration,
 * policy and sampling with {@code executions, responseTimeSeconds, energyJoules, failures,
 * serviceAvailability}, sums over the sampling's executions) into per-execution results: the mean
 * of each sampling's per-execution value, with the half-width of its 95 % confidence interval over the samplings
 * ({@link MeanInterval}: Student's t with {@code samplings - 1} degrees of freedom; NaN for a single sampling).
 */
public final class SimulatorSamplingsCsv {
    private SimulatorSamplingsCsv() {
    }

    public static List<PolicyResult> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the simulator's samplings: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty samplings file");
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int policy = column(header, "policy", file);
        int executions = column(header, "executions", file);
        int response = column(header, "responseTimeSeconds", file);
        int energy = column(header, "energyJoules", file);
        int failures = column(header, "failures", file);
        int availability = column(header, "serviceAvailability", file);
        Map<String, List<double[]>> byPolicy = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            double n = Double.parseDouble(f[executions]);
            byPolicy.computeIfAbsent(f[policy], k -> new ArrayList<>()).add(new double[] {n,
                    Double.parseDouble(f[response]) / n, Double.parseDouble(f[energy]) / n,
                    Double.parseDouble(f[failures]) / n, Double.parseDouble(f[availability])});
        }
        List<PolicyResult> results = new ArrayList<>();
        byPolicy.forEach((name, rows) -> {
            MeanInterval time = stat(rows, 1);
            MeanInterval joules = stat(rows, 2);
            results.add(new PolicyResult(name, Math.round(rows.stream().mapToDouble(r -> r[0]).sum()),
                    time.mean(), time.halfWidth95(), joules.mean(), joules.halfWidth95(),
                    stat(rows, 3).mean(), stat(rows, 4).mean()));
        });
        return results;
    }

    private static MeanInterval stat(List<double[]> rows, int k) {
        return MeanInterval.of(rows.stream().mapToDouble(r -> r[k]).toArray());
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + ": no column '" + name + "' in " + header);
        }
        return i;
    }
}
