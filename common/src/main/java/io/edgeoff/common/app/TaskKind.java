package io.edgeoff.common.app;

import java.util.Objects;

/**
 * A class of tasks with resource ranges (seed: {@code R} regular, {@code DI} data-intensive,
 * {@code CI} compute-intensive).
 *
 * @param name                 kind name
 * @param millionInstructions  work in million instructions (MI)
 * @param inKB                 input data sent to the executing site, KB
 * @param outKB                output data returned to the device, KB
 */
public record TaskKind(String name, Range millionInstructions, Range inKB, Range outKB) {
    public TaskKind {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("task kind name must not be blank");
        }
        Objects.requireNonNull(millionInstructions, "millionInstructions");
        Objects.requireNonNull(inKB, "inKB");
        Objects.requireNonNull(outKB, "outKB");
    }
}
