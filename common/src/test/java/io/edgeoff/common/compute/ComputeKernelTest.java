package io.edgeoff.common.compute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComputeKernelTest {
    @Test
    void theSameTaskGivesTheSameOutputEveryTime() {
        byte[] input = {1, 2, 3, 4, 5, 6, 7, 8, 9};

        assertThat(ComputeKernel.expectedOutput("CI", 600, input, 4096))
                .isEqualTo(ComputeKernel.expectedOutput("CI", 600, input, 4096));
    }

    @Test
    void theOutputDependsOnEveryInputByteTheKindAndTheWork() {
        byte[] input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        byte[] changed = input.clone();
        changed[8] = 10;
        long base = ComputeKernel.digest("CI", 600, input);

        assertThat(ComputeKernel.digest("CI", 600, changed)).isNotEqualTo(base);
        assertThat(ComputeKernel.digest("R", 600, input)).isNotEqualTo(base);
        assertThat(ComputeKernel.digest("CI", 601, input)).isNotEqualTo(base);
    }

    @Test
    void theWorkIsProportionalToTheMillionInstructions() {
        assertThat(ComputeKernel.rounds(0)).isZero();
        assertThat(ComputeKernel.rounds(150)).isEqualTo(150 * ComputeKernel.ROUNDS_PER_MI);
        assertThat(ComputeKernel.rounds(0.5)).isEqualTo(ComputeKernel.ROUNDS_PER_MI / 2);
    }

    @Test
    void aRoundTakesMeasurableTimeOnThisHost() {
        double nanos = ComputeKernel.measureNanosPerRound(5_000_000);

        assertThat(nanos).isBetween(0.05, 1_000.0);
    }

    @Test
    void theOutputHasExactlyTheRequestedSize() {
        assertThat(ComputeKernel.expectedOutput("R", 1, new byte[0], 0)).isEmpty();
        assertThat(ComputeKernel.expectedOutput("R", 1, new byte[0], 13)).hasSize(13);
    }
}
