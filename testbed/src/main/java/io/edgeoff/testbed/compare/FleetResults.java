package io.edgeoff.testbed.compare;

import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultsCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a fleet test-bed run per device and per cell, collected from the reports each device process wrote
 * in its own folder; nothing is recomputed beyond the one summariser. Per device: each device's {@code executions.csv}
 * summarised per policy by {@link PolicySummary#ofAll} and written by {@link ResultsCsv#summaries} (the columns of a
 * device's {@code summary.csv}) with a leading {@code device} column, into {@code devices-summary.csv}. Per cell: the
 * {@code cells.csv} rows of every device that wrote one (the live fleet report's), one after the other under one
 * header, into {@code cells.csv}.
 */
public final class FleetResults {
    /** The file of the per-device rows in the run's folder. */
    public static final String DEVICES_FILE = "devices-summary.csv";
    /** The file of the per-cell rows in the run's folder. */
    public static final String CELLS_FILE = "cells.csv";

    private FleetResults() {
    }

    /**
     * Collects the devices' reports into {@code runDir} and returns the console text: a per-device table and the
     * per-cell rows (or a line saying which devices wrote none).
     *
     * @param deviceDirs device id to the folder its {@code edgeoff device} wrote its reports into
     */
    public static String collect(Path runDir, Map<String, Path> deviceDirs) {
        Map<String, List<PolicySummary>> perDevice = new LinkedHashMap<>();
        StringBuilder devicesCsv = new StringBuilder();
        for (Map.Entry<String, Path> device : deviceDirs.entrySet()) {
            List<PolicySummary> summaries = ComparisonTable.read(device.getValue().resolve("executions.csv"));
            perDevice.put(device.getKey(), summaries);
            List<String> lines = ResultsCsv.summaries(summaries).lines().toList();
            if (devicesCsv.isEmpty()) {
                devicesCsv.append("device,").append(lines.get(0)).append('\n');
            }
            lines.stream().skip(1).forEach(l -> devicesCsv.append(device.getKey()).append(',').append(l).append('\n'));
        }
        write(runDir.resolve(DEVICES_FILE), devicesCsv.toString());
        StringBuilder out = new StringBuilder();
        out.append("per device (").append(runDir.resolve(DEVICES_FILE)).append("), per application execution:\n\n");
        out.append(deviceTable(perDevice));
        out.append('\n').append(cells(runDir, deviceDirs));
        return out.toString();
    }

    /** The Markdown table of the devices' policy summaries, one row per device and policy. */
    static String deviceTable(Map<String, List<PolicySummary>> perDevice) {
        StringBuilder out = new StringBuilder();
        out.append("| device | policy | executions | response s | energy J | failures/exec | availability % |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
        perDevice.forEach((device, summaries) -> summaries.forEach(s -> out.append(String.format(Locale.ROOT,
                "| %s | %s | %d | %s | %s | %.3f | %.1f |%n", device, s.policy(), s.executions(),
                ComparisonTable.meanAndInterval(s.meanResponseSeconds(), s.ci95ResponseSeconds()),
                ComparisonTable.meanAndInterval(s.meanEnergyJoules(), s.ci95EnergyJoules()),
                s.failuresPerExecution(), s.serviceAvailabilityPercent()))));
        return out.toString();
    }

    private static String cells(Path runDir, Map<String, Path> deviceDirs) {
        List<String> header = null;
        List<String> rows = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, Path> device : deviceDirs.entrySet()) {
            Path file = device.getValue().resolve(CELLS_FILE);
            if (!Files.isRegularFile(file)) {
                without.add(device.getKey());
                continue;
            }
            List<String> lines = read(file);
            if (header == null && !lines.isEmpty()) {
                header = List.of(lines.get(0));
            }
            lines.stream().skip(1).forEach(rows::add);
        }
        StringBuilder out = new StringBuilder();
        if (header != null) {
            StringBuilder csv = new StringBuilder(header.get(0)).append('\n');
            rows.forEach(r -> csv.append(r).append('\n'));
            write(runDir.resolve(CELLS_FILE), csv.toString());
            out.append("per cell (").append(runDir.resolve(CELLS_FILE)).append("):\n\n");
            out.append("| ").append(header.get(0).replace(",", " | ")).append(" |\n");
            out.append("|").append("---|".repeat(header.get(0).split(",", -1).length)).append('\n');
            rows.forEach(r -> out.append("| ").append(r.replace(",", " | ")).append(" |\n"));
        }
        if (!without.isEmpty()) {
            out.append("no per-cell rows from ").append(without).append(" (their reports have no ").append(CELLS_FILE)
                    .append(")\n");
        }
        return out.toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
