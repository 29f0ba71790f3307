package io.edgeoff.prediction.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericTraceReaderTest {
    private static FailureTrace read(String text) {
        return new GenericTraceReader().read(new StringReader(text), "generic.csv");
    }

    @Test
    void readsCsvWithEndOrDurationColumns() {
        String text = "# my cluster\r\nsystem,node,start,end,duration\r\n"
                + "0,3,2024-05-01T10:00:00Z,2024-05-01T10:30:00Z,\r\n"
                + "1,4,2024-05-02T10:00:00,,PT2H\r\n";

        FailureTrace trace = read(text);

        assertThat(trace.outages()).containsExactly(
                new Outage(new NodeId(0, 3), Instant.parse("2024-05-01T10:00:00Z"), Duration.ofMinutes(30)),
                new Outage(new NodeId(1, 4), Instant.parse("2024-05-02T10:00:00Z"), Duration.ofHours(2)));
    }

    @Test
    void readsJsonLinesAndReportsBadLinesWithTheirNumbers() {
        String text = "{\"node\":\"16/1\",\"start\":\"2024-05-01T10:00:00Z\",\"durationSeconds\":90}\n"
                + "{\"node\":\"16/1\",\"start\":\"yesterday\",\"durationMinutes\":5}\n"
                + "{not json\n"
                + "{\"node\":\"16/1\",\"start\":\"2024-05-01T12:00:00Z\",\"end\":\"2024-05-01T11:00:00Z\"}\n"
                + "{\"node\":\"2\",\"start\":\"2024-05-03T00:00:00Z\",\"durationMinutes\":1.5}\n";

        FailureTrace trace = read(text);

        assertThat(trace.outages()).containsExactly(
                new Outage(new NodeId(16, 1), Instant.parse("2024-05-01T10:00:00Z"), Duration.ofSeconds(90)),
                new Outage(new NodeId(0, 2), Instant.parse("2024-05-03T00:00:00Z"), Duration.ofSeconds(90)));
        assertThat(trace.report().skipped()).extracting(SkippedRow::line).containsExactly(2L, 3L, 4L);
        assertThat(trace.report().skipped().get(0).reason()).contains("start").contains("yesterday");
        assertThat(trace.report().skipped().get(2).reason()).contains("ends before it starts");
    }

    @Test
    void rejectsACsvHeaderWithoutStartOrLength() {
        assertThatThrownBy(() -> read("node,begin\n1,2024-01-01T00:00:00Z\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'node' and 'start'");
        assertThatThrownBy(() -> read("node,start\n1,2024-01-01T00:00:00Z\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'end'");
    }

    @Test
    void traceReadersPicksTheFormatFromTheFirstLine(@TempDir Path dir) throws IOException {
        Path lanl = dir.resolve("lanl.csv");
        Files.writeString(lanl, "System,nodenum,Prob Started,Prob Fixed,Down Time\r\n2,0,6/21/2005 10:54,6/21/2005 11:00,6\r\n");
        Path json = dir.resolve("site.jsonl");
        Files.writeString(json, "{\"node\":\"0\",\"start\":\"2024-05-01T10:00:00Z\",\"duration\":\"PT1M\"}\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b,c\n1,2,3\n");

        assertThat(TraceReaders.forFile(lanl).format()).isEqualTo("lanl");
        assertThat(TraceReaders.read(json).size()).isEqualTo(1);
        assertThatThrownBy(() -> TraceReaders.read(bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.csv").hasMessageContaining("unknown header");
        assertThatThrownBy(() -> TraceReaders.read(dir.resolve("missing.csv")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }
}
