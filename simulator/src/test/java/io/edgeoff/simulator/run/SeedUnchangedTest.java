package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import io.edgeoff.simulator.report.SummaryJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A scenario without {@code devices:}, {@code cells:} and {@code mobility:} means what it meant before they existed:
 * the seed's results, in the seed mode and with {@code --devices 3} contention in the time mode, are byte for byte
 * the ones recorded in {@code golden/seed-unchanged.txt}, which the simulator wrote before several devices and
 * mobility were added (commit 6ba624a). Regenerate it only for a change meant to alter the seed's results:
 * {@code -Dedgeoff.golden.write=simulator/src/test/resources/golden/seed-unchanged.txt}.
 */
class SeedUnchangedTest {
    private static final List<String> POLICIES = List.of("mdp", "seed-mdp-svr", "efpo", "reactive", "local");

    private static String results() {
        ExperimentRunner runner = new ExperimentRunner(Policies.registry(),
                Fixtures.uniform(Fixtures.randomSeries(5, 400)), PlacementRules.ofDefaults(),
                Optional.of(DetectorConfig.ofDefaults()));
        ExperimentSpec seedMode = ExperimentSpec.of(Fixtures.seedScenario(), List.of(1, 3), POLICIES, 4, 12, 7)
                .toBuilder().threads(2).build();
        ExperimentSpec contention = seedMode.toBuilder().failureMode(FailureMode.TIME).devices(3).samplings(3).build();
        StringBuilder out = new StringBuilder();
        for (ExperimentSpec spec : List.of(seedMode, contention)) {
            ExperimentResult result = runner.run(spec);
            out.append(SummaryJson.toJson(SummaryJson.summary(result))).append('\n');
            for (SamplingMetrics m : result.samplings()) {
                out.append(m.configuration()).append(' ').append(m.policy()).append(' ').append(m.sampling())
                        .append(' ').append(m.executions()).append(' ').append(m.tasks())
                        .append(' ').append(m.responseTimeSeconds()).append(' ').append(m.energyJoules())
                        .append(' ').append(m.failures()).append(' ').append(m.offloadAttempts())
                        .append(' ').append(Arrays.toString(m.tasksPerSite()))
                        .append(' ').append(Arrays.toString(m.failuresPerSite())).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void theSeedsResultsAreByteForByteTheOnesRecordedBeforeDevicesAndMobility() throws IOException {
        String now = results();

        String write = System.getProperty("edgeoff.golden.write");
        if (write != null) {
            Files.writeString(Path.of(write), now, StandardCharsets.UTF_8);
        }
        try (InputStream in = SeedUnchangedTest.class.getResourceAsStream("/golden/seed-unchanged.txt")) {
            assertThat(in).as("golden/seed-unchanged.txt").isNotNull();
            assertThat(now).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
