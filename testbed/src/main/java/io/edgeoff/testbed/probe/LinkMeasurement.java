package io.edgeoff.testbed.probe;

/**
 * What the probe measured on one device-site path.
 *
 * @param siteId             remote site
 * @param roundTripMillis    median round trip of a 1-byte echo on an open connection, ms
 * @param uplinkKBps         device-to-site goodput, KB/s (1 KB = 1024 bytes)
 * @param downlinkKBps       site-to-device goodput, KB/s
 */
public record LinkMeasurement(String siteId, double roundTripMillis, double uplinkKBps, double downlinkKBps) {

    /** One line {@code siteId rtt up down}, the probe client's output format. */
    public String toLine() {
        return String.format(java.util.Locale.ROOT, "MEASURED %s %.3f %.1f %.1f", siteId, roundTripMillis,
                uplinkKBps, downlinkKBps);
    }

    /** Parses {@link #toLine()}. */
    public static LinkMeasurement parseLine(String line) {
        String[] p = line.strip().split("\\s+");
        if (p.length != 5 || !p[0].equals("MEASURED")) {
            throw new IllegalArgumentException("not a measurement line: '" + line + "'");
        }
        return new LinkMeasurement(p[1], Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4]));
    }
}
