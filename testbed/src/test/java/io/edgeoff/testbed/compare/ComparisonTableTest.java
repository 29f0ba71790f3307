package io.edgeoff.testbed.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTableTest {

    @Test
    void readsTheDeviceSummaryPerExecution(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("summary.csv");
        Files.writeString(csv, "policy,executions,mean_response_s,ci95_response_s,mean_energy_j,ci95_energy_j,"
                + "battery_percent_left,offload_attempts,offload_failures,service_availability_percent,tasks_lost\n"
                + "mdp,10,0.878,0.218,0.637,0.171,99.98,28,2,96.43,0\n");

        List<PolicyResult> results = DeviceSummaryCsv.read(csv);

        assertThat(results).containsExactly(new PolicyResult("mdp", 10, 0.878, 0.218, 0.637, 0.171, 0.2, 96.43));
    }

    @Test
    void readsTheSimulatorSamplingsPerExecutionWithTheSpreadOverSamplings(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("samplings.csv");
        Files.writeString(csv, "configuration,policy,sampling,executions,tasks,responseTimeSeconds,energyJoules,"
                + "batteryPercent,failures,offloadAttempts,serviceAvailability,tasks_MD\n"
                + "1,mdp,0,10,50,10.0,5.0,99.9,1,20,95.0,10\n"
                + "1,mdp,1,10,50,12.0,7.0,99.9,3,20,85.0,10\n");

        List<PolicyResult> results = SimulatorSamplingsCsv.read(csv);

        assertThat(results).hasSize(1);
        PolicyResult mdp = results.get(0);
        assertThat(mdp.executions()).isEqualTo(20);
        assertThat(mdp.responseSeconds()).isCloseTo(1.1, org.assertj.core.api.Assertions.within(1e-9));
        // per-execution response 1.0 and 1.2: sd sqrt(0.02), standard error 0.1, t(0.975, 1) = 12.706 (table)
        assertThat(mdp.responseCi95Seconds()).isCloseTo(1.2706, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(mdp.failuresPerExecution()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(mdp.availabilityPercent()).isEqualTo(90.0);
    }

    @Test
    void aSingleSamplingOrExecutionHasNoIntervalAndTheTableSaysSo(@TempDir Path dir) throws IOException {
        Path samplings = dir.resolve("samplings.csv");
        Files.writeString(samplings, "configuration,policy,sampling,executions,tasks,responseTimeSeconds,energyJoules,"
                + "batteryPercent,failures,offloadAttempts,serviceAvailability\n"
                + "1,mdp,0,10,50,10.0,5.0,99.9,1,20,95.0\n");
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, "policy,executions,mean_response_s,ci95_response_s,mean_energy_j,ci95_energy_j,"
                + "battery_percent_left,offload_attempts,offload_failures,service_availability_percent,tasks_lost\n"
                + "mdp,1,0.878,,0.637,,99.98,3,0,100.0,0\n");

        List<PolicyResult> simulator = SimulatorSamplingsCsv.read(samplings);
        List<PolicyResult> testbed = DeviceSummaryCsv.read(summary);
        String table = ComparisonTable.format(testbed, simulator);

        assertThat(simulator.get(0).responseCi95Seconds()).isNaN();
        assertThat(testbed.get(0).energyCi95Joules()).isNaN();
        assertThat(table).contains("| mdp | 0.878 ± n/a | 1.000 ± n/a |").doesNotContain("NaN");
    }

    @Test
    void aNegativeHalfWidthIsRejectedNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PolicyResult("mdp", 10, 1, -0.1, 1, 0, 0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("responseCi95Seconds must be >= 0 or NaN, but was -0.1");
    }

    @Test
    void putsBothSidesOfAPolicyOnOneRowWithTheRelativeGap() {
        PolicyResult testbed = new PolicyResult("mdp", 10, 1.1, 0.1, 0.5, 0.05, 0.2, 98.0);
        PolicyResult simulator = new PolicyResult("mdp", 2000, 1.0, 0.01, 0.5, 0.01, 0.1, 99.0);

        String table = ComparisonTable.format(List.of(testbed), List.of(simulator));

        assertThat(table).contains("| mdp | 1.100 ± 0.100 | 1.000 ± 0.010 | +10% | 0.500 ± 0.050 | 0.500 ± 0.010 | +0% "
                + "| 0.200 | 0.100 | 98.0 | 99.0 |");
    }
}
