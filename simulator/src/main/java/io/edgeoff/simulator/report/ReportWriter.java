package io.edgeoff.simulator.report;

import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultsCsv;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.FleetResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes every report of an experiment into one folder. */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Writes {@code samplings.csv}, {@code summary.csv} (per policy and application execution, over every
     * configuration: the same file as a live run's), {@code summary.json}, {@code experiment.json} and, unless
     * {@code html} is false, {@code report.html} with its charts.
     *
     * @throws IllegalArgumentException when the folder cannot be created
     */
    public static void write(Path dir, ExperimentResult result, boolean html) {
        writeRun(dir, result, Optional.empty(), html);
    }

    /**
     * Writes what {@link #write(Path, ExperimentResult, boolean)} writes and, for a scenario with devices, cells or
     * mobility, {@code devices.csv} and {@code cells.csv} ({@link FleetReport}) and the report's sections per device
     * and per cell; for any other scenario the same files as {@link #write(Path, ExperimentResult, boolean)}.
     *
     * @throws IllegalArgumentException when the folder cannot be created or a file cannot be written
     */
    public static void write(Path dir, FleetResult result, boolean html) {
        Optional<FleetResult> fleet = result.result().spec().scenario().fleet().isNone() ? Optional.empty()
                : Optional.of(result);
        writeRun(dir, result.result(), fleet, html);
        fleet.ifPresent(f -> FleetReport.write(dir, f));
    }

    private static void writeRun(Path dir, ExperimentResult result, Optional<FleetResult> fleet, boolean html) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
        SamplingCsv.write(dir.resolve("samplings.csv"), result);
        ResultsCsv.write(dir.resolve("summary.csv"), ResultsCsv.summaries(PolicySummary.ofAll(SamplingCsv.rows(result))));
        SummaryJson.write(dir.resolve("summary.json"), SummaryJson.summary(result));
        SummaryJson.write(dir.resolve("experiment.json"), SummaryJson.experiment(result));
        if (html) {
            HtmlReport.write(dir, result, fleet);
        }
    }
}
