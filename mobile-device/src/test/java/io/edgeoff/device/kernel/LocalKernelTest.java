package io.edgeoff.device.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.compute.ComputeKernel;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.ManualClock;
import org.junit.jupiter.api.Test;

class LocalKernelTest {

    @Test
    void outputIsTheSharedKernelsSoItEqualsWhatASiteReturns() {
        LocalKernel kernel = new LocalKernel(new ManualClock());
        byte[] input = {1, 2, 3};

        byte[] local = kernel.execute("DI", input, 2, 5, 1000);

        assertThat(local).hasSize(5 * 1024).isEqualTo(ComputeKernel.expectedOutput("DI", 2, input, 5 * 1024));
        assertThat(kernel.execute("DI", new byte[] {1, 2, 4}, 2, 5, 1000)).isNotEqualTo(local);
        assertThat(LocalKernel.isGenuine("DI", 2, input, local)).isTrue();
        assertThat(LocalKernel.isGenuine("DI", 3, input, local)).isFalse();
    }

    @Test
    void takesMillionInstructionsOverMipsSeconds() {
        LocalKernel kernel = new LocalKernel(DeviceClock.SYSTEM);

        long start = System.nanoTime();
        kernel.execute("R", new byte[1024], 100, 4, 1000);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).isBetween(0.1, 0.5);
    }
}
