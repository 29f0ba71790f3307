package io.edgeoff.testbed.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.testing.Measurements;
import io.edgeoff.testbed.probe.ProbeClient;
import io.edgeoff.testbed.probe.ProbeServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay on loopback (no root needed). The relay's delay is a floor that load only adds to, so the tests
 * assert the round trip reaches it (0.9 x, for timer granularity) and record the measured value in
 * {@code target/measurements/} instead of bounding it from above.
 */
class DelayRelayTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private ProbeServer probe;
    private DelayRelay relay;

    @BeforeEach
    void startProbe() throws IOException {
        probe = ProbeServer.start(LOOPBACK, 0);
    }

    @AfterEach
    void stop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        probe.close();
    }

    private InetSocketAddress relayed(double delayMillis) throws IOException {
        relay = new DelayRelay(LOOPBACK, List.of(new Forward(0, probe.port())), LOOPBACK, delayMillis,
                new SplittableRandom(1)).start();
        return new InetSocketAddress(LOOPBACK, relay.listenPorts().get(0));
    }

    @Test
    void addsTheOneWayDelayInEachDirection() throws IOException {
        InetSocketAddress address = relayed(20);

        double rtt = ProbeClient.roundTripMillis(address);

        Measurements.record("relay-round-trip-20ms-one-way", Map.of("askedRoundTripMillis", 40.0, "roundTripMillis", rtt));
        assertThat(rtt).isGreaterThanOrEqualTo(0.9 * 40.0);
    }

    @Test
    void givesTheConnectionsOfAPeerItsOwnDelaySetAtRunTime() throws IOException {
        InetSocketAddress address = relayed(1);

        relay.setPeerDelayMillis(LOOPBACK.getHostAddress(), 30);
        double rtt = ProbeClient.roundTripMillis(address);

        Measurements.record("relay-round-trip-peer-30ms-one-way", Map.of("askedRoundTripMillis", 60.0,
                "roundTripMillis", rtt));
        assertThat(rtt).isGreaterThanOrEqualTo(0.9 * 60.0);
    }

    @Test
    void addsExtraDelaySetAtRunTime() throws IOException {
        InetSocketAddress address = relayed(5);

        relay.setExtraDelayMillis(25);
        double rtt = ProbeClient.roundTripMillis(address);

        Measurements.record("relay-round-trip-5ms-plus-25ms-extra", Map.of("askedRoundTripMillis", 60.0,
                "roundTripMillis", rtt));
        assertThat(rtt).isGreaterThanOrEqualTo(0.9 * 60.0);
    }

    @Test
    void keepsEveryByteInOrder() throws IOException {
        ServerSocket echo = new ServerSocket(0, 50, LOOPBACK);
        Thread server = new Thread(() -> {
            try (Socket s = echo.accept()) {
                s.getInputStream().transferTo(s.getOutputStream());
            } catch (IOException e) {
                // test ends
            }
        });
        server.start();
        relay = new DelayRelay(LOOPBACK, List.of(new Forward(0, echo.getLocalPort())), LOOPBACK, 2,
                new SplittableRandom(1)).start();
        byte[] sent = new byte[300_000];
        new SplittableRandom(9).nextBytes(sent);
        byte[] received;

        try (Socket socket = new Socket(LOOPBACK, relay.listenPorts().get(0))) {
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(sent);
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // reported by the comparison below
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            received = in.readAllBytes();
        }
        echo.close();

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void resetsEveryConnectionWhenTheDropProbabilityIsOne() throws IOException {
        InetSocketAddress address = relayed(1);

        relay.setDropProbability(1.0);

        assertThatThrownBy(() -> ProbeClient.roundTripMillis(address)).isInstanceOf(IOException.class);
        assertThat(relay.droppedConnections()).isEqualTo(1);
    }

    @Test
    void resetsTheClientWhenTheServiceIsDown() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = s.getLocalPort();
        }
        relay = new DelayRelay(LOOPBACK, List.of(new Forward(0, closedPort)), LOOPBACK, 1,
                new SplittableRandom(1)).start();
        InetSocketAddress address = new InetSocketAddress(LOOPBACK, relay.listenPorts().get(0));

        assertThatThrownBy(() -> ProbeClient.roundTripMillis(address)).isInstanceOf(IOException.class);
    }

    @Test
    void obeysAgentCommandsAndRejectsBadOnes() throws IOException {
        relayed(1);

        assertThat(NodeAgent.obey(relay, "extra 10")).isEqualTo("OK");
        assertThat(NodeAgent.obey(relay, "drop 2")).startsWith("ERROR drop probability must be in [0,1], but was 2.0");
        assertThat(NodeAgent.obey(relay, "stats")).isEqualTo("OK accepted=0 dropped=0");
        assertThat(NodeAgent.obey(relay, "reboot")).startsWith("ERROR unknown command");
    }
}
