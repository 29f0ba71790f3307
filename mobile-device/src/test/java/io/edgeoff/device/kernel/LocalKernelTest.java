package io.edgeoff.device.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.compute.ComputeKernel;
import io.edgeoff.common.testing.Measurements;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.ManualClock;
import java.util.Map;
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

        // 100 MI at 1000 MIPS is a floor of 0.1 s (pacing); load only adds to it, so no upper bound
        Measurements.record("local-kernel-100mi-at-1000mips", Map.of("ratedSeconds", 0.1, "seconds", seconds));
        assertThat(seconds).isGreaterThanOrEqualTo(0.1);
    }
}
