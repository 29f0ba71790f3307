package io.edgeoff.common.compute;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The deterministic compute kernel that gives an offloaded task its real CPU work.
 *
 * <p>Calibration: one million instructions (MI) of a task are {@value #ROUNDS_PER_MI} rounds of a
 * 64-bit mixing function (a multiply-xorshift finaliser, about ten machine instructions, each round
 * depending on the previous one so it cannot be vectorised or skipped), i.e. the kernel really
 * executes about 2 % of the task's nominal instruction count, on any host, with the same result on
 * every host. A site rated at {@code M} MIPS then paces the task so that {@code MI / M} seconds
 * elapse in total (see {@link TaskExecutor}), so several sites of different ratings can share one
 * machine; {@link #measureNanosPerRound} measures how much of that time is CPU work on the current
 * machine (6 % at 8 000 MIPS on this project's 2-core test machine when it was quiet).
 *
 * <p>The result is a 64-bit digest of the kind, the MI and every input byte after the rounds; the
 * task's output bytes are an expansion of that digest ({@link #expand}), so a client can check that
 * the site really executed its task ({@link #expectedOutput}).
 */
public final class ComputeKernel {
    /** Kernel rounds per million instructions. */
    public static final long ROUNDS_PER_MI = 2_000;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Eight bytes at a time, least significant first (what the byte-by-byte definition reads). */
    private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private ComputeKernel() {
    }

    /** @return the number of kernel rounds for {@code millionInstructions} (rounded to the nearest round) */
    public static long rounds(double millionInstructions) {
        return Math.round(millionInstructions * ROUNDS_PER_MI);
    }

    /**
     * Runs the kernel.
     *
     * @param kind                 task kind name (part of the digest)
     * @param millionInstructions  work, &gt;= 0
     * @param input                the task's input bytes
     * @return the digest
     */
    public static long digest(String kind, double millionInstructions, byte[] input) {
        long state = GOLDEN ^ Double.doubleToLongBits(millionInstructions);
        for (byte b : kind.getBytes(StandardCharsets.UTF_8)) {
            state = mix(state ^ (b & 0xFF));
        }
        int i = 0;
        for (; i + 8 <= input.length; i += 8) {
            state = mix(state ^ (long) LITTLE_ENDIAN_LONGS.get(input, i));
        }
        for (; i < input.length; i++) {
            state = mix(state ^ (input[i] & 0xFF));
        }
        state = mix(state ^ input.length);
        return burn(state, rounds(millionInstructions));
    }

    /** Runs {@code rounds} dependent mixing rounds starting from {@code state}. */
    static long burn(long state, long rounds) {
        long s = state;
        for (long r = 0; r < rounds; r++) {
            s = mix(s + GOLDEN);
        }
        return s;
    }

    /** Fills {@code out} with the deterministic expansion of {@code digest} (a SplitMix64 stream). */
    public static void expand(long digest, byte[] out) {
        long s = digest;
        int i = 0;
        for (; i + 8 <= out.length; i += 8) {
            s += GOLDEN;
            LITTLE_ENDIAN_LONGS.set(out, i, mix(s));
        }
        if (i < out.length) {
            s += GOLDEN;
            long word = mix(s);
            for (int k = 0; i < out.length; k++, i++) {
                out[i] = (byte) (word >>> (8 * k));
            }
        }
    }

    /** @return the output a site must return for this task: {@code outBytes} bytes expanded from the digest */
    public static byte[] expectedOutput(String kind, double millionInstructions, byte[] input, int outBytes) {
        byte[] out = new byte[outBytes];
        expand(digest(kind, millionInstructions, input), out);
        return out;
    }

    /**
     * Machine instructions of one kernel round (a multiply-xorshift finaliser: two multiplications, three shifts,
     * three xors and the loop's add), the basis of {@link #hostMips}.
     */
    public static final double INSTRUCTIONS_PER_ROUND = 10;

    /**
     * The host's speed from the kernel's measured time per round ({@link #measureNanosPerRound}):
     * {@value #INSTRUCTIONS_PER_ROUND} instructions per round, so {@code 10 000 / nanosPerRound} MIPS. An estimate for
     * dependent integer code, the one a site's speed emulation and the device's local handlers both use.
     */
    public static double hostMips(double nanosPerRound) {
        if (!(nanosPerRound > 0)) {
            throw new IllegalArgumentException("nanosPerRound must be > 0, but was " + nanosPerRound);
        }
        return INSTRUCTIONS_PER_ROUND * 1_000 / nanosPerRound;
    }

    /**
     * Measures the host's speed: warms the kernel up (2 million rounds, so the JIT compiles it), runs
     * it four times for about a quarter of {@code budgetNanos} each and returns the fastest mean time
     * of one round in nanoseconds. On a busy machine this is still an upper bound of the idle speed.
     */
    public static double measureNanosPerRound(long budgetNanos) {
        long warm = 0;
        for (int i = 0; i < 200; i++) {
            warm ^= burn(warm + i, 10_000); // lets the JIT compile the loop before it is timed
        }
        if (warm == 42) {
            Thread.onSpinWait();
        }
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 4; attempt++) {
            best = Math.min(best, measureOnce(budgetNanos / 4));
        }
        return best;
    }

    private static double measureOnce(long budgetNanos) {
        long rounds = 1_000;
        long sink = 0;
        long start = System.nanoTime();
        long elapsed;
        long total = 0;
        do {
            sink ^= burn(sink + total, rounds);
            total += rounds;
            rounds *= 2;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budgetNanos);
        if (sink == 42) {
            // Keeps the result observable so the loop cannot be removed.
            Thread.onSpinWait();
        }
        return (double) elapsed / total;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
