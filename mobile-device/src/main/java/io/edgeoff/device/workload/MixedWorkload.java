package io.edgeoff.device.workload;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The seed's mixed workload: before each execution an application is drawn from the scenario's
 * workload mix (seed: FACEBOOK 0.45, GPS_NAVIGATOR 0.30, FACERECOGNIZER 0.10, CHESS 0.10, ANTIVIRUS 0.05),
 * then each of its tasks' MI and data sizes uniformly from its kind's ranges. The same seed gives the same
 * sequence, so every policy of a comparison runs the same executions. Not thread-safe.
 */
public final class MixedWorkload {
    private final Scenario scenario;
    private final io.edgeoff.common.app.WorkloadMix mix;
    private final RandomGenerator random;

    /** The random generator algorithm of the workload and input streams (the simulator's twin uses it too). */
    public static final String GENERATOR = "L64X128MixRandom";

    public MixedWorkload(Scenario scenario, long seed) {
        this(scenario, scenario.workload(), seed);
    }

    /** The applications of {@code scenario} drawn from {@code mix} (a fleet device's own workload). */
    public MixedWorkload(Scenario scenario, io.edgeoff.common.app.WorkloadMix mix, long seed) {
        this.scenario = scenario;
        this.mix = java.util.Objects.requireNonNull(mix, "mix");
        this.random = RandomGeneratorFactory.of(GENERATOR).create(seed);
    }

    /** @return the next application execution */
    public AppInstance next() {
        String name = mix.draw(random);
        return AppInstance.draw(scenario.application(name), random);
    }

    /** @return the next {@code count} executions */
    public List<AppInstance> take(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, but was " + count);
        }
        List<AppInstance> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(next());
        }
        return list;
    }

    /**
     * Deterministic input bytes of one task: {@code round(inKB * 1024)} bytes drawn from a generator seeded
     * with {@code seed}, the execution number and the task index.
     */
    public static byte[] inputBytes(long seed, int execution, int taskIndex, double inKB) {
        RandomGenerator r = RandomGeneratorFactory.of(GENERATOR).create(inputSeed(seed, execution, taskIndex));
        byte[] bytes = new byte[(int) Math.round(inKB * 1024)];
        r.nextBytes(bytes);
        return bytes;
    }

    /** @return the seed of one task's input: {@code seed * 1 000 003 + execution * 1 009 + taskIndex} */
    public static long inputSeed(long seed, int execution, int taskIndex) {
        return seed * 1_000_003L + execution * 1_009L + taskIndex;
    }
}
