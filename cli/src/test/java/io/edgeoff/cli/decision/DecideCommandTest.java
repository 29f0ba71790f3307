package io.edgeoff.cli.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.cli.CliRun;
import io.edgeoff.decision.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecideCommandTest {
    private static final List<String> APPS = List.of("ANTIVIRUS", "GPS_NAVIGATOR", "CHESS", "FACEBOOK", "FACERECOGNIZER");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyPolicyDecidesEverySeedAppAndPrintsTheDocumentedJson() throws Exception {
        for (String policy : Policies.names()) {
            if (Policies.spec(policy).needsGroundTruth()) {
                continue; // refused with a message (next test)
            }
            for (String app : APPS) {
                CliRun run = CliRun.of("decide", "--policy", policy, "--app", app,
                        "--availability", "ED=0.97,EC=0.85,ER=0.99,CD=0.96", "--json");

                assertThat(run.exitCode()).as("%s %s: %s", policy, app, run.err()).isZero();
                JsonNode root = json.readTree(run.out());
                assertThat(root.get("decisions").size()).as("%s %s", policy, app).isPositive();
                assertThat(root.get("policy").isObject()).isTrue();
                assertThat(root.get("values").isObject()).isTrue();
                root.get("decisions").fields().forEachRemaining(e ->
                        assertThat(e.getValue().asText()).isIn("MD", "ED", "EC", "ER", "CD"));
            }
        }
    }

    @Test
    void aSingleTaskGetsOneDecisionAndAPolicyForEveryPreviousSite() throws Exception {
        CliRun run = CliRun.of("decide", "--policy", "seed-mdp-svr", "--from", "MD",
                "--availability", "ED=0.97,EC=0.85,ER=0.99,CD=0.96",
                "--task-mi", "600", "--task-in-kb", "6", "--task-out-kb", "6", "--json");

        JsonNode root = json.readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(root.get("decision").asText()).isIn("ED", "EC", "ER", "CD");
        assertThat(root.get("policy").size()).isEqualTo(5);
        assertThat(root.get("values").get("MD").isNumber()).isTrue();
        assertThat(root.get("decision").asText()).isEqualTo(root.get("policy").get("MD").asText());
    }

    @Test
    void anUnavailableSiteIsNotChosenForASingleTask() throws Exception {
        CliRun all = CliRun.of("decide", "--policy", "seed-mdp-svr", "--task-mi", "600", "--task-in-kb", "6",
                "--task-out-kb", "6", "--json");
        String favourite = json.readTree(all.out()).get("decision").asText();

        CliRun down = CliRun.of("decide", "--policy", "seed-mdp-svr", "--availability", favourite + "=0",
                "--task-mi", "600", "--task-in-kb", "6", "--task-out-kb", "6", "--json");

        assertThat(json.readTree(down.out()).get("decision").asText()).isNotEqualTo(favourite);
    }

    @Test
    void theJsonSaysWhichInputsWerePlannedWithAndMeasuredOnesMovePlacements() throws Exception {
        CliRun prior = CliRun.of("decide", "--policy", "mdp", "--task-mi", "600", "--task-in-kb", "60",
                "--task-out-kb", "6", "--json");
        String favourite = json.readTree(prior.out()).get("decision").asText();

        CliRun slow = CliRun.of("decide", "--policy", "mdp", "--task-mi", "600", "--task-in-kb", "60",
                "--task-out-kb", "6", "--latency-ms", favourite + "=2000", "--json");

        JsonNode before = json.readTree(prior.out()).get("inputs");
        JsonNode after = json.readTree(slow.out());
        assertThat(before.size()).isEqualTo(4);
        before.forEach(site -> assertThat(site.get("latencySource").asText()).isEqualTo("PRIOR"));
        JsonNode measured = java.util.stream.StreamSupport.stream(after.get("inputs").spliterator(), false)
                .filter(site -> site.get("siteId").asText().equals(favourite)).findFirst().orElseThrow();
        assertThat(measured.get("latencyMillis").asDouble()).isEqualTo(2000.0);
        assertThat(measured.get("latencySource").asText()).isEqualTo("MEASURED");
        assertThat(measured.get("bandwidthSource").asText()).isEqualTo("PRIOR");
        assertThat(after.get("decision").asText()).isNotEqualTo(favourite);
    }

    @Test
    void textOutputShowsTheDecisionsAndTheStateTable() {
        CliRun run = CliRun.of("decide", "--app", "CHESS");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("policy mdp", "COMPUTE_MOVE", "policy and values per state",
                "planned with", "CD 254.0 ms (prior)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--policy nope --app CHESS|unknown policy 'nope'; known policies: mdp, seed-mdp-svr",
        "--availability ED=1.2 --app CHESS|--availability: value of ED must be in [0,1], but was 1.2",
        "--availability ED=-0.1 --app CHESS|value of ED must be in [0,1], but was -0.1",
        "--availability XX=0.5 --app CHESS|unknown remote site XX",
        "--app NOPE|unknown application NOPE; known applications",
        "--task-mi -5 --task-in-kb 1 --task-out-kb 1|must be >= 0, but were -5.0",
        "--scenario /does/not/exist.yaml --app CHESS|/does/not/exist.yaml",
        "--from XX --app CHESS|unknown site XX",
        "--app CHESS --task-mi 5 --task-in-kb 1 --task-out-kb 1|mutually exclusive",
        "--app CHESS --bandwidth-kbps EC=0|--bandwidth-kbps: value of EC must be in",
        "--app CHESS --latency-ms EC=fast|--latency-ms: value of EC is not a number: 'fast'",
    })
    void badInputIsOneClearLineAndExitCode2(String args, String message) {
        CliRun run = CliRun.of(("decide " + args).split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aPolicyThatNeedsTheSimulatorsGroundTruthIsRefusedWithAMessage() {
        CliRun run = CliRun.of("decide", "--policy", "clairvoyant", "--app", "CHESS");
        CliRun renamed = CliRun.of("decide", "--policy", "oracle", "--app", "CHESS");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("policy clairvoyant needs the simulator's ground truth")
                .doesNotContain("Exception", "\tat ");
        assertThat(renamed.exitCode()).isEqualTo(2);
        assertThat(renamed.err()).contains("policy 'oracle' was renamed 'myopic-oracle'")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void policiesListsOneLinePerEngine() {
        CliRun run = CliRun.of("policies");

        assertThat(run.out().lines()).hasSize(Policies.names().size() + 1);
        assertThat(run.out().lines()).last().asString().startsWith("external:URL ").contains("budget 200 ms, fallback mdp");
        assertThat(run.out()).contains("seed-mdp-svr", "(default)");
        assertThat(run.out().lines()).anyMatch(l -> l.startsWith("reactive ") && l.endsWith("reacts to: fail->device"))
                .anyMatch(l -> l.startsWith("mdp ") && l.endsWith("reacts to: forecast+suspicion, fail->retry"));
    }
}
