package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.external.ExternalPolicySettings;
import io.edgeoff.decision.external.ExternalPolicyStats;
import io.edgeoff.decision.external.FallbackCause;
import io.edgeoff.device.detector.DetectionStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A live run's {@code results.json} says what each external policy did: answers, and fallbacks by cause. */
class ExternalPoliciesJsonTest {
    @Test
    void everyCauseIsCountedAndTheFirstReasonsOfThoseThatOccurredAreKept() {
        ExternalPolicyStats.Report report = new ExternalPolicyStats.Report("external:http://127.0.0.1:8000/decide",
                "mdp", 10, 3, Map.of(FallbackCause.LATE, 0L, FallbackCause.DOWN, 5L, FallbackCause.BAD_STATUS, 0L,
                FallbackCause.NONSENSE, 0L, FallbackCause.SKIPPED, 2L),
                Map.of(FallbackCause.DOWN, "connection refused", FallbackCause.SKIPPED, "late or down"));

        JsonNode json = LiveReports.externalPoliciesJson(List.of(report));

        assertThat(json).hasSize(1);
        JsonNode policy = json.get(0);
        assertThat(policy.get("policy").asText()).isEqualTo("external:http://127.0.0.1:8000/decide");
        assertThat(policy.get("decisions").asLong()).isEqualTo(10);
        assertThat(policy.get("answered").asLong()).isEqualTo(3);
        assertThat(policy.get("fallback").asText()).isEqualTo("mdp");
        assertThat(policy.get("fallbacks").asLong()).isEqualTo(7);
        assertThat(policy.get("fallbacksByCause").fieldNames()).toIterable()
                .containsExactly("late", "down", "bad-status", "nonsense", "skipped");
        assertThat(policy.at("/fallbacksByCause/down").asLong()).isEqualTo(5);
        assertThat(policy.at("/fallbacksByCause/skipped").asLong()).isEqualTo(2);
        assertThat(policy.get("firstReasons").fieldNames()).toIterable().containsExactly("down", "skipped");
        assertThat(policy.at("/firstReasons/down").asText()).isEqualTo("connection refused");
    }

    @Test
    void aRunWithoutExternalPoliciesHasAnEmptyList() throws Exception {
        Policies.install(List.of(), ExternalPolicySettings.ofDefaults());
        LiveComparison.Outcome outcome = new LiveComparison.Outcome(List.of(), List.of(), List.of(),
                new DetectionStats(List.of(), Map.of(), 0), 0);

        JsonNode root = new ObjectMapper().readTree(LiveReports.json(Map.of(), outcome));

        assertThat(root.get("externalPolicies").isArray()).isTrue();
        assertThat(root.get("externalPolicies")).isEmpty();
    }
}
