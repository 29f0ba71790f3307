package io.edgeoff.common.app;

/**
 * One task of one application execution, with its resource demands drawn.
 *
 * @param name                 task name
 * @param millionInstructions  work in MI, &gt;= 0
 * @param inKB                 input size in KB, &gt;= 0
 * @param outKB                output size in KB, &gt;= 0
 * @param memoryGb             memory need in GB
 * @param offloadable          whether the task may leave the device
 * @param sink                 whether the task has no successor (its output returns to the device)
 */
public record TaskInstance(String name, double millionInstructions, double inKB, double outKB, double memoryGb,
                           boolean offloadable, boolean sink) {
    public TaskInstance {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("task name must not be blank");
        }
        requireNonNegative("millionInstructions", name, millionInstructions);
        requireNonNegative("inKB", name, inKB);
        requireNonNegative("outKB", name, outKB);
        requireNonNegative("memoryGb", name, memoryGb);
    }

    private static void requireNonNegative(String field, String task, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("task " + task + ": " + field + " must be >= 0, but was " + value);
        }
    }
}
