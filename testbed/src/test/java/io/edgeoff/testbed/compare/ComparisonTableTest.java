package io.edgeoff.testbed.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.results.PolicySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTableTest {
    private static final String HEADER = "policy,configuration,sample,execution,executions,tasks,response_s,energy_j,"
            + "battery_percent_left,offload_attempts,offload_failures,service_availability_percent,tasks_lost,"
            + "tasks_MD,failures_MD\n";

    @Test
    void readsTheDeviceExecutionsPerExecution(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("executions.csv");
        Files.writeString(csv, HEADER
                + "mdp,0,0,0,1,5,0.5,0.4,99.99,2,1,50.0,0,5,0\n"
                + "mdp,0,0,1,1,5,1.5,0.6,99.99,2,0,100.0,0,5,0\n");

        List<PolicySummary> results = ComparisonTable.read(csv);

        assertThat(results).hasSize(1);
        PolicySummary mdp = results.get(0);
        assertThat(mdp.executions()).isEqualTo(2);
        assertThat(mdp.meanResponseSeconds()).isEqualTo(1.0);
        assertThat(mdp.meanEnergyJoules()).isCloseTo(0.5, within(1e-12));
        assertThat(mdp.failuresPerExecution()).isEqualTo(0.5);
        assertThat(mdp.serviceAvailabilityPercent()).isEqualTo(75.0);
        // one sample (the live run): the battery used by both executions together
        assertThat(mdp.batteryPercentLeft()).isCloseTo(99.98, within(1e-9));
    }

    @Test
    void readsTheSimulatorSamplingsPerExecutionWithTheSpreadOverSamplings(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("samplings.csv");
        Files.writeString(csv, HEADER
                + "mdp,1,0,-1,10,50,10.0,5.0,99.9,20,1,95.0,0,10,1\n"
                + "mdp,1,1,-1,10,50,12.0,7.0,99.9,20,3,85.0,0,10,3\n");

        List<PolicySummary> results = ComparisonTable.read(csv);

        assertThat(results).hasSize(1);
        PolicySummary mdp = results.get(0);
        assertThat(mdp.executions()).isEqualTo(20);
        assertThat(mdp.samples()).isEqualTo(2);
        assertThat(mdp.meanResponseSeconds()).isCloseTo(1.1, within(1e-9));
        // per-execution response 1.0 and 1.2: sd sqrt(0.02), standard error 0.1, t(0.975, 1) = 12.706 (table)
        assertThat(mdp.ci95ResponseSeconds()).isCloseTo(1.2706, within(1e-4));
        assertThat(mdp.failuresPerExecution()).isCloseTo(0.2, within(1e-9));
        assertThat(mdp.serviceAvailabilityPercent()).isEqualTo(90.0);
        assertThat(mdp.batteryPercentLeft()).isCloseTo(99.9, within(1e-9));
    }

    @Test
    void aSingleSamplingOrExecutionHasNoIntervalAndTheTableSaysSo(@TempDir Path dir) throws IOException {
        Path samplings = dir.resolve("samplings.csv");
        Files.writeString(samplings, HEADER + "mdp,1,0,-1,10,50,10.0,5.0,99.9,20,1,95.0,0,10,1\n");
        Path executions = dir.resolve("executions.csv");
        Files.writeString(executions, HEADER + "mdp,0,0,0,1,5,0.878,0.637,99.98,3,0,100.0,0,5,0\n");

        List<PolicySummary> simulator = ComparisonTable.read(samplings);
        List<PolicySummary> testbed = ComparisonTable.read(executions);
        String table = ComparisonTable.format(testbed, simulator);

        assertThat(simulator.get(0).ci95ResponseSeconds()).isNaN();
        assertThat(testbed.get(0).ci95EnergyJoules()).isNaN();
        assertThat(table).contains("| mdp | 0.878 ± n/a | 1.000 ± n/a |").doesNotContain("NaN");
    }

    @Test
    void aFileWithoutAColumnOfTheSchemaIsRejectedNamingFileAndColumn(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("samplings.csv");
        Files.writeString(old, "configuration,policy,sampling,executions,tasks,responseTimeSeconds\n1,mdp,0,10,50,10.0\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComparisonTable.read(old))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(old + " line 2: no column 'sample'");
    }

    @Test
    void aNegativeHalfWidthIsRejectedNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> summary("mdp", 10, 1, -0.1, 1, 0, 0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ci95ResponseSeconds must be >= 0 or NaN, but was -0.1");
    }

    @Test
    void putsBothSidesOfAPolicyOnOneRowWithTheRelativeGap() {
        PolicySummary testbed = summary("mdp", 10, 1.1, 0.1, 0.5, 0.05, 2, 98.0);
        PolicySummary simulator = summary("mdp", 2000, 1.0, 0.01, 0.5, 0.01, 200, 99.0);

        String table = ComparisonTable.format(List.of(testbed), List.of(simulator));

        assertThat(table).contains("| mdp | 1.100 ± 0.100 | 1.000 ± 0.010 | +10% | 0.500 ± 0.050 | 0.500 ± 0.010 | +0% "
                + "| 0.200 | 0.100 | 98.0 | 99.0 |");
    }

    private static PolicySummary summary(String policy, long executions, double time, double timeCi, double energy,
                                         double energyCi, long failures, double availability) {
        return new PolicySummary(policy, executions, executions, time, timeCi, energy, energyCi, 99, 1000, failures,
                availability, 0, Map.of());
    }
}
