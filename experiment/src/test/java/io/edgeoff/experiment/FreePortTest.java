package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo's site ports come from below the kernel's ephemeral range, so a busy machine's outgoing connections cannot
 * take a site's port between its choice and the site's bind; each is free, and none is handed out twice.
 */
class FreePortTest {
    @Test
    void portsAreFreeDistinctAndBelowTheEphemeralRange() throws Exception {
        int[] range = SiteProcesses.nonEphemeralRange();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = SiteProcesses.freePort();
            assertThat(port).isBetween(range[0], range[1] - 1);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
        assertThat(range[1]).isGreaterThan(range[0]);
    }

    @Test
    void aPortSomeoneHoldsIsNotHandedOut() throws Exception {
        int taken = SiteProcesses.freePort() + 1;
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken));
            assertThat(SiteProcesses.freePort()).isNotEqualTo(taken);
        }
    }
}
