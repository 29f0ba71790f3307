package io.edgeoff.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo's task kind: the seed's synthetic MI tasks unless {@code --no-synthetic-tasks} asks for the built-in
 * handlers (the failure comparison needs offloading to pay; docs/RESULTS.md).
 */
class DemoCommandTest {
    private static DemoCommand parse(String... args) {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs(args);
        return demo;
    }

    @Test
    void theDemoRunsSyntheticTasksByDefaultAndTheHandlersOnRequest() {
        assertThat(parse().syntheticTasks).isTrue();
        assertThat(parse("--synthetic-tasks").syntheticTasks).isTrue();
        assertThat(parse("--no-synthetic-tasks").syntheticTasks).isFalse();
    }
}
