package io.edgeoff.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @Test
    void writesCsvSummaryAndHtmlReportWithCharts(@TempDir Path dir) throws Exception {
        ExperimentResult result = Fixtures.runner(Fixtures.uniform(
                Fixtures.randomSeries(2, 100))).run(ExperimentSpec.of(Fixtures.seedScenario(), List.of(1, 2),
                List.of("local", "first-remote"), 3, 5, 1));

        ReportWriter.write(dir, result, true);

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.fieldNames()).toIterable().containsExactly("policies", "configurations");
        JsonNode local = summary.at("/policies/local");
        assertThat(local.fieldNames()).toIterable().containsExactly("response_s", "energy_j",
                "battery_percent_left", "offload_failures", "service_availability_percent", "tasks_per_site");
        assertThat(local.at("/response_s/mean").asDouble())
                .isEqualTo(result.summary("local").responseTimeSeconds().mean());
        assertThat(local.at("/tasks_per_site").fieldNames()).toIterable().containsExactly("MD", "ED", "EC", "ER", "CD");
        assertThat(summary.at("/configurations/2/policies/first-remote/offload_failures/ci95").isNumber()).isTrue();
        assertThat(summary.at("/configurations/2/policies/first-remote/offload_failures/n").asInt()).isEqualTo(3);

        List<String> csv = Files.readAllLines(dir.resolve("samplings.csv"));
        assertThat(csv).hasSize(1 + 2 * 2 * 3);
        assertThat(csv.get(0)).startsWith("policy,configuration,sample,execution,executions,tasks,response_s,energy_j,")
                .contains("tasks_EC", "failures_CD");
        assertThat(csv.get(1).split(",")).hasSize(csv.get(0).split(",").length);

        List<String> summaryCsv = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(summaryCsv).hasSize(1 + 2);
        assertThat(summaryCsv.get(0)).startsWith("policy,executions,samples,mean_response_s,ci95_response_s,");
        assertThat(summaryCsv.get(1)).startsWith("local,30,6,");

        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<table>", "first-remote", "response-time.png");
        for (String chart : HtmlReport.CHARTS) {
            byte[] png = Files.readAllBytes(dir.resolve(chart));
            assertThat(png.length).as(chart).isGreaterThan(1000);
            assertThat(new byte[] {png[1], png[2], png[3]}).as(chart + " is a PNG").isEqualTo("PNG".getBytes());
        }
        assertThat(new ObjectMapper().readTree(dir.resolve("experiment.json").toFile()).get("seed").asLong())
                .isEqualTo(1);
    }

    @Test
    void aSingleSamplingIsReportedWithoutIntervals(@TempDir Path dir) throws Exception {
        ExperimentResult result = Fixtures.runner(Fixtures.uniform(
                Fixtures.randomSeries(2, 100))).run(ExperimentSpec.of(Fixtures.seedScenario(), List.of(1),
                List.of("local"), 1, 5, 1));

        ReportWriter.write(dir, result, true);

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.at("/policies/local/response_s/mean").isNumber()).isTrue();
        assertThat(summary.at("/policies/local/response_s/ci95").isNull()).isTrue();
        assertThat(summary.at("/policies/local/response_s/n").asInt()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("report.html"))).contains("&plusmn; n/a").doesNotContain("NaN");
        for (String chart : HtmlReport.CHARTS) {
            assertThat(Files.size(dir.resolve(chart))).as(chart).isGreaterThan(1000);
        }
    }
}
