package io.edgeoff.testbed.net;

/**
 * Kernel rate limit ({@code tc qdisc tbf}) of one direction of a link.
 *
 * <p>The scenario's bandwidth is the payload rate the cost model divides by ({@code inKB / KBps},
 * 1 KB = 1024 bytes). tbf counts whole Ethernet frames, so the configured rate is raised by the
 * TCP/IPv4/Ethernet header overhead of a full-size segment ({@value #FRAME_BYTES} frame bytes per
 * {@value #PAYLOAD_BYTES} payload bytes at MTU 1500 with TCP timestamps); the goodput a TCP flow
 * then sees is the scenario's bandwidth.
 *
 * @param rateBitsPerSecond tbf rate in bit/s, &gt; 0
 * @param burstBytes        tbf bucket size in bytes
 * @param limitBytes        tbf queue limit in bytes
 */
public record Shaping(long rateBitsPerSecond, long burstBytes, long limitBytes) {
    /** Bytes on the wire (Ethernet header + IPv4 + TCP with timestamps + payload) per full segment. */
    public static final int FRAME_BYTES = 1514;
    /** TCP payload bytes per full segment at MTU 1500 with timestamps. */
    public static final int PAYLOAD_BYTES = 1448;

    public Shaping {
        if (rateBitsPerSecond <= 0) {
            throw new IllegalArgumentException("rateBitsPerSecond must be > 0, but was " + rateBitsPerSecond);
        }
        if (burstBytes < FRAME_BYTES) {
            throw new IllegalArgumentException("burstBytes must be >= " + FRAME_BYTES + ", but was " + burstBytes);
        }
        if (limitBytes < burstBytes) {
            throw new IllegalArgumentException("limitBytes must be >= burstBytes, but was " + limitBytes);
        }
    }

    /**
     * The shaping that gives a TCP payload rate of {@code bandwidthKBps}: a bucket of 5 ms of
     * traffic (at least 4 KiB) and a queue of 500 ms (at least 64 KiB), so a bulk flow is paced
     * rather than dropped.
     */
    public static Shaping forPayloadKBps(double bandwidthKBps) {
        if (!(bandwidthKBps > 0) || !Double.isFinite(bandwidthKBps)) {
            throw new IllegalArgumentException("bandwidthKBps must be > 0, but was " + bandwidthKBps);
        }
        double payloadBytesPerSecond = bandwidthKBps * 1024.0;
        double wireBytesPerSecond = payloadBytesPerSecond * FRAME_BYTES / PAYLOAD_BYTES;
        long rateBits = Math.round(wireBytesPerSecond * 8.0);
        long burst = Math.max(4096, Math.round(wireBytesPerSecond * 0.005));
        long limit = Math.max(65536, Math.round(wireBytesPerSecond * 0.5));
        return new Shaping(rateBits, burst, Math.max(limit, burst));
    }

    /** The {@code tc} arguments after {@code qdisc add dev X root}. */
    public java.util.List<String> tbfArguments() {
        return java.util.List.of("tbf", "rate", rateBitsPerSecond + "bit", "burst", Long.toString(burstBytes),
                "limit", Long.toString(limitBytes));
    }
}
