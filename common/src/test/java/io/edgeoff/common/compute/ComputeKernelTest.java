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
    void digestAndExpansionNeverChangeBetweenVersions() {
        // A device checks a site's output with its own copy of the kernel: values pinned at 2026-11-29.
        byte[] input = new byte[1029];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 37 + 11);
        }
        byte[] out = new byte[21];
        ComputeKernel.expand(0x1234_5678_9ABC_DEF0L, out);

        assertThat(ComputeKernel.digest("CI", 0, input)).isEqualTo(-562916574383544672L);
        assertThat(ComputeKernel.digest("R", 2.5, java.util.Arrays.copyOf(input, 13))).isEqualTo(-254247212707690935L);
        assertThat(java.util.HexFormat.of().formatHex(out)).isEqualTo("e850ce45c6221916607b69a1af0c76ad0da52c9044");
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
