package io.edgeoff.testbed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clean-up decisions against a scripted shell (no root needed). */
class StaleCleanupTest {
    private static final long LIVE_OTHER = ProcessHandle.current().parent().orElseThrow().pid();
    private static final long DEAD = Long.MAX_VALUE / 2;

    private final List<String> commands = new ArrayList<>();
    private final Shell shell = command -> {
        commands.add(String.join(" ", command));
        return switch (String.join(" ", command)) {
            case "ip netns list" -> "eo5-md (id: 1)\neo5-ec\neo6-md (id: 3)\nmyns\neo7-md\n";
            case "ip -o link show" -> "1: lo: <LOOPBACK>\n9: eo5-md-ec@if8: <BROADCAST>\n10: eth0: <UP>\n";
            default -> "";
        };
    };

    @Test
    void removesRunsWhoseOwnerIsGoneAndKeepsRunsOfLiveOwners(@TempDir Path state) throws IOException {
        Files.writeString(state.resolve("run-5.pid"), Long.toString(DEAD));
        Files.writeString(state.resolve("run-6.pid"), Long.toString(LIVE_OTHER));
        StaleCleanup cleanup = new StaleCleanup(shell, state);

        List<String> removed = cleanup.clean(7);

        assertThat(removed).containsExactly("namespace eo5-md", "namespace eo5-ec", "namespace eo7-md",
                "interface eo5-md-ec");
        assertThat(commands).contains("ip netns del eo5-md", "ip netns del eo7-md", "ip link del eo5-md-ec")
                .doesNotContain("ip netns del eo6-md", "ip netns del myns");
        assertThat(state.resolve("run-5.pid")).doesNotExist();
        assertThat(state.resolve("run-6.pid")).exists();
    }

    @Test
    void refusesARunOwnedByAnotherLiveProcess(@TempDir Path state) throws IOException {
        Files.writeString(state.resolve("run-6.pid"), Long.toString(LIVE_OTHER));
        StaleCleanup cleanup = new StaleCleanup(shell, state);

        assertThatThrownBy(() -> cleanup.claim(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test-bed run 6 is in use by process " + LIVE_OTHER + "; choose another --run");
        assertThat(cleanup.firstFreeRun(6, 9)).isEqualTo(7);
        cleanup.claim(7);
        assertThat(Files.readString(state.resolve("run-7.pid"))).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
}
