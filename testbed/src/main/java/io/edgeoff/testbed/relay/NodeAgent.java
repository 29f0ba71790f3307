package io.edgeoff.testbed.relay;

import io.edgeoff.testbed.probe.ProbeServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The process the test-bed runs in each site's namespace: the {@link DelayRelay} in front of the
 * site's ports and, for measurements, a {@link ProbeServer}. Prints {@code READY} once listening,
 * then obeys one command per line on standard input and answers each with one line:
 * {@code delay MS}, {@code peer ADDR MS}, {@code extra MS}, {@code drop P}, {@code stats}. It exits when standard input
 * closes, so it never outlives the test-bed that started it.
 *
 * <p>Arguments: {@code --listen ADDR --target ADDR --delay-ms MS --seed N [--forward PORT[:TARGET]]...
 * [--probe PORT] [--peer-delay ADDR=MS]...} (the probe server listens on {@code target:PORT}; a peer delay is the
 * one-way delay of the connections from that address, a fleet device's end of its own link to the site).
 */
public final class NodeAgent {
    private NodeAgent() {
    }

    public static void main(String[] args) throws IOException {
        String listen = "0.0.0.0";
        String target = "127.0.0.1";
        double delay = 0;
        long seed = 1;
        int probePort = -1;
        List<Forward> forwards = new ArrayList<>();
        List<String[]> peers = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--listen" -> listen = value;
                case "--target" -> target = value;
                case "--delay-ms" -> delay = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--forward" -> forwards.add(Forward.parse(value));
                case "--probe" -> probePort = Integer.parseInt(value);
                case "--peer-delay" -> peers.add(value.split("=", 2));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ProbeServer probe = probePort > 0 ? ProbeServer.start(InetAddress.getByName(target), probePort) : null;
        try (DelayRelay relay = new DelayRelay(InetAddress.getByName(listen), forwards,
                InetAddress.getByName(target), delay, new SplittableRandom(seed))) {
            for (String[] peer : peers) {
                relay.setPeerDelayMillis(peer[0], Double.parseDouble(peer[1]));
            }
            relay.start();
            System.out.println("READY " + relay.listenPorts());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println(obey(relay, line.strip()));
                System.out.flush();
            }
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
    }

    static String obey(DelayRelay relay, String command) {
        String[] p = command.split("\\s+");
        try {
            switch (p[0]) {
                case "delay" -> relay.setDelayMillis(Double.parseDouble(p[1]));
                case "peer" -> relay.setPeerDelayMillis(p[1], Double.parseDouble(p[2]));
                case "extra" -> relay.setExtraDelayMillis(Double.parseDouble(p[1]));
                case "drop" -> relay.setDropProbability(Double.parseDouble(p[1]));
                case "stats" -> {
                    return String.format(Locale.ROOT, "OK accepted=%d dropped=%d",
                            relay.acceptedConnections(), relay.droppedConnections());
                }
                default -> {
                    return "ERROR unknown command " + p[0];
                }
            }
            return "OK";
        } catch (RuntimeException e) {
            return "ERROR " + e.getMessage();
        }
    }
}
