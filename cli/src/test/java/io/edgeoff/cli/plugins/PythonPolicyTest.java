package io.edgeoff.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.cli.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.testing.Measurements;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.external.ExternalPolicyStats;
import io.edgeoff.decision.external.ExternalPolicySettings;
import java.util.List;
import java.util.Map;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example policy ({@code examples/python-policy/policy.py}, standard library only) runs as a real
 * process on loopback and drives {@code edgeoff simulate} and {@code edgeoff demo}; killed mid-run, the run goes on
 * with the fallback policy and reports how many decisions fell back, and why. Skipped when {@code python3} is not
 * installed.
 */
public class PythonPolicyTest {
    private static final Pattern REPORT = Pattern.compile(
            "external policy (external:\\S+): (\\d+) decisions, (\\d+) answered, (\\d+) by the fallback greedy "
                    + "\\(late (\\d+), down (\\d+), bad-status (\\d+), nonsense (\\d+), skipped (\\d+)\\)");

    @TempDir
    Path dir;
    Process python;
    String url;

    @BeforeEach
    void startThePythonPolicy() throws IOException {
        assumeTrue(pythonAvailable(), "python3 is not installed: the Python example policy cannot run");
        python = new ProcessBuilder("python3", ExamplePolicyJarTest.repoRoot()
                .resolve("examples/python-policy/policy.py").toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        assertThat(first).as("policy.py's first line").startsWith("listening on http://127.0.0.1:");
        url = first.substring("listening on ".length());
    }

    @AfterEach
    void stopThePythonPolicy() throws InterruptedException {
        if (python != null) {
            python.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Policies.install(List.of(), ExternalPolicySettings.ofDefaults());
    }

    /** @return true when {@code python3} runs (the Python example needs nothing else) */
    public static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CliRun simulate(String samplings, String out) {
        return CliRun.of("simulate", "--quiet", "--no-html", "--policies", "external:" + url,
                "--external-fallback", "greedy", "--external-budget-ms", "5000", "--configs", "1", "--samplings",
                samplings, "--executions", "20", "--threads", "2", "--out", dir.resolve(out).toString());
    }

    @Test
    void thePythonPolicyDrivesASimulationAndAnswersEveryDecision() {
        CliRun run = simulate("3", "sim");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher report = REPORT.matcher(run.out());
        assertThat(report.find()).as(run.out()).isTrue();
        assertThat(report.group(1)).isEqualTo("external:" + url);
        long decisions = Long.parseLong(report.group(2));
        assertThat(decisions).isPositive();
        assertThat(Long.parseLong(report.group(3))).as("answered").isEqualTo(decisions);
        assertThat(Long.parseLong(report.group(4))).as("fallbacks").isZero();
        assertThat(run.out()).contains("external:" + url + " ");
    }

    @Test
    void killingThePythonPolicyMidRunFallsBackAndReportsIt() throws Exception {
        String name = "external:" + url;
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> simulate("60", "killed"));

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5)).until(() -> running.isDone()
                || Policies.registry().externalReport(name).map(r -> r.answered() >= 20).orElse(false));
        python.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        CliRun run = running.get(10, TimeUnit.MINUTES);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher report = REPORT.matcher(run.out());
        assertThat(report.find()).as(run.out()).isTrue();
        long decisions = Long.parseLong(report.group(2));
        long answered = Long.parseLong(report.group(3));
        long down = Long.parseLong(report.group(6));
        long skipped = Long.parseLong(report.group(9));
        assertThat(answered).as("answered before the kill").isGreaterThanOrEqualTo(20);
        assertThat(down).as("fell back: policy down").isPositive();
        assertThat(Long.parseLong(report.group(5)) + down + skipped).as("late, down or skipped after the kill")
                .isEqualTo(decisions - answered);
        assertThat(answered + Long.parseLong(report.group(4))).isEqualTo(decisions);
        assertThat(run.out()).containsPattern("first down: ");
    }

    @Test
    void killingThePythonPolicyMidDemoFallsBackLosesNoTaskAndReportsTheCausesInTheConsoleAndResultsJson()
            throws Exception {
        String name = "external:" + url;
        Path out = dir.resolve("demo");
        long startNanos = System.nanoTime();
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.of("demo", "--policies",
                name + ",mdp", "--executions", "3", "--external-budget-ms", "5000", "--external-fallback", "mdp",
                "--out", out.toString()));

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5)).until(() -> running.isDone()
                || Policies.registry().externalReport(name).map(r -> r.answered() >= 3).orElse(false));
        ExternalPolicyStats.Report beforeKill = Policies.registry().externalReport(name).orElseThrow();
        boolean runningAtKill = !running.isDone();
        python.destroy(); // SIGTERM, as a user would stop it
        python.waitFor(30, TimeUnit.SECONDS);
        CliRun run = running.get(10, TimeUnit.MINUTES);
        Measurements.record("python-policy-demo-kill", Map.of("demoWallMillis",
                (System.nanoTime() - startNanos) / 1_000_000, "answeredBeforeKill", beforeKill.answered(),
                "report", run.out().lines().filter(l -> l.startsWith("external policy ")).toList()));

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(runningAtKill).as("the demo was still running when the policy was killed").isTrue();
        assertThat(beforeKill.answered()).as("answered by policy.py before the kill").isGreaterThanOrEqualTo(3);
        assertThat(beforeKill.fallbackTotal()).as("fallbacks before the kill").isZero();
        Matcher report = Pattern.compile("external policy " + Pattern.quote(name) + ": (\\d+) decisions, (\\d+) "
                + "answered, (\\d+) by the fallback mdp \\(late (\\d+), down (\\d+), bad-status 0, nonsense 0, "
                + "skipped (\\d+)\\);.* first down: ").matcher(run.out());
        assertThat(report.find()).as(run.out()).isTrue();
        long decisions = Long.parseLong(report.group(1));
        long answered = Long.parseLong(report.group(2));
        long down = Long.parseLong(report.group(5));
        assertThat(answered).isGreaterThanOrEqualTo(beforeKill.answered());
        assertThat(down).as("fell back: policy down").isPositive();
        assertThat(Long.parseLong(report.group(3))).as("fallbacks").isPositive().isEqualTo(decisions - answered)
                .isEqualTo(Long.parseLong(report.group(4)) + down + Long.parseLong(report.group(6)));

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode external = results.get("externalPolicies");
        assertThat(external).as("results.json externalPolicies").hasSize(1);
        assertThat(external.get(0).get("policy").asText()).isEqualTo(name);
        assertThat(external.get(0).get("decisions").asLong()).isEqualTo(decisions);
        assertThat(external.get(0).get("answered").asLong()).isEqualTo(answered);
        assertThat(external.get(0).get("fallback").asText()).isEqualTo("mdp");
        assertThat(external.get(0).get("fallbacksByCause").get("down").asLong()).isEqualTo(down);
        assertThat(external.get(0).get("fallbacksByCause").get("skipped").asLong())
                .isEqualTo(Long.parseLong(report.group(6)));
        assertThat(external.get(0).get("firstReasons").has("down")).isTrue();
        JsonNode executions = results.get("executions");
        assertThat(executions).as("3 executions per policy, all finished").hasSize(6);
        for (JsonNode execution : executions) {
            assertThat(execution.get("tasks_lost").asInt()).as("tasks lost in %s", execution).isZero();
            execution.get("tasks").forEach(t -> assertThat(t.get("completed").asBoolean()).as("%s", t).isTrue());
        }
    }
}
