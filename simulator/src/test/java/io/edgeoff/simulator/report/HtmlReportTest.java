package io.edgeoff.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html}: the seed's report is byte for byte {@code golden/seed-report.html}, which the simulator wrote
 * before the report had sections per device and per cell (commit 93537b7). Regenerate it only for a change meant to
 * alter the seed's report: {@code -Dedgeoff.golden.write=simulator/src/test/resources/golden/seed-report.html}.
 */
class HtmlReportTest {
    @TempDir
    Path dir;

    private static ExperimentResult seedResult() {
        return Fixtures.runner(Fixtures.uniform(Fixtures.randomSeries(3, 200))).run(ExperimentSpec.of(
                Fixtures.seedScenario(), List.of(1, 2), List.of("local", "first-remote"), 3, 5, 11));
    }

    private static void assertGolden(String html) throws IOException {
        String write = System.getProperty("edgeoff.golden.write");
        if (write != null && write.endsWith("seed-report.html")) {
            Files.writeString(Path.of(write), html, StandardCharsets.UTF_8);
        }
        try (InputStream in = HtmlReportTest.class.getResourceAsStream("/golden/seed-report.html")) {
            assertThat(in).as("golden/seed-report.html").isNotNull();
            assertThat(html).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSeedsReportIsByteForByteTheOneWrittenBeforeSectionsPerDevice() throws IOException {
        ReportWriter.write(dir, seedResult(), true);

        assertGolden(Files.readString(dir.resolve("report.html")));
    }
}
