package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.ScenarioYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceConversionTest {
    @TempDir
    Path dir;

    static Optional<Path> lanl() {
        String env = System.getenv("EDGEOFF_LANL_TRACE");
        if (env != null && Files.isRegularFile(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/lanl/LA-UR-05-7318-failure-data-1996-2005.csv");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void writesOneTraceForEachSiteFromItsNodeCandidateFromWhenEveryNodeHasRecords() throws Exception {
        Optional<Path> lanl = lanl();
        Assumptions.assumeTrue(lanl.isPresent(), "LANL data not available");

        Map<String, Path> files = TraceConversion.lanlTraces(ScenarioYaml.load("seed"), lanl.get(), 1, dir);

        assertThat(files).containsOnlyKeys("ED", "EC", "ER", "CD");
        double earliest = Double.MAX_VALUE;
        for (Path file : files.values()) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).isEqualTo("startOffsetSeconds,durationSeconds");
            assertThat(lines.subList(1, lines.size())).allMatch(l -> Double.parseDouble(l.split(",")[0]) >= 0);
            if (lines.size() > 1) { // a node whose records end before another's begin replays nothing
                earliest = Math.min(earliest, Double.parseDouble(lines.get(1).split(",")[0]));
            }
        }
        assertThat(earliest).isZero(); // the node whose records start last fails at the origin
    }

    @Test
    void theLanlFittedSyntheticTraceNeedsNoData() throws Exception {
        Map<String, Path> files = TraceConversion.lanlTraces(ScenarioYaml.load("seed"), Path.of("synthetic-lanl"), 1,
                dir);

        assertThat(files).containsOnlyKeys("ED", "EC", "ER", "CD");
        assertThat(files.values()).allMatch(Files::isRegularFile);
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThatThrownBy(() -> TraceConversion.lanlTraces(ScenarioYaml.load("seed"), dir.resolve("nope.csv"), 1, dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.csv does not exist");
    }
}
