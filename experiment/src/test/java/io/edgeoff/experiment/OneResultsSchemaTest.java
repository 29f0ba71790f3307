package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultRow;
import io.edgeoff.common.results.ResultsCsv;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.report.SamplingCsv;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run's {@code executions.csv} (written by the live reports) and a simulation's {@code samplings.csv} (written
 * by the simulator's report) are read by the same reader into the same record type, with the same columns, and
 * summarised the same way: the test-bed's comparison needs nothing else.
 */
class OneResultsSchemaTest {
    @TempDir
    Path dir;

    private final Scenario seed = ScenarioYaml.load("seed");
    private final List<String> sites = seed.sites().stream().map(Site::id).toList();
    private final int md = seed.siteIndex("MD");
    private final int ec = seed.siteIndex("EC");
    private final int ed = seed.siteIndex("ED");

    @Test
    void aLiveRunAndASimulationAreReadByOneReaderIntoOneRecordType() throws Exception {
        // live: two executions of mdp; the first has a task on EC after a refused attempt on ED
        TaskOutcome onEc = new TaskOutcome("r", "mdp", 0, "CHESS", 1, "UPDATE_CHESS", ec, "EC", true,
                List.of(new Attempt(ed, "ED", FailureKind.REFUSED, "", 0.1, 0.1), new Attempt(ec, "EC", null, "", 0.2, 0.2)),
                0.3, 0.3);
        TaskOutcome local = new TaskOutcome("r", "mdp", 0, "CHESS", 0, "GUI", md, "MD", true,
                List.of(new Attempt(md, "MD", null, "", 0.1, 0.1)), 0.1, 0.1);
        List<ExecutionResult> executions = List.of(
                new ExecutionResult("r", "mdp", 0, "CHESS", 1.0, 0.4, List.of(onEc, local)),
                new ExecutionResult("r", "mdp", 1, "CHESS", 3.0, 0.1, List.of(local)));
        double battery = seed.devicePower().batteryJoules();
        List<ResultRow> liveRows = LiveRows.of(executions, 1, md, sites, battery);
        List<PolicySummary> liveSummaries = List.of(PolicySummary.of("mdp", liveRows));
        Path live = dir.resolve("live");
        LiveReports.writeAll(live, "live", Map.of(), new LiveComparison.Outcome(liveSummaries, executions, liveRows,
                new DetectionStats(List.of(), Map.of(), 0), 100));
        // simulated: one sampling of the same two executions
        long[] tasks = new long[sites.size()];
        tasks[md] = 2;
        tasks[ec] = 1;
        long[] failures = new long[sites.size()];
        failures[ed] = 1;
        SamplingMetrics sampling = new SamplingMetrics(1, "mdp", 0, 2, 3, 4.0, 0.5, 100 * (1 - 0.5 / battery), 1, 2,
                50.0, tasks, failures);
        Path simulated = dir.resolve("samplings.csv");
        SamplingCsv.write(simulated, new ExperimentResult(ExperimentSpec.of(seed, List.of(1), List.of("mdp"), 1, 2, 1),
                sites, List.of(sampling), "test"));

        List<ResultRow> fromLive = ResultsCsv.readRows(live.resolve("executions.csv"));
        List<ResultRow> fromSimulator = ResultsCsv.readRows(simulated);

        assertThat(Files.readAllLines(live.resolve("executions.csv")).get(0))
                .isEqualTo(Files.readAllLines(simulated).get(0))
                .startsWith("policy,configuration,sample,execution,executions,tasks,response_s,energy_j,"
                        + "battery_percent_left,offload_attempts,offload_failures,service_availability_percent,tasks_lost,"
                        + "tasks_MD,");
        assertThat(fromLive).isEqualTo(liveRows);
        assertThat(fromSimulator).containsExactly(SamplingCsv.row(sampling, sites));
        PolicySummary a = PolicySummary.of("mdp", fromLive);
        PolicySummary b = PolicySummary.of("mdp", fromSimulator);
        assertThat(a.executions()).isEqualTo(b.executions()).isEqualTo(2);
        assertThat(a.meanResponseSeconds()).isEqualTo(b.meanResponseSeconds()).isEqualTo(2.0);
        assertThat(a.meanEnergyJoules()).isCloseTo(b.meanEnergyJoules(), within(1e-12));
        assertThat(a.offloadAttempts()).isEqualTo(b.offloadAttempts()).isEqualTo(2);
        assertThat(a.offloadFailures()).isEqualTo(b.offloadFailures()).isEqualTo(1);
        assertThat(a.serviceAvailabilityPercent()).isEqualTo(b.serviceAvailabilityPercent()).isEqualTo(50.0);
        assertThat(a.batteryPercentLeft()).isCloseTo(b.batteryPercentLeft(), within(1e-9));
        assertThat(a.tasksPerSite()).isEqualTo(b.tasksPerSite()).containsEntry("EC", 1L).containsEntry("MD", 2L);
        // the live summary file holds the same record, under the same names
        assertThat(ResultsCsv.readSummaries(live.resolve("summary.csv"))).containsExactly(liveSummaries.get(0));
    }
}
