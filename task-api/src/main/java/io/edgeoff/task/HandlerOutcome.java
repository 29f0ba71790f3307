package io.edgeoff.task;

/**
 * A handler call that produced its output.
 *
 * @param output          the output bytes
 * @param elapsedNanos    wall-clock time of the call on this host, ns
 * @param allocatedBytes  bytes the call's thread allocated (-1 when the JVM cannot tell)
 */
public record HandlerOutcome(byte[] output, long elapsedNanos, long allocatedBytes) {
}
