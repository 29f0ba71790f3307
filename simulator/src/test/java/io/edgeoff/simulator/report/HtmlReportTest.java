package io.edgeoff.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import io.edgeoff.simulator.run.FleetResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html}: the seed's report is byte for byte {@code golden/seed-report.html}, which the simulator wrote
 * before the report had sections per device and per cell (commit 93537b7); a scenario with devices, cells or mobility
 * gets a table and a chart per device and per cell. Regenerate it only for a change meant to
 * alter the seed's report: {@code -Dedgeoff.golden.write=simulator/src/test/resources/golden/seed-report.html}.
 */
class HtmlReportTest {
    @TempDir
    Path dir;

    private static ExperimentRunner runner() {
        return Fixtures.runner(Fixtures.uniform(Fixtures.randomSeries(3, 200)));
    }

    private static ExperimentSpec seedSpec() {
        return ExperimentSpec.of(Fixtures.seedScenario(), List.of(1, 2), List.of("local", "first-remote"), 3, 5, 11);
    }

    private static ExperimentResult seedResult() {
        return runner().run(seedSpec());
    }

    private static void assertGolden(String html) throws IOException {
        String write = System.getProperty("edgeoff.golden.write");
        if (write != null && write.endsWith("seed-report.html")) {
            Files.writeString(Path.of(write), html, StandardCharsets.UTF_8);
        }
        try (InputStream in = HtmlReportTest.class.getResourceAsStream("/golden/seed-report.html")) {
            assertThat(in).as("golden/seed-report.html").isNotNull();
            assertThat(html).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSeedsReportIsByteForByteTheOneWrittenBeforeSectionsPerDevice() throws IOException {
        ReportWriter.write(dir, seedResult(), true);

        assertGolden(Files.readString(dir.resolve("report.html")));
    }

    @Test
    void theSeedsReportWrittenWithItsBreakdownsIsTheSameWithoutFilesPerDeviceOrCell() throws IOException {
        FleetResult detailed = runner().runDetailed(seedSpec(), done -> { });

        ReportWriter.write(dir, detailed, true);

        assertGolden(Files.readString(dir.resolve("report.html")));
        for (String file : List.of("devices.csv", "cells.csv", FleetHtml.CHARTS.get(0), FleetHtml.CHARTS.get(1))) {
            assertThat(dir.resolve(file)).doesNotExist();
        }
    }

    @Test
    void aMovingDevicesReportHasATableAndAChartPerDeviceAndPerCell() throws IOException {
        ExperimentSpec spec = ExperimentSpec.of(ScenarioYaml.builtIn("commuter-3-hotspots"), List.of(1),
                List.of("local", "first-remote"), 2, 25, 11);
        FleetResult detailed = runner().runDetailed(spec, done -> { });

        ReportWriter.write(dir, detailed, true);

        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>Per device</h2>", "<h2>Per cell</h2>", "<img src=\"devices-response-time.png\"",
                "<img src=\"cells-seconds-per-task.png\"");
        String perCell = html.substring(html.indexOf("<h2>Per cell</h2>"), html.indexOf("<h2>Charts</h2>"));
        for (FleetReport.CellRow row : FleetReport.cells(detailed)) {
            assertThat(perCell).contains("<tr><td>" + row.policy() + "</td><td>commuter</td><td>" + row.cell()
                    + "</td><td>" + row.tasks() + "</td>");
        }
        assertThat(perCell).contains("<td>HOME</td>", "<td>STATION</td>", "<td>OFFICE</td>");
        assertThat(rows(perCell)).isEqualTo(Files.readAllLines(dir.resolve("cells.csv")).size());
        assertThat(rows(html.substring(html.indexOf("<h2>Per device</h2>"), html.indexOf("<h2>Per cell</h2>"))))
                .isEqualTo(Files.readAllLines(dir.resolve("devices.csv")).size());
        for (String chart : FleetHtml.CHARTS) {
            byte[] png = Files.readAllBytes(dir.resolve(chart));
            assertThat(new byte[] {png[1], png[2], png[3]}).as(chart + " is a PNG").isEqualTo("PNG".getBytes());
        }
    }

    @Test
    void severalDevicesGetARowEachAndTheirCellsAreNamedByDevice() throws IOException {
        ExperimentSpec spec = ExperimentSpec.of(ScenarioYaml.builtIn("campus-3-devices"), List.of(1), List.of("local"),
                1, 3, 11).toBuilder().failureMode(FailureMode.TIME).build();

        ReportWriter.write(dir, runner().runDetailed(spec, done -> { }), true);

        String html = Files.readString(dir.resolve("report.html"));
        for (String device : List.of("navigator", "social", "lab")) {
            assertThat(html).contains("<tr><td>local</td><td>" + device + "</td><td>3</td>",
                    "<tr><td>local</td><td>" + device + "</td><td>-</td>");
        }
        assertThat(html).contains("&plusmn; n/a").doesNotContain("NaN");
    }

    /** Table rows, the header row included (as a CSV file's lines). */
    private static int rows(String html) {
        return html.split("<tr>", -1).length - 1;
    }
}
