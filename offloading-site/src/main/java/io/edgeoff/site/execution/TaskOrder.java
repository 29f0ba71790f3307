package io.edgeoff.site.execution;

import java.util.Arrays;
import java.util.Objects;

/**
 * A validated task submitted to the site.
 *
 * @param idempotencyKey       client-chosen key; a repeat returns the first result
 * @param taskName             the application task's name (informational), may be empty
 * @param kind                 task kind from the site's catalogue
 * @param millionInstructions  work, &gt;= 0
 * @param outBytes             output size in bytes, &gt;= 0
 * @param input                input payload
 */
public record TaskOrder(String idempotencyKey, String taskName, String kind, double millionInstructions,
                        int outBytes, byte[] input) {
    public TaskOrder {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        if (!(millionInstructions >= 0) || !Double.isFinite(millionInstructions)) {
            throw new IllegalArgumentException("millionInstructions must be >= 0, but was " + millionInstructions);
        }
        if (outBytes < 0) {
            throw new IllegalArgumentException("outBytes must be >= 0, but was " + outBytes);
        }
    }

    /** @return a fingerprint of everything but the key, to detect a key reused for a different task */
    public long fingerprint() {
        long h = Objects.hash(taskName, kind, millionInstructions, outBytes);
        return 31 * h + Arrays.hashCode(input);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskOrder t && t.idempotencyKey.equals(idempotencyKey) && t.fingerprint() == fingerprint();
    }

    @Override
    public int hashCode() {
        return Objects.hash(idempotencyKey, fingerprint());
    }

    @Override
    public String toString() {
        return "TaskOrder[" + idempotencyKey + ", " + kind + ", " + millionInstructions + " MI, " + input.length
                + " B in, " + outBytes + " B out]";
    }
}
