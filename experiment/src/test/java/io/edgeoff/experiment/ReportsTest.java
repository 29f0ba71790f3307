package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.detector.SuspicionEpisode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final PolicySummary MDP = new PolicySummary("mdp", 20, 20, 0.75, 0.1, 0.67, 0.09, 99.96, 40, 2, 95.0,
            0, new LinkedHashMap<>(Map.of("MD", 10L)));
    private static final DetectionStats STATS = new DetectionStats(List.of(
            new SuspicionEpisode("EC", Instant.parse("2026-01-01T00:00:00Z"), "REFUSED", 99.0, 1500, true, false)),
            Map.of("EC", 1), 0);

    @Test
    void jsonCarriesSummariesAndTimestampedDetectionEpisodes() throws Exception {
        LiveComparison.Outcome outcome = new LiveComparison.Outcome(List.of(MDP), List.of(), List.of(), STATS, 250);

        JsonNode root = new ObjectMapper().readTree(LiveReports.json(Map.of("seed", 1), outcome));

        assertThat(root.at("/summaries/0/policy").asText()).isEqualTo("mdp");
        assertThat(root.at("/detection/episodes/0/suspectedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(root.at("/detection/episodes/0/detectionLatencyMillis").asDouble()).isEqualTo(99.0);
    }

    @Test
    void htmlEscapesValuesAndDrawsOneChartPerMetric() {
        LiveComparison.Outcome outcome = new LiveComparison.Outcome(List.of(MDP), List.of(), List.of(), STATS, 250);

        String html = LiveReports.html("a <b> & c", Map.of("trace", "<x>"), outcome);

        assertThat(html).contains("a &lt;b&gt; &amp; c", "&lt;x&gt;").doesNotContain("<x>");
        assertThat(html.split("<img width=\"600\" alt=", -1)).hasSize(5);
        assertThat(html).contains("src=\"data:image/png;base64,iVBORw0KGgo").doesNotContain("<svg");
    }

    @Test
    void pairedDifferencesCompareTheSameExecutions() {
        List<io.edgeoff.device.runtime.ExecutionResult> results = List.of(
                new io.edgeoff.device.runtime.ExecutionResult("a", "mdp", 0, "CHESS", 1.0, 1.0, List.of()),
                new io.edgeoff.device.runtime.ExecutionResult("a", "mdp", 1, "CHESS", 2.0, 2.0, List.of()),
                new io.edgeoff.device.runtime.ExecutionResult("b", "local", 0, "CHESS", 1.5, 1.0, List.of()),
                new io.edgeoff.device.runtime.ExecutionResult("b", "local", 1, "CHESS", 2.5, 3.0, List.of()));
        PolicySummary local = new PolicySummary("local", 2, 2, 2.0, 0, 2.0, 0, 99, 0, 0, 100, 0, Map.of());
        PolicySummary mdp = new PolicySummary("mdp", 2, 2, 1.5, 0, 1.5, 0, 99, 0, 0, 100, 0, Map.of());

        String text = LiveReports.pairedText(List.of(mdp, local), results);

        assertThat(text).contains("local", "response +0.500 ± 0.000 s (+33.3 %)", "energy +0.500");
    }

    @Test
    void anUndefinedIntervalIsNotApplicableInTheTableEmptyInCsvAndNullInJson() throws Exception {
        PolicySummary once = new PolicySummary("once", 1, 1, 0.75, Double.NaN, 0.67, Double.NaN, 99.96, 2, 0, 100.0,
                0, new LinkedHashMap<>(Map.of("MD", 5L)));
        LiveComparison.Outcome outcome = new LiveComparison.Outcome(List.of(once), List.of(), List.of(), STATS, 250);

        String table = LiveReports.table(List.of(once));
        String csv = LiveReports.summaryCsv(List.of(once));
        JsonNode json = new ObjectMapper().readTree(LiveReports.json(Map.of("seed", 1), outcome));
        String html = LiveReports.html("one", Map.of(), outcome);

        assertThat(table).contains("0.750 ±   n/a", "0.670 ±   n/a").doesNotContain("NaN");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("once,1,1,0.75,,0.67,,");
        assertThat(json.at("/summaries/0/ci95_response_s").isNull()).isTrue();
        assertThat(json.at("/summaries/0/mean_response_s").asDouble()).isEqualTo(0.75);
        assertThat(html).contains("<td>n/a</td>").doesNotContain("NaN");
    }

    @Test
    void pairedDifferencesOfASingleExecutionHaveNoInterval() {
        List<io.edgeoff.device.runtime.ExecutionResult> results = List.of(
                new io.edgeoff.device.runtime.ExecutionResult("a", "mdp", 0, "CHESS", 1.0, 1.0, List.of()),
                new io.edgeoff.device.runtime.ExecutionResult("b", "local", 0, "CHESS", 1.5, 3.0, List.of()));
        PolicySummary local = new PolicySummary("local", 1, 1, 1.5, Double.NaN, 3.0, Double.NaN, 99, 0, 0, 100,
                0, Map.of());
        PolicySummary mdp = new PolicySummary("mdp", 1, 1, 1.0, Double.NaN, 1.0, Double.NaN, 99, 0, 0, 100, 0, Map.of());

        String text = LiveReports.pairedText(List.of(mdp, local), results);

        assertThat(text).contains("response +0.500 ± n/a s", "energy +2.000 ± n/a J");
    }

    @Test
    void percentileIsTheNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(LiveReports.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(LiveReports.percentile(sorted, 0.99)).isEqualTo(10);
    }
}
