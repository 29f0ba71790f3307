package io.edgeoff.device.kernel;

import io.edgeoff.common.compute.ComputeKernel;
import io.edgeoff.device.DeviceClock;

/**
 * Runs a task on the device with the same {@link ComputeKernel} the sites use: the kernel's real work on
 * the task's kind, MI and input gives the output bytes, then the device waits until {@code MI / MIPS}
 * seconds have passed since the start, so the task takes the time the device's rating promises (the same
 * pacing as a site's executor). If the kernel alone takes longer, the task takes longer. Thread-safe.
 */
public final class LocalKernel {
    private final DeviceClock clock;

    public LocalKernel(DeviceClock clock) {
        this.clock = clock;
    }

    /**
     * @param kind                 task kind name (part of the kernel's digest)
     * @param input                task input
     * @param millionInstructions  task work, MI, &gt;= 0
     * @param outKB                output size, KB, &gt;= 0
     * @param mips                 rating of the device, MI/s, &gt; 0
     * @return the output, {@code round(outKB * 1024)} bytes, equal to what a site returns for the same task
     */
    public byte[] execute(String kind, byte[] input, double millionInstructions, double outKB, double mips) {
        if (!(millionInstructions >= 0)) {
            throw new IllegalArgumentException("millionInstructions must be >= 0, but was " + millionInstructions);
        }
        if (!(mips > 0)) {
            throw new IllegalArgumentException("mips must be > 0, but was " + mips);
        }
        if (!(outKB >= 0)) {
            throw new IllegalArgumentException("outKB must be >= 0, but was " + outKB);
        }
        long start = clock.nanoTime();
        byte[] output = ComputeKernel.expectedOutput(kind, millionInstructions, input, (int) Math.round(outKB * 1024));
        long ratedNanos = (long) (millionInstructions / mips * 1e9);
        long left = ratedNanos - (clock.nanoTime() - start);
        if (left > 0) {
            clock.sleepNanos(left);
        }
        return output;
    }

    /** @return true when {@code output} is what the kernel gives for this task (a site really executed it) */
    public static boolean isGenuine(String kind, double millionInstructions, byte[] input, byte[] output) {
        return java.util.Arrays.equals(output,
                ComputeKernel.expectedOutput(kind, millionInstructions, input, output.length));
    }
}
