package io.edgeoff.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressBar bar(boolean terminal) {
        return new ProgressBar(new PrintWriter(text), terminal, "samplings", nanos::get);
    }

    @Test
    void withoutATerminalItWritesTheFirstStepThenOneLinePerTenthWithElapsedAndLeftTime() {
        ProgressBar bar = bar(false);

        for (int done = 1; done <= 100; done++) {
            nanos.addAndGet(1_000_000_000L);
            bar.step(done, 100, "simulate");
        }

        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).startsWith("simulate [..............................] 1% 1/100");
        assertThat(lines[1]).isEqualTo("simulate [###...........................] 10% 10/100 samplings, 10 s elapsed, ~90 s left");
        assertThat(lines[10]).isEqualTo("simulate [##############################] 100% 100/100 samplings, 100 s elapsed, ~0 s left");
    }

    @Test
    void onATerminalItRedrawsOneLineAtMostOncePerPercentAndEndsIt() {
        ProgressBar bar = bar(true);

        for (int done = 1; done <= 1000; done++) {
            bar.step(done, 1000, "");
        }

        String out = text.toString();
        assertThat(out.chars().filter(c -> c == '\r')).hasSize(101);
        assertThat(out).endsWith("1000/1000 samplings, 0 s elapsed, ~0 s left          " + System.lineSeparator())
                .doesNotContain("\n\r");
    }

    @Test
    void timeBeforeTheWorkBeginsDoesNotCountTowardsTheEstimate() {
        ProgressBar bar = bar(false);
        nanos.addAndGet(90_000_000_000L); // starting sites
        bar.step(0, 10, "");
        nanos.addAndGet(1_000_000_000L);
        bar.step(1, 10, "mdp");

        String[] lines = text.toString().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo(
                "mdp [###...........................] 10% 1/10 samplings, 1 s elapsed, ~9 s left");
    }

    @Test
    void nothingToDoIsAFullBar() {
        bar(false).step(0, 0, "");

        assertThat(text.toString()).startsWith("[##############################] 100% 0/0 samplings");
    }
}
