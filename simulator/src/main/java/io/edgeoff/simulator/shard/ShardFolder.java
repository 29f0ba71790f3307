package io.edgeoff.simulator.shard;

import io.edgeoff.common.results.ResultRow;
import io.edgeoff.common.results.ResultsCsv;
import io.edgeoff.common.mobility.Cell;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.simulator.metrics.FleetBreakdown;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.report.SamplingCsv;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A shard's folder: {@code samplings.csv} (run 0's units of this shard, one row of the results schema each, as the
 * unsharded {@code samplings.csv} has them), with a weight sweep {@code sweep-00.csv} to {@code sweep-10.csv} (the
 * same for each sweep step), for a scenario with devices, cells or mobility {@value BreakdownLines#FILE} (run 0's
 * units per device and per cell, {@link BreakdownLines}), and {@value #MANIFEST} ({@link ShardManifest}), written last
 * and atomically: a folder without it is an unfinished shard.
 *
 * @param dir        where the shard is
 * @param manifest   which experiment and which slice
 * @param runs       per run of the experiment, the metrics of this shard's units, in unit order
 * @param breakdowns the results per device and per cell of this shard's units of run 0, in unit order, for a scenario
 *                   with devices, cells or mobility; empty for any other (the unsharded run writes none)
 */
public record ShardFolder(Path dir, ShardManifest manifest, List<List<SamplingMetrics>> runs,
                          List<FleetBreakdown> breakdowns) {
    /** The manifest's file name. */
    public static final String MANIFEST = "shard.json";

    /** The cell id of a device in no cell (as {@code DeviceLinks.NO_CELL}). */
    private static final String NO_CELL = "-";

    public ShardFolder {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(manifest, "manifest");
        runs = runs.stream().map(List::copyOf).toList();
        breakdowns = List.copyOf(breakdowns);
        if (!breakdowns.isEmpty() && (runs.isEmpty() || breakdowns.size() != runs.get(0).size())) {
            throw new IllegalArgumentException("one breakdown per unit of run 0 is needed ("
                    + (runs.isEmpty() ? 0 : runs.get(0).size()) + "), but there were " + breakdowns.size());
        }
    }

    /** @return the file of run {@code run}: {@code samplings.csv}, or {@code sweep-SS.csv} for sweep step SS */
    public static String runFile(int run) {
        return run == 0 ? "samplings.csv" : String.format(Locale.ROOT, "sweep-%02d.csv", run - 1);
    }

    /** @return whether {@code dir} holds a (finished) shard */
    public static boolean isShard(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * Writes the shard's files, the manifest last.
     *
     * @throws IllegalArgumentException when the folder cannot be created or written
     */
    public void write() {
        try {
            Files.createDirectories(dir);
            List<String> siteIds = manifest.experiment().siteIds();
            for (int run = 0; run < runs.size(); run++) {
                List<ResultRow> rows = runs.get(run).stream().map(m -> SamplingCsv.row(m, siteIds)).toList();
                ResultsCsv.write(dir.resolve(runFile(run)), ResultsCsv.rows(rows, siteIds));
            }
            if (!ScenarioYaml.parse(manifest.experiment().scenarioYaml(), "shard " + manifest.shard())
                    .fleet().isNone()) {
                BreakdownLines.write(dir.resolve(BreakdownLines.FILE), breakdowns);
            }
            Path partial = dir.resolve(MANIFEST + ".partial");
            Files.writeString(partial, manifest.toJson(), StandardCharsets.UTF_8);
            Files.move(partial, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot write shard folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a shard folder and checks every row against the units the manifest says the shard holds.
     *
     * @throws IllegalArgumentException naming the file (and line) when the folder is not a finished shard, a file is
     *                                  malformed, or a row is not the unit expected at its place
     */
    public static ShardFolder read(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        String json;
        try {
            json = Files.readString(manifestFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + ": not a finished shard (no " + MANIFEST + "; a shard writes it last)");
        } catch (IOException e) {
            throw new IllegalArgumentException(manifestFile + ": cannot read: " + e.getMessage(), e);
        }
        ShardManifest manifest = ShardManifest.parse(json, manifestFile.toString());
        ExperimentSpec spec = manifest.experiment().toSpec(1, manifestFile.toString());
        ExperimentUnits units = ExperimentUnits.of(spec, manifest.experiment().weightSweep());
        List<String> siteIds = manifest.experiment().siteIds();
        List<List<SamplingMetrics>> runs = new ArrayList<>();
        for (int run = 0; run < units.runs().size(); run++) {
            Path file = dir.resolve(runFile(run));
            List<ExperimentUnits.Unit> expected = units.unitsOf(manifest.shard(), run);
            List<ResultRow> rows = ResultsCsv.readRows(file);
            if (rows.size() != expected.size()) {
                throw new IllegalArgumentException(file + ": shard " + manifest.shard() + " holds " + expected.size()
                        + " samplings of this run, but the file has " + rows.size() + " rows");
            }
            List<SamplingMetrics> metrics = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                metrics.add(checked(file, i + 2, rows.get(i), expected.get(i), siteIds));
            }
            runs.add(metrics);
        }
        List<FleetBreakdown> breakdowns = spec.scenario().fleet().isNone() ? List.of()
                : BreakdownLines.read(dir.resolve(BreakdownLines.FILE), units.unitsOf(manifest.shard(), 0),
                        ExperimentRunner.deviceIds(spec), cellIds(spec));
        return new ShardFolder(dir, manifest, runs, breakdowns);
    }

    private static Set<String> cellIds(ExperimentSpec spec) {
        Set<String> ids = new LinkedHashSet<>();
        spec.scenario().fleet().cells().stream().map(Cell::id).forEach(ids::add);
        ids.add(NO_CELL);
        return ids;
    }

    private static SamplingMetrics checked(Path file, int line, ResultRow row, ExperimentUnits.Unit unit,
                                           List<String> siteIds) {
        if (row.configuration() != unit.configuration() || !row.policy().equals(unit.policy())
                || row.sample() != unit.sampling()) {
            throw new IllegalArgumentException(file + " line " + line + ": expected the unit (" + unit + "), but found "
                    + "configuration " + row.configuration() + ", policy " + row.policy() + ", sampling " + row.sample());
        }
        try {
            return SamplingCsv.metrics(row, siteIds);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + e.getMessage(), e);
        }
    }
}
