package io.edgeoff.device.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.ManualClock;
import org.junit.jupiter.api.Test;

class ComputeKernelTest {

    @Test
    void outputHasTheRequestedSizeAndDependsOnTheInput() {
        ComputeKernel kernel = new ComputeKernel(new ManualClock());

        byte[] a = kernel.execute(new byte[] {1, 2, 3}, 0, 5, 1000);
        byte[] b = kernel.execute(new byte[] {1, 2, 3}, 0, 5, 1000);
        byte[] c = kernel.execute(new byte[] {1, 2, 4}, 0, 5, 1000);

        assertThat(a).hasSize(5 * 1024).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void takesMillionInstructionsOverMipsSeconds() {
        ComputeKernel kernel = new ComputeKernel(DeviceClock.SYSTEM);

        long start = System.nanoTime();
        kernel.execute(new byte[1024], 100, 4, 1000);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).isBetween(0.1, 0.5);
    }
}
