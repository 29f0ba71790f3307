package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.availability.TraceSources;
import io.edgeoff.simulator.failure.FailureMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seed's protocol on the real LANL trace (skipped when the data is not there). */
class LanlSeedProtocolTest {

    static Optional<Path> lanl() {
        String env = System.getenv("EDGEOFF_LANL_TRACE");
        if (env != null && Files.isRegularFile(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/lanl/LA-UR-05-7318-failure-data-1996-2005.csv");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest
    @EnumSource(FailureMode.class)
    void realPoliciesRunOnEveryConfigurationAndTheOracleNeverFailsInSeedMode(FailureMode mode) {
        Optional<Path> trace = lanl();
        assumeTrue(trace.isPresent(), "LANL trace not found");
        ExperimentRunner runner = new ExperimentRunner(TraceSources.open(trace));
        ExperimentSpec spec = ExperimentSpec.of(Fixtures.seedScenario(), List.of(1, 2, 3, 4, 5),
                List.of("mdp", "seed-mdp-svr", "efpo", "myopic-oracle", "local"), 3, 10, 11).toBuilder().failureMode(mode).build();

        ExperimentResult result = runner.run(spec);

        assertThat(result.samplings()).hasSize(5 * 5 * 3);
        if (mode == FailureMode.SEED) {
            assertThat(result.summary("myopic-oracle").failures().mean()).isZero();
        }
        assertThat(result.summary("local").failures().mean()).isZero();
        assertThat(result.summary("myopic-oracle").responseTimeSeconds().mean())
                .isLessThan(result.summary("local").responseTimeSeconds().mean());
        assertThat(result.summary("mdp").tasksPerSite().get("MD").mean())
                .isLessThan(result.summary("local").tasksPerSite().get("MD").mean());
    }
}
