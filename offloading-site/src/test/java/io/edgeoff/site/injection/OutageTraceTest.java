package io.edgeoff.site.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutageTraceTest {
    @TempDir
    Path dir;

    @Test
    void readsTheGenericCsvWithHeaderCommentsAndOptionalModes() throws Exception {
        Path file = dir.resolve("trace.csv");
        Files.writeString(file, "startOffsetSeconds,durationSeconds,mode\n# a comment\n\n100,50\n10, 5 ,crash\n");

        OutageTrace trace = OutageTrace.readCsv(file);

        assertThat(trace.outages()).containsExactly(
                new TraceOutage(10, 5, Optional.of(OutageMode.CRASH)),
                new TraceOutage(100, 50, Optional.empty()));
    }

    @Test
    void mergesOverlappingOutages() {
        OutageTrace trace = OutageTrace.parseCsv(List.of("0,10", "5,10", "30,1"), "t");

        assertThat(trace.outages()).containsExactly(new TraceOutage(0, 15, Optional.empty()),
                new TraceOutage(30, 1, Optional.empty()));
    }

    @Test
    void errorsNameTheFileTheLineAndTheValue() {
        assertThatThrownBy(() -> OutageTrace.parseCsv(List.of("0,10", "abc,5"), "my.csv"))
                .hasMessage("my.csv:2: startOffsetSeconds must be a number, but was 'abc'");
        assertThatThrownBy(() -> OutageTrace.parseCsv(List.of("5,-1"), "my.csv"))
                .hasMessage("my.csv:1: outage duration must be > 0 s, but was -1.0");
        assertThatThrownBy(() -> OutageTrace.parseCsv(List.of("5,1,melt"), "my.csv"))
                .hasMessageStartingWith("my.csv:1: mode: unknown outage mode 'melt'");
        assertThatThrownBy(() -> OutageTrace.readCsv(dir.resolve("missing.csv")))
                .hasMessageEndingWith("missing.csv does not exist");
    }

    @Test
    void theFingerprintIdentifiesTheOutages() {
        assertThat(OutageTrace.parseCsv(List.of("0,10"), "a").fingerprint())
                .isEqualTo(OutageTrace.parseCsv(List.of("# x", "0,10"), "b").fingerprint())
                .isNotEqualTo(OutageTrace.parseCsv(List.of("0,11"), "a").fingerprint());
    }
}
