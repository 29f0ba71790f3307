package io.edgeoff.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo's task kind: the built-in handlers (real work sized to each task's drawn MI) unless
 * {@code --synthetic-tasks} asks for the seed's synthetic MI tasks.
 */
class DemoCommandTest {
    private static DemoCommand parse(String... args) {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs(args);
        return demo;
    }

    @Test
    void theDemoRunsTheHandlersByDefaultAndSyntheticTasksOnRequest() {
        assertThat(parse().syntheticTasks).isFalse();
        assertThat(parse("--synthetic-tasks").syntheticTasks).isTrue();
        assertThat(parse("--no-synthetic-tasks").syntheticTasks).isFalse();
    }
}
