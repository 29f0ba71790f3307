package io.edgeoff.testbed.probe;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures one path against a {@link ProbeServer}: the median round trip of a 1-byte echo
 * (after warm-up, on one open connection), then the goodput of a bulk upload and a bulk
 * download. Goodput is {@code bytes / (transfer time - round trip)}: the transfer time of a
 * request-response includes one round trip of latency, which the cost model charges separately.
 */
public final class ProbeClient {
    private static final int WARMUP = 3;
    private static final int PINGS = 15;
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    private ProbeClient() {
    }

    /** Median round trip over {@value #PINGS} echoes, ms. */
    public static double roundTripMillis(InetSocketAddress server) throws IOException {
        try (Socket socket = open(server)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            InputStream in = socket.getInputStream();
            out.write(ProbeServer.ECHO);
            double[] samples = new double[PINGS];
            for (int i = 0; i < WARMUP + PINGS; i++) {
                long start = System.nanoTime();
                out.write(i & 0x7f);
                out.flush();
                if (in.read() < 0) {
                    throw new IOException("echo closed by " + server);
                }
                if (i >= WARMUP) {
                    samples[i - WARMUP] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(samples);
            return samples[PINGS / 2];
        }
    }

    /** Seconds from the first byte sent to the server's acknowledgement of {@code bytes} bytes. */
    public static double uploadSeconds(InetSocketAddress server, long bytes) throws IOException {
        try (Socket socket = open(server)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] buffer = new byte[64 * 1024];
            long start = System.nanoTime();
            out.write(ProbeServer.UPLOAD);
            out.writeLong(bytes);
            long remaining = bytes;
            while (remaining > 0) {
                int n = (int) Math.min(buffer.length, remaining);
                out.write(buffer, 0, n);
                remaining -= n;
            }
            out.flush();
            if (socket.getInputStream().read() < 0) {
                throw new IOException("upload not acknowledged by " + server);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Seconds from the request to the last of {@code bytes} downloaded bytes. */
    public static double downloadSeconds(InetSocketAddress server, long bytes) throws IOException {
        try (Socket socket = open(server)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] buffer = new byte[64 * 1024];
            long start = System.nanoTime();
            out.write(ProbeServer.DOWNLOAD);
            out.writeLong(bytes);
            out.flush();
            long remaining = bytes;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("download cut short by " + server + " with " + remaining + " bytes left");
                }
                remaining -= n;
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * Measures one path: round trip, then a bulk transfer each way of about
     * {@code transferSeconds} at the asked bandwidth ({@code transferSeconds <= 0}: round trip only,
     * bandwidths NaN).
     */
    public static LinkMeasurement measure(String siteId, InetSocketAddress server, double askedKBps,
                                          double transferSeconds) throws IOException {
        double rtt = roundTripMillis(server);
        if (transferSeconds <= 0) {
            return new LinkMeasurement(siteId, rtt, Double.NaN, Double.NaN);
        }
        long bytes = Math.max(64 * 1024, Math.round(askedKBps * 1024 * transferSeconds));
        double up = uploadSeconds(server, bytes);
        double down = downloadSeconds(server, bytes);
        return new LinkMeasurement(siteId, rtt, goodputKBps(bytes, up, rtt), goodputKBps(bytes, down, rtt));
    }

    static double goodputKBps(long bytes, double seconds, double roundTripMillis) {
        double transfer = Math.max(1e-6, seconds - roundTripMillis / 1000.0);
        return bytes / 1024.0 / transfer;
    }

    private static Socket open(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.connect(server, 5000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    /**
     * Entry point inside the device namespace. Arguments: {@code transferSeconds} then one
     * {@code SITE=HOST:PORT:ASKED_KBPS} per path. Prints one {@link LinkMeasurement#toLine()} per
     * path, or {@code FAILED SITE message}.
     */
    public static void main(String[] args) {
        double transferSeconds = Double.parseDouble(args[0]);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            String[] hp = kv[1].split(":");
            InetSocketAddress address = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
            try {
                lines.add(measure(kv[0], address, Double.parseDouble(hp[2]), transferSeconds).toLine());
            } catch (IOException e) {
                lines.add(String.format(Locale.ROOT, "FAILED %s %s", kv[0], e));
            }
            System.out.println(lines.get(lines.size() - 1));
            System.out.flush();
        }
    }
}
