package io.edgeoff.device.kernel;

import io.edgeoff.device.DeviceClock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Executes one task: derives {@code outKB * 1024} output bytes from the input with SHA-256 in counter
 * mode (real work that depends on every input byte), then waits until {@code MI / MIPS} seconds have
 * passed since the start, so the task takes the time its rating promises without burning a core for
 * the whole duration (the machine running a demo is shared by several site processes). If the hashing
 * alone takes longer than the rated time, the task simply takes longer (a slow host never finishes
 * early). Thread-safe.
 */
public final class ComputeKernel {
    private final DeviceClock clock;

    public ComputeKernel(DeviceClock clock) {
        this.clock = clock;
    }

    /**
     * @param input                task input
     * @param millionInstructions  task work, MI, &gt;= 0
     * @param outKB                output size, KB, &gt;= 0
     * @param mips                 rating of the executing site, MI/s, &gt; 0
     * @return the output, {@code round(outKB * 1024)} bytes
     */
    public byte[] execute(byte[] input, double millionInstructions, double outKB, double mips) {
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
        byte[] output = digest(input, (int) Math.round(outKB * 1024));
        long ratedNanos = (long) (millionInstructions / mips * 1e9);
        long left = ratedNanos - (clock.nanoTime() - start);
        if (left > 0) {
            clock.sleepNanos(left);
        }
        return output;
    }

    /** SHA-256(input) chained in counter mode to {@code length} bytes. */
    static byte[] digest(byte[] input, int length) {
        MessageDigest sha = sha256();
        byte[] seed = sha.digest(input);
        byte[] out = new byte[length];
        byte[] block = seed;
        for (int offset = 0, counter = 0; offset < length; offset += block.length, counter++) {
            sha.update(seed);
            sha.update((byte) (counter >>> 24));
            sha.update((byte) (counter >>> 16));
            sha.update((byte) (counter >>> 8));
            sha.update((byte) counter);
            block = sha.digest();
            System.arraycopy(block, 0, out, offset, Math.min(block.length, length - offset));
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
