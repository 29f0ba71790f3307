package io.edgeoff.device.runtime;

import io.edgeoff.decision.placement.PlacementRules;
import java.util.Objects;

/**
 * Settings of the device runtime. Whether a suspected site is excluded is not a runtime setting: each policy's
 * registry entry states it ({@code PolicySpec.onSuspicion}), and the placement loop applies it.
 *
 * @param threads        worker threads running ready tasks in parallel (default 8)
 * @param placement      the placement loop's rules: remote attempts after which a task runs on the device
 *                       (default 4), the same rules the simulator's loop runs under
 * @param verifyOutputs  check every site's output against the shared compute kernel; a wrong output
 *                       is a failed attempt (default true; costs the device the kernel's real work,
 *                       about 2 % of a task's rated time at the site)
 * @param measuredInputs plan with the resource monitor's measured link latency, bandwidth and queueing delay
 *                       ({@code monitor.NetworkEstimator}, the scenario's values as priors) instead of the scenario's
 *                       values alone (default true)
 * @param learnAvailability combine each site's forecast with what the device observes of it (failed and successful
 *                       attempts, suspicions; {@code monitor.AvailabilityBelief}) into the down probability the
 *                       policies see (default true)
 */
public record RuntimeConfig(int threads, PlacementRules placement, boolean verifyOutputs, boolean measuredInputs,
                            boolean learnAvailability) {
    public RuntimeConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
        }
        Objects.requireNonNull(placement, "placement");
    }

    /** Settings with measured inputs and learning on (the defaults). */
    public RuntimeConfig(int threads, PlacementRules placement, boolean verifyOutputs) {
        this(threads, placement, verifyOutputs, true, true);
    }

    public static RuntimeConfig ofDefaults() {
        return new RuntimeConfig(8, PlacementRules.ofDefaults(), true);
    }

    /**
     * These settings planning with the scenario's values and the sites' forecasts alone, as the simulator does (no
     * measured inputs, no learning): what the twin test compares.
     */
    public RuntimeConfig scenarioInputsOnly() {
        return new RuntimeConfig(threads, placement, verifyOutputs, false, false);
    }
}
