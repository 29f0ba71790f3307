package io.edgeoff.handlers;

import java.util.Map;

/**
 * The work a built-in handler is asked to do, in million instructions of the scenario's cost model: with the parameter
 * {@code effortMi=N} a built-in handler does, on top of its usual work on the input, genuine input-dependent work of
 * about {@code N} million instructions, that is {@code N} ms at 1000 MIPS (the scenario's device), through its own
 * knob: {@code chess} a node budget for an iterative-deepening search, {@code antivirus} more scan passes (the file
 * decoded with single-byte XOR keys, as packed malware hides), {@code face-recognizer} more views of its image pyramid,
 * {@code gps-navigator} more shortest-path queries from sources derived from the input, {@code facebook} more feed views
 * built and compressed at level 9. Each knob's units per MI were calibrated on the project's host against the compute
 * kernel's MIPS (docs/PERFORMANCE.md, "Handler effort calibration"). The work is counted in the handler's own units
 * (nodes, bytes, pixels, settled junctions), never in time, so the same input and parameters give the same output.
 *
 * <p>Without the parameter (or {@code effortMi=0}) a handler does its usual work only. A value above {@link #MAX_MI}
 * is refused (HTTP 422 {@code HANDLER_INVALID_INPUT} on a site), so no request can ask a site for hours of work.
 */
public final class Effort {
    /** The parameter: million instructions of work, an integer in [0, {@link #MAX_MI}]. */
    public static final String PARAMETER = "effortMi";
    /** The largest effort a call may ask for: 20 000 MI, 20 s at 1000 MIPS (the site's time budget is 30 s). */
    public static final int MAX_MI = 20_000;

    private Effort() {
    }

    /** @return the effort the parameters ask for, MI; 0 when absent; a bad value names the parameter and its range */
    public static int millionInstructions(Map<String, String> parameters) {
        return Params.integer(parameters, PARAMETER, 0, 0, MAX_MI);
    }

    /** @return {@code effortMi x unitsPerMi}, the handler's budget in its own units (at most {@code Long.MAX_VALUE}) */
    static long budget(int effortMi, double unitsPerMi) {
        return (long) Math.min(Long.MAX_VALUE / 2.0, Math.ceil(effortMi * unitsPerMi));
    }
}
