package io.edgeoff.simulator.run;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeds derived from the run seed by purpose name and indices (SplitMix64 finaliser over the seed, the
 * purpose's {@link String#hashCode()}, which Java specifies, and each index). Deterministic across JVMs.
 *
 * <p>Purposes used by the runner: {@code network} (configuration: cloud latencies), {@code workload}
 * (configuration, sampling: applications and task sizes), {@code trace-offset} (configuration, sampling:
 * where each site starts in its trace), {@code failures} (configuration, sampling: the seed mode's per-epoch
 * draws), {@code policy:<name>} (configuration, sampling: the policy's own randomness; the policy's name, not its
 * place in {@code --policies}, so a unit's streams are a function of its identity alone).
 *
 * <p>Every purpose's indices name a unit of the experiment (configuration id, sampling index; never a position in a
 * run order or a thread), which is what makes a shard of an experiment ({@code edgeoff simulate --shard I/N}) give
 * exactly the numbers its units give in an unsharded run.
 */
public final class Seeds {
    private Seeds() {
    }

    /** @return a seed for {@code purpose} at {@code indices}, derived from {@code rootSeed} */
    public static long derive(long rootSeed, String purpose, long... indices) {
        long h = mix(rootSeed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ purpose.hashCode());
        for (long index : indices) {
            h = mix(h + 0x9E3779B97F4A7C15L + index);
        }
        return h;
    }

    /** @return the purpose of policy {@code policyName}'s own random stream */
    public static String policyPurpose(String policyName) {
        return "policy:" + policyName;
    }

    /** @return a new generator for {@code purpose} at {@code indices} */
    public static RandomGenerator stream(long rootSeed, String purpose, long... indices) {
        return new SplittableRandom(derive(rootSeed, purpose, indices));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
