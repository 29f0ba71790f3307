package io.edgeoff.device.runtime;

/**
 * What the device's handler profile predicted for a successful attempt of a handler task, and what was measured.
 *
 * @param handler           handler name
 * @param inputBytes        the task's real input, bytes
 * @param predictedSeconds  the profile's prediction for this site and input size before the attempt, s
 * @param measuredSeconds   the execution time measured: the site's {@code executionMillis} (rated, after its speed
 *                          emulation) or the device's rated local time, s
 */
public record HandlerTiming(String handler, long inputBytes, double predictedSeconds, double measuredSeconds) {
    public HandlerTiming {
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("handler must not be blank, but was '" + handler + "'");
        }
        if (inputBytes < 0) {
            throw new IllegalArgumentException("inputBytes must be >= 0, but was " + inputBytes);
        }
        if (!(predictedSeconds >= 0) || !(measuredSeconds >= 0)) {
            throw new IllegalArgumentException("predictedSeconds and measuredSeconds must be >= 0, but were "
                    + predictedSeconds + " and " + measuredSeconds);
        }
    }
}
