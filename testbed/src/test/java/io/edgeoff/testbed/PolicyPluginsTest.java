package io.edgeoff.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a test-bed run accepts of the device's policy plug-ins, checked before any network is built. */
class PolicyPluginsTest {
    private static final List<String> PYTHON = List.of("python3", "policy.py", "--port", "8765");

    @Test
    void anExternalPolicyOnTheDevicesLoopbackStartedByACommandIsAccepted() {
        PolicyPlugins plugins = new PolicyPlugins(List.of("--external-fallback", "greedy"), List.of(PYTHON),
                List.of(URI.create("http://127.0.0.1:8765/decide"), URI.create("http://localhost/decide")));

        assertThat(plugins.addresses()).containsExactly("127.0.0.1:8765", "localhost:80");
        assertThat(plugins.deviceOptions()).containsExactly("--external-fallback", "greedy");
    }

    @Test
    void refusesAnExternalPolicyTheDeviceCannotReach() {
        assertThatThrownBy(() -> new PolicyPlugins(List.of(), List.of(PYTHON),
                List.of(URI.create("http://10.0.0.5:8000/decide"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("external:http://10.0.0.5:8000/decide: the test-bed's device reaches only its own loopback "
                        + "and the sites, not 10.0.0.5; use http://127.0.0.1:PORT/PATH and start the policy on the "
                        + "device with --policy-command");
    }

    @Test
    void refusesAnExternalPolicyWithoutACommandToStartIt() {
        assertThatThrownBy(() -> new PolicyPlugins(List.of(), List.of(),
                List.of(URI.create("http://127.0.0.1:8000/decide"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("external:http://127.0.0.1:8000/decide needs --policy-command");
    }

    @Test
    void refusesACommandThatNoPolicyCallsAndAnEmptyCommand() {
        assertThatThrownBy(() -> new PolicyPlugins(List.of(), List.of(PYTHON), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--policy-command python3 policy.py --port 8765: --policies names no external:URL policy "
                        + "to call it");
        assertThatThrownBy(() -> new PolicyPlugins(List.of(), List.of(List.of()),
                List.of(URI.create("http://127.0.0.1:8000/decide"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--policy-command must name a program, but was empty");
    }

    @Test
    void noPluginsIsTheDefaultOfASpec() {
        TestbedRun.Spec spec = new TestbedRun.Spec("seed", 8080, List.of("mdp"), 1, null, null, true, 1, List.of(),
                0, 0, 1, false, 1, 1, "t", "T");

        assertThat(spec.plugins()).isEqualTo(PolicyPlugins.NONE);
    }
}
