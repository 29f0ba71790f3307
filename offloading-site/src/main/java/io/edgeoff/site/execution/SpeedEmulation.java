package io.edgeoff.site.execution;

import io.edgeoff.common.compute.ComputeKernel;

/**
 * How a site rated at {@code siteMips} turns a handler's time measured on its host (rated
 * {@code hostMips}) into its rated time: {@code measured x hostMips / siteMips}. A site rated slower
 * than its host ({@link Mode#STRETCH}) waits until that time has passed; a site rated faster
 * ({@link Mode#REPORT}) cannot run faster than its host, so it reports that time (the answer comes
 * after the measured time). {@code GET /v1/resources} states both speeds and the mode.
 *
 * @param siteMips  the site's rating, MIPS, &gt; 0
 * @param hostMips  the host's calibrated speed, MIPS, &gt; 0
 */
public record SpeedEmulation(double siteMips, double hostMips) {
    /** Machine instructions of one {@link ComputeKernel} round ({@link ComputeKernel#INSTRUCTIONS_PER_ROUND}). */
    public static final double INSTRUCTIONS_PER_KERNEL_ROUND = ComputeKernel.INSTRUCTIONS_PER_ROUND;

    /** What the site does with a handler's measured time. */
    public enum Mode {
        /** Rated slower than the host: the site waits until the rated time has passed. */
        STRETCH("stretch"),
        /** Rated faster than the host: the rated time is reported. */
        REPORT("report"),
        /** Rated as the host: the measured time is the rated time. */
        NONE("none");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        /** @return the name in {@code /v1/resources}' {@code speedEmulation} */
        public String wireName() {
            return wireName;
        }
    }

    public SpeedEmulation {
        if (!(siteMips > 0) || !Double.isFinite(siteMips)) {
            throw new IllegalArgumentException("siteMips must be > 0, but was " + siteMips);
        }
        if (!(hostMips > 0) || !Double.isFinite(hostMips)) {
            throw new IllegalArgumentException("hostMips must be > 0, but was " + hostMips);
        }
    }

    /** The host's speed from the kernel's time per round: {@link ComputeKernel#hostMips}. */
    public static double hostMipsOf(double nanosPerRound) {
        return ComputeKernel.hostMips(nanosPerRound);
    }

    /** @return rated time over host time, {@code hostMips / siteMips} */
    public double factor() {
        return hostMips / siteMips;
    }

    public Mode mode() {
        double f = factor();
        return f > 1 + 1e-9 ? Mode.STRETCH : f < 1 - 1e-9 ? Mode.REPORT : Mode.NONE;
    }

    /** @return the rated time of a call that took {@code measuredNanos} on the host */
    public long ratedNanos(long measuredNanos) {
        return Math.round(measuredNanos * factor());
    }
}
