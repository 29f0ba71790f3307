package io.edgeoff.device.profiler;

/**
 * The profiler's estimate for one task of one application.
 *
 * @param millionInstructions  estimated work, MI
 * @param outKB                estimated output size, KB
 * @param samples              measurements folded in (the configured prior counts as one)
 */
public record TaskProfile(double millionInstructions, double outKB, long samples) {

    /**
     * Folds in one measurement: an incremental mean while there are fewer than {@code window} samples,
     * then an exponentially weighted mean with weight {@code 1 / window} (it keeps following drift).
     */
    public TaskProfile observe(double measuredMi, double measuredOutKB, int window) {
        long n = samples + 1;
        double weight = 1.0 / Math.min(n, window);
        return new TaskProfile(millionInstructions + weight * (measuredMi - millionInstructions),
                outKB + weight * (measuredOutKB - outKB), n);
    }
}
