package io.edgeoff.site.execution;

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
 * @param handler              the task handler to run, or {@code ""} for the synthetic MI task
 * @param parameters           the handler's parameters (empty for a synthetic task)
 */
public record TaskOrder(String idempotencyKey, String taskName, String kind, double millionInstructions,
                        int outBytes, byte[] input, String handler, java.util.Map<String, String> parameters) {
    /** A synthetic MI task. */
    public TaskOrder(String idempotencyKey, String taskName, String kind, double millionInstructions, int outBytes,
                     byte[] input) {
        this(idempotencyKey, taskName, kind, millionInstructions, outBytes, input, "", java.util.Map.of());
    }

    public TaskOrder {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(handler, "handler");
        parameters = java.util.Map.copyOf(parameters);
        if (!(millionInstructions >= 0) || !Double.isFinite(millionInstructions)) {
            throw new IllegalArgumentException("millionInstructions must be >= 0, but was " + millionInstructions);
        }
        if (outBytes < 0) {
            throw new IllegalArgumentException("outBytes must be >= 0, but was " + outBytes);
        }
    }

    /** @return true when a task handler runs this task (else it is the synthetic MI task) */
    public boolean hasHandler() {
        return !handler.isEmpty();
    }

    /** @return a fingerprint of everything but the key, to detect a key reused for a different task */
    public long fingerprint() {
        // The task's fields first, spread over all 64 bits so that no change of theirs can cancel a
        // change of the first input word.
        long h = mix(Objects.hash(taskName, kind, millionInstructions, outBytes));
        if (!handler.isEmpty()) {
            h = mix(h ^ mix(handler.hashCode()) ^ Long.rotateLeft(mix(parameters.hashCode()), 17));
        }
        // Eight input bytes per step with one multiply (this runs on every request), every bit spread
        // by the finaliser at the end.
        int i = 0;
        for (; i + 8 <= input.length; i += 8) {
            h = Long.rotateLeft((h ^ (long) LONGS.get(input, i)) * 0x9E3779B97F4A7C15L, 29);
        }
        for (; i < input.length; i++) {
            h = Long.rotateLeft((h ^ (input[i] & 0xFFL)) * 0x9E3779B97F4A7C15L, 29);
        }
        return mix(h ^ input.length);
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** A 64-bit finaliser (SplitMix64's), so that every input bit affects the fingerprint. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
                + " B in, " + outBytes + " B out" + (handler.isEmpty() ? "" : ", handler " + handler + " " + parameters)
                + "]";
    }
}
