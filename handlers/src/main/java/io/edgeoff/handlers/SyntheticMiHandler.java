package io.edgeoff.handlers;

import io.edgeoff.common.compute.ComputeKernel;
import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.TaskHandler;
import java.util.Map;

/**
 * The seed-faithful synthetic task: {@link ComputeKernel}'s rounds for {@code millionInstructions}
 * MI over the input, output {@code outBytes} bytes expanded from the digest (what a site returns for
 * a task sent without a handler). The kernel does about 2 % of the nominal instructions; a site
 * paces the rest (its rated MIPS), so on a site this handler is served by the synthetic path itself.
 *
 * <p>Parameters: {@code kind} (part of the digest, default empty), {@code millionInstructions}
 * (&gt;= 0, default 0), {@code outBytes} (0 to 16 MiB, default 0).
 */
public final class SyntheticMiHandler implements TaskHandler {
    public static final String NAME = "synthetic-mi";
    private static final double MAX_MI = 1e7;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "synthetic MI task of the seed: compute kernel rounds, output expanded from the digest";
    }

    @Override
    public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
        String kind = parameters.getOrDefault("kind", "");
        double mi;
        try {
            mi = Double.parseDouble(parameters.getOrDefault("millionInstructions", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter millionInstructions must be a number, but was '"
                    + parameters.get("millionInstructions") + "'");
        }
        if (!(mi >= 0) || mi > MAX_MI) {
            throw new IllegalArgumentException("parameter millionInstructions must be in [0, " + MAX_MI + "], but was " + mi);
        }
        int outBytes = Params.integer(parameters, "outBytes", 0, 0, 16 << 20);
        return ComputeKernel.expectedOutput(kind, mi, input, outBytes);
    }
}
