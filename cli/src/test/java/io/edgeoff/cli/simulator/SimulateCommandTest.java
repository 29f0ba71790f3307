package io.edgeoff.cli.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.cli.CliRun;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.scenario.TraceNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateCommandTest {
    @TempDir
    Path dir;
    Path trace;

    /** A small generic trace: every seed candidate node fails every 3 to 5 days for a few hours, over 90 days. */
    @BeforeEach
    void writeTrace() throws IOException {
        Set<TraceNode> nodes = new LinkedHashSet<>();
        ScenarioYaml.load("seed").configurations().forEach(c -> nodes.addAll(c.nodes().values()));
        StringBuilder csv = new StringBuilder("system,node,start,end\n");
        Instant origin = Instant.parse("2004-01-01T00:00:00Z");
        for (TraceNode node : nodes) {
            Instant t = origin.plus(Duration.ofHours(node.node() % 24));
            while (t.isBefore(origin.plus(Duration.ofDays(90)))) {
                Duration down = Duration.ofHours(2 + (node.node() + node.system()) % 20);
                csv.append(node.system()).append(',').append(node.node()).append(',').append(t).append(',')
                        .append(t.plus(down)).append('\n');
                t = t.plus(Duration.ofDays(3 + node.node() % 3));
            }
        }
        trace = dir.resolve("trace.csv");
        Files.writeString(trace, csv);
    }

    /** Runs simulate with small defaults; {@code extra} option/value pairs replace or add to them. */
    private CliRun simulate(Path out, String... extra) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--trace", trace.toString());
        options.put("--configs", "1-2");
        options.put("--samplings", "3");
        options.put("--executions", "4");
        options.put("--policies", "local,seed-mdp-svr,efpo,myopic-oracle,clairvoyant");
        options.put("--out", out.toString());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("simulate", "--quiet", "--no-html"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void writesReportsAndTheSameSeedGivesTheSameBytes() throws IOException {
        CliRun first = simulate(dir.resolve("a"));
        CliRun second = simulate(dir.resolve("b"), "--threads", "1");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.out()).contains("seed-mdp-svr", "myopic-oracle", "clairvoyant", "reports:",
                "distance to the clairvoyant bound");
        assertThat(first.out().lines().filter(l -> l.startsWith("  efpo ")).findFirst().orElseThrow())
                .contains(" s (+", "smallest +");
        for (String file : new String[] {"summary.json", "samplings.csv", "summary.csv"}) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("a/summary.json").toFile());
        assertThat(summary.at("/policies/myopic-oracle/offload_failures/mean").asDouble()).isZero();
        assertThat(summary.at("/policies/clairvoyant/offload_failures/mean").asDouble()).isZero();
        assertThat(summary.at("/policies/clairvoyant/response_s/mean").asDouble())
                .isLessThanOrEqualTo(summary.at("/policies/myopic-oracle/response_s/mean").asDouble());
        assertThat(summary.at("/configurations/2/policies/local/tasks_per_site/MD/mean").asDouble()).isPositive();
    }

    @Test
    void aDifferentSeedGivesDifferentResults() throws IOException {
        simulate(dir.resolve("a"));
        simulate(dir.resolve("b"), "--seed", "2");

        assertThat(Files.readString(dir.resolve("b/summary.json")))
                .isNotEqualTo(Files.readString(dir.resolve("a/summary.json")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--policies|mdp,nope|unknown policy 'nope'",
        "--configs|1-9|configuration 6 is not in scenario seed",
        "--configs|x|--configs: expected ids like 1-5",
        "--failure-mode|sometimes|failure mode must be one of [seed, time]",
        "--samplings|0|--samplings must be >= 1",
        "--time-weight|1.5|--time-weight must be in [0,1]",
        "--predictor|crystal-ball|crystal-ball",
    })
    void badInputIsOneLineAndExitCodeTwo(String option, String value, String expected) {
        CliRun run = simulate(dir.resolve("x"), option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgeoff: ").contains(expected).doesNotContain("\tat ");
    }

    @Test
    void aMissingTraceFileOrScenarioIsAUserError() {
        CliRun noTrace = CliRun.of("simulate", "--trace", dir.resolve("missing.csv").toString(), "--quiet");
        CliRun noScenario = CliRun.of("simulate", "--scenario", dir.resolve("missing.yaml").toString(),
                "--trace", trace.toString(), "--quiet");

        assertThat(noTrace.exitCode()).isEqualTo(2);
        assertThat(noTrace.err()).contains("missing.csv");
        assertThat(noScenario.exitCode()).isEqualTo(2);
        assertThat(noScenario.err()).contains("missing.yaml");
    }

    @Test
    void benchReportsTasksPerSecond() {
        CliRun run = CliRun.of("simulate", "bench", "--trace", trace.toString(), "--policies", "local,seed-mdp-svr",
                "--samplings", "2", "--warmup", "1", "--executions", "5", "--rounds", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tasks/s", "local", "seed-mdp-svr");
    }
}
