package io.edgeoff.testbed.relay;

/**
 * One relayed port: connections to {@code listenPort} are forwarded to {@code targetPort}.
 *
 * @param listenPort port the relay listens on (0 = any free port)
 * @param targetPort port of the real service
 */
public record Forward(int listenPort, int targetPort) {
    public Forward {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listenPort must be in [0, 65535], but was " + listenPort);
        }
        if (targetPort < 1 || targetPort > 65535) {
            throw new IllegalArgumentException("targetPort must be in [1, 65535], but was " + targetPort);
        }
    }

    /** Parses {@code PORT} (same port) or {@code LISTEN:TARGET}. */
    public static Forward parse(String text) {
        try {
            String[] parts = text.strip().split(":");
            if (parts.length == 1) {
                int port = Integer.parseInt(parts[0]);
                return new Forward(port, port);
            }
            if (parts.length == 2) {
                return new Forward(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("forward must be PORT or LISTEN:TARGET, but was '" + text + "'");
    }
}
