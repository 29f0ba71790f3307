package io.edgeoff.device.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.scenario.ScenarioYaml;
import org.junit.jupiter.api.Test;

class ApplicationProfilerTest {
    private final Application chess = ScenarioYaml.load("seed").application("CHESS");

    @Test
    void startsFromTheMeanOfTheConfiguredKind() {
        ApplicationProfiler profiler = new ApplicationProfiler();

        TaskProfile move = profiler.profile(chess, chess.indexOf("COMPUTE_MOVE"));

        assertThat(move.millionInstructions()).isEqualTo(600.0);
        assertThat(move.outKB()).isEqualTo(6.0);
        assertThat(move.samples()).isEqualTo(1);
    }

    @Test
    void movesTowardsMeasuredExecutions() {
        ApplicationProfiler profiler = new ApplicationProfiler(10);
        int move = chess.indexOf("COMPUTE_MOVE");

        for (int i = 0; i < 30; i++) {
            profiler.observe(chess, move, 0.1, 8000, 4); // 800 MI, 4 KB out
        }

        TaskProfile p = profiler.profile(chess, move);
        assertThat(p.millionInstructions()).isCloseTo(800, offset(10.0));
        assertThat(p.outKB()).isCloseTo(4, offset(0.1));
    }

    @Test
    void planKeepsTheRealInputSizeAndUsesEstimatesForWorkAndOutput() {
        ApplicationProfiler profiler = new ApplicationProfiler();
        AppInstance actual = AppInstance.draw(chess, new java.util.SplittableRandom(1));

        AppInstance planned = profiler.plan(actual);

        for (int i = 0; i < actual.size(); i++) {
            assertThat(planned.task(i).inKB()).isEqualTo(actual.task(i).inKB());
            assertThat(planned.task(i).millionInstructions())
                    .isEqualTo(profiler.profile(chess, i).millionInstructions());
        }
    }
}
