package io.edgeoff.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.decision.external.ExternalPolicySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExternalRegistryTest {
    private final PolicyRegistry registry = Policies.builtIns()
            .withExternal(new ExternalPolicySettings(Duration.ofMillis(50), "greedy"));

    @Test
    void anExternalNameResolvesToOneEntryPerUrlThatStatesHowItIsCalled() {
        PolicySpec spec = registry.spec("external:http://127.0.0.1:8000/decide");

        assertThat(registry.spec("external:http://127.0.0.1:8000/decide")).isSameAs(spec);
        assertThat(spec.description()).contains("budget 50 ms, fallback greedy");
        assertThat(spec.reactsTo()).isEqualTo("external+suspicion, fail->retry");
        assertThat(spec.needsGroundTruth()).isFalse();
        assertThat(registry.origin(spec.name())).isEqualTo("external");
        assertThat(registry.parseList("--policies", "mdp,external:http://127.0.0.1:8000/decide"))
                .containsExactly("mdp", "external:http://127.0.0.1:8000/decide");
        assertThat(registry.names()).doesNotContain(spec.name());
    }

    @Test
    void aBadUrlOrFallbackIsAUserErrorNamingIt() {
        assertThatThrownBy(() -> registry.parseList("--policies", "external:ftp://x/y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--policies: external policy URL must be http://HOST:PORT/PATH (or https), but was 'ftp://x/y'");
        assertThatThrownBy(() -> registry.spec("external:"))
                .hasMessageContaining("external policy URL must be http://HOST:PORT/PATH");
        assertThatThrownBy(() -> Policies.builtIns().withExternal(new ExternalPolicySettings(Duration.ofMillis(50),
                "nope"))).hasMessageStartingWith("unknown external policy fallback 'nope'; known policies: mdp,");
        assertThatThrownBy(() -> Policies.builtIns().withExternal(new ExternalPolicySettings(Duration.ofMillis(50),
                "myopic-oracle"))).hasMessage("external policy fallback 'myopic-oracle' needs the simulator's ground truth; "
                + "choose a live policy");
        assertThatThrownBy(() -> new ExternalPolicySettings(Duration.ZERO, "mdp"))
                .hasMessage("external policy budget must be in (0 ms, 60000 ms], but was 0 ms");
        assertThatThrownBy(() -> new ExternalPolicySettings(Duration.ofMillis(5), "external:http://x/"))
                .hasMessageStartingWith("external policy fallback must be a built-in or plug-in policy");
    }
}
