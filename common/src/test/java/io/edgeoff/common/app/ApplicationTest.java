package io.edgeoff.common.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.ScenarioYaml;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApplicationTest {

    private static final TaskKind R = new TaskKind("R", new Range(100, 200), new Range(4, 8), new Range(4, 8));

    private static TaskSpec task(String name) {
        return new TaskSpec(name, R, 1, true);
    }

    @Test
    void epochsAreTheSeedsReadySets() {
        Application gps = ScenarioYaml.builtIn("seed").application("GPS_NAVIGATOR");

        List<int[]> epochs = gps.epochs();

        assertThat(epochs.stream().map(e -> Arrays.stream(e).mapToObj(i -> gps.tasks().get(i).name()).toList()))
                .containsExactly(List.of("CONF_PANEL", "GPS"), List.of("CONTROL"), List.of("MAPS", "TRAFFIC"),
                        List.of("PATH_CALC"), List.of("VOICE_SYNTH", "GUI", "SPEED_TRAP"));
    }

    @Test
    void sinksAreTasksWithoutSuccessors() {
        Application chess = ScenarioYaml.builtIn("seed").application("CHESS");

        boolean[] sinks = chess.sinks();

        assertThat(sinks).containsExactly(false, false, false, true);
    }

    @Test
    void topologicalOrderRespectsEveryEdge() {
        for (Application app : ScenarioYaml.builtIn("seed").applications()) {
            int[] order = app.topologicalOrder();
            int[] position = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                position[order[i]] = i;
            }

            for (DagEdge edge : app.edges()) {
                assertThat(position[app.indexOf(edge.from())]).isLessThan(position[app.indexOf(edge.to())]);
            }
        }
    }

    @Test
    void rejectsAnEdgeToAnUnknownTask() {
        assertThatThrownBy(() -> new Application("A", List.of(task("X")), List.of(new DagEdge("X", "Y"))))
                .hasMessage("application A: edge X -> Y ends at unknown task Y");
    }

    @Test
    void rejectsASelfLoopAsACycle() {
        assertThatThrownBy(() -> new Application("A", List.of(task("X")), List.of(new DagEdge("X", "X"))))
                .hasMessage("application A is not a DAG: cycle X -> X");
    }

    @Test
    void drawsResourceDemandsWithinTheKindsInclusiveBounds() {
        Application chess = ScenarioYaml.builtIn("seed").application("CHESS");
        SplittableRandom random = new SplittableRandom(42);

        List<AppInstance> draws = IntStream.range(0, 2000).mapToObj(i -> AppInstance.draw(chess, random)).toList();

        List<Double> mi = draws.stream().map(d -> d.task(2).millionInstructions()).toList();
        assertThat(mi).allSatisfy(v -> assertThat(v).isBetween(550.0, 650.0).isEqualTo(Math.rint(v)));
        assertThat(mi).contains(550.0, 650.0);
    }

    @Test
    void sameSeedDrawsTheSameInstance() {
        Application gps = ScenarioYaml.builtIn("seed").application("GPS_NAVIGATOR");

        AppInstance a = AppInstance.draw(gps, new SplittableRandom(7));
        AppInstance b = AppInstance.draw(gps, new SplittableRandom(7));

        assertThat(a).isEqualTo(b);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void workloadDrawFrequenciesFollowTheMix(long seed) {
        WorkloadMix mix = ScenarioYaml.builtIn("seed").workload();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Long> counts = new java.util.HashMap<>();

        for (int i = 0; i < 20_000; i++) {
            counts.merge(mix.draw(random), 1L, Long::sum);
        }

        mix.probabilities().forEach((app, p) ->
                assertThat(counts.getOrDefault(app, 0L) / 20_000.0).isCloseTo(p, org.assertj.core.data.Offset.offset(0.015)));
    }

    @Test
    void rejectsAProbabilityOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new WorkloadMix(Map.of("A", 1.2)))
                .hasMessage("workload probability of A must be in [0,1], but was 1.2");
    }
}
