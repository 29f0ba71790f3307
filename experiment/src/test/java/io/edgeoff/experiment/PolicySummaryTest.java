package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.TaskOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySummaryTest {

    @Test
    void confidenceIntervalUsesStudentsTWithExecutionsMinusOneDegreesOfFreedom() {
        List<ExecutionResult> runs = List.of(run(0, 1.0, 4.0), run(1, 2.0, 4.0), run(2, 3.0, 4.0), run(3, 4.0, 4.0));

        PolicySummary s = LiveRows.summary("p", runs, 0, List.of("MD"), 34_200);

        // sample sd of 1,2,3,4 is 1.290994; t(0.975, 3) = 3.1824 (table); 3.1824 * 1.290994 / 2 = 2.0542
        assertThat(s.meanResponseSeconds()).isEqualTo(2.5);
        assertThat(s.ci95ResponseSeconds()).isCloseTo(2.0542, offset(1e-4));
        assertThat(s.meanEnergyJoules()).isEqualTo(4.0);
        assertThat(s.ci95EnergyJoules()).isZero();
    }

    @Test
    void aSingleExecutionHasNoConfidenceInterval() {
        PolicySummary s = LiveRows.summary("p", List.of(run(0, 1.5, 2.0)), 0, List.of("MD"), 34_200);

        assertThat(s.meanResponseSeconds()).isEqualTo(1.5);
        assertThat(s.ci95ResponseSeconds()).isNaN();
        assertThat(s.ci95EnergyJoules()).isNaN();
    }

    private static ExecutionResult run(int execution, double seconds, double joules) {
        return new ExecutionResult("r", "p", execution, "CHESS", seconds, joules, List.of());
    }

    @Test
    void countsFailuresAvailabilityTasksPerSiteAndBattery() {
        TaskOutcome offloaded = new TaskOutcome("r", "p", 0, "CHESS", 1, "UPDATE_CHESS", 2, "EC", true,
                List.of(new Attempt(1, "ED", FailureKind.REFUSED, "", 0.1, 0.13), new Attempt(2, "EC", null, "", 0.2, 0.2)),
                0.3, 0.33);
        TaskOutcome local = new TaskOutcome("r", "p", 0, "CHESS", 0, "GUI", 0, "MD", true,
                List.of(new Attempt(0, "MD", null, "", 0.15, 0.135)), 0.15, 0.135);
        ExecutionResult r1 = new ExecutionResult("r", "p", 0, "CHESS", 1.0, 34.2, List.of(offloaded, local));
        ExecutionResult r2 = new ExecutionResult("r", "p", 1, "CHESS", 3.0, 0.0, List.of(local));

        PolicySummary s = LiveRows.summary("p", List.of(r1, r2), 0, List.of("MD", "ED", "EC"), 34_200);

        assertThat(s.offloadAttempts()).isEqualTo(2);
        assertThat(s.offloadFailures()).isEqualTo(1);
        assertThat(s.serviceAvailabilityPercent()).isEqualTo(50.0);
        assertThat(s.tasksPerSite()).containsEntry("MD", 2L).containsEntry("ED", 0L).containsEntry("EC", 1L);
        assertThat(s.batteryPercentLeft()).isCloseTo(99.9, offset(1e-9));
        assertThat(s.meanResponseSeconds()).isEqualTo(2.0);
        assertThat(s.tasksLost()).isZero();
    }
}
