package io.edgeoff.device.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MixedWorkloadTest {
    private final Scenario seed = ScenarioYaml.load("seed");

    @Test
    void theSameSeedGivesTheSameExecutions() {
        List<AppInstance> a = new MixedWorkload(seed, 7).take(50);
        List<AppInstance> b = new MixedWorkload(seed, 7).take(50);
        List<AppInstance> c = new MixedWorkload(seed, 8).take(50);

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void drawsApplicationsWithTheSeedsMix() {
        Map<String, Long> counts = new MixedWorkload(seed, 1).take(20_000).stream()
                .collect(Collectors.groupingBy(i -> i.application().name(), Collectors.counting()));

        Function<String, Double> share = app -> counts.get(app) / 20_000.0;
        assertThat(share.apply("FACEBOOK")).isCloseTo(0.45, offset(0.02));
        assertThat(share.apply("GPS_NAVIGATOR")).isCloseTo(0.30, offset(0.02));
        assertThat(share.apply("ANTIVIRUS")).isCloseTo(0.05, offset(0.01));
    }

    @Test
    void inputBytesAreDeterministicAndSizedInKilobytes() {
        assertThat(MixedWorkload.inputBytes(1, 2, 3, 4.5)).hasSize(4608)
                .isEqualTo(MixedWorkload.inputBytes(1, 2, 3, 4.5))
                .isNotEqualTo(MixedWorkload.inputBytes(1, 2, 4, 4.5));
    }
}
