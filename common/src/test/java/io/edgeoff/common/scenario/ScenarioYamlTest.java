package io.edgeoff.common.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.site.SiteKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioYamlTest {

    private static final String SEED_YAML = ScenarioYaml.write(ScenarioYaml.builtIn("seed"));

    @Test
    void seedScenarioHasTheSeedsSitesAppsAndConfigurations() {
        Scenario seed = ScenarioYaml.builtIn("seed");

        assertThat(seed.sites()).extracting(s -> s.id()).containsExactly("MD", "ED", "EC", "ER", "CD");
        assertThat(seed.device().id()).isEqualTo("MD");
        assertThat(seed.site("CD").kind()).isEqualTo(SiteKind.CLOUD);
        assertThat(seed.site("EC").mips()).isEqualTo(8000);
        assertThat(seed.applications()).extracting(Application::name)
                .containsExactly("ANTIVIRUS", "GPS_NAVIGATOR", "FACERECOGNIZER", "FACEBOOK", "CHESS");
        assertThat(seed.application("GPS_NAVIGATOR").size()).isEqualTo(9);
        assertThat(seed.workload().probabilities()).containsEntry("FACEBOOK", 0.45);
        assertThat(seed.configurations()).hasSize(5);
        assertThat(seed.configuration(5).nodes().get("EC")).isEqualTo(new TraceNode(2, 41));
        assertThat(seed.failureDetectionSeconds()).isEqualTo(1.5);
    }

    @Test
    void cloudLatencyIsADistributionResolvedToItsMeanByDefault() {
        Scenario seed = ScenarioYaml.builtIn("seed");

        double mean = seed.meanNetwork().latencyMillis("MD", "CD");
        double drawn = seed.network(new java.util.SplittableRandom(1)).latencyMillis("MD", "CD");

        assertThat(mean).isEqualTo(254.0);
        assertThat(drawn).isNotEqualTo(254.0).isBetween(54.0, 500.0);
        assertThat(seed.meanNetwork().latencyMillis("CD", "MD")).isEqualTo(mean);
    }

    @Test
    void writingThenReadingIsLossless() {
        Scenario seed = ScenarioYaml.builtIn("seed");

        Scenario reread = ScenarioYaml.parse(SEED_YAML, "roundtrip");

        assertThat(reread).isEqualTo(seed);
        assertThat(ScenarioYaml.write(reread)).isEqualTo(SEED_YAML);
    }

    @Test
    void namesFileFieldAndValueForAnUnknownSiteInALink() {
        String yaml = SEED_YAML.replaceFirst("- MD\n  - ED", "- MD\n  - XX");

        assertThatThrownBy(() -> ScenarioYaml.parse(yaml, "bad.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("links[0].between[1]")
                .hasMessageContaining("unknown site 'XX'");
    }

    @Test
    void namesTheCycleOfACyclicDag() {
        String yaml = SEED_YAML.replace("- - COMPUTE_MOVE\n    - OUTPUT",
                "- - COMPUTE_MOVE\n    - OUTPUT\n  - - COMPUTE_MOVE\n    - UPDATE_CHESS");

        assertThatThrownBy(() -> ScenarioYaml.parse(yaml, "cyclic.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cyclic.yaml")
                .hasMessageContaining("applications[4]")
                .hasMessageContaining("cycle UPDATE_CHESS -> COMPUTE_MOVE -> UPDATE_CHESS");
    }

    @Test
    void rejectsNegativeMillionInstructions() {
        String yaml = SEED_YAML.replaceFirst("- 550\\.0", "- -550.0");

        assertThatThrownBy(() -> ScenarioYaml.parse(yaml, "neg.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("neg.yaml: taskKinds.CI.mi")
                .hasMessageContaining("-550.0");
    }

    @Test
    void rejectsWorkloadProbabilitiesThatDoNotSumToOne() {
        String yaml = SEED_YAML.replace("FACEBOOK: 0.45", "FACEBOOK: 0.55");

        assertThatThrownBy(() -> ScenarioYaml.parse(yaml, "mix.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("mix.yaml: workload")
                .hasMessageContaining("sum to 1.1");
    }

    @Test
    void rejectsUnknownFieldsListingTheKnownOnes() {
        String yaml = SEED_YAML.replace("name: seed", "name: seed\nsitez: []");

        assertThatThrownBy(() -> ScenarioYaml.parse(yaml, "typo.yaml"))
                .hasMessageContaining("typo.yaml: sitez: unknown field 'sitez'")
                .hasMessageContaining("sites");
    }

    @Test
    void reportsMalformedYamlWithItsLine() {
        assertThatThrownBy(() -> ScenarioYaml.parse("name: [unclosed\nsites: 3\n", "broken.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("broken.yaml: not valid YAML");
    }

    @Test
    void reportsAMissingFileByName(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ScenarioYaml.load(missing.toString()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("nope.yaml: file not found");
    }

    @Test
    void readsAScenarioFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("copy.yaml");
        Files.writeString(file, SEED_YAML);

        Scenario scenario = ScenarioYaml.load(file.toString());

        assertThat(scenario).isEqualTo(ScenarioYaml.builtIn("seed"));
    }

    @Test
    void rejectsAScenarioWithoutADevice() {
        String yaml = SEED_YAML.replace("kind: DEVICE", "kind: EDGE");

        assertThatThrownBy(() -> ScenarioYaml.parse(yaml, "nodevice.yaml"))
                .hasMessageContaining("exactly one DEVICE site");
    }

    @Test
    void rejectsAnUnknownSiteKind() {
        String yaml = SEED_YAML.replace("kind: CLOUD", "kind: FOG");

        assertThatThrownBy(() -> ScenarioYaml.parse(yaml, "kind.yaml"))
                .hasMessageContaining("kind.yaml: sites[4].kind: unknown site kind 'FOG'");
    }
}
