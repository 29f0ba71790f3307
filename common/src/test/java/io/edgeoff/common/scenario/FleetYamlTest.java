package io.edgeoff.common.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.mobility.HandoverRule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleetYamlTest {
    private static final String SEED_YAML = ScenarioYaml.write(ScenarioYaml.builtIn("seed"));

    private static final String FLEET = """
            cells:
              - id: HOME
                links:
                  ED: {latencyMillis: 5, bandwidthKBps: 5000}
              - id: WORK
                links:
                  EC: {latencyMillis: 4, bandwidthKBps: 4000}
            mobility:
              handover: finish-old-path
              lookaheadSeconds: 1.5
            devices:
              - id: a
                workload: {CHESS: 1.0}
                executions: 7
                meanIdleSeconds: 0.25
                links:
                  ER: {latencyMillis: 9, bandwidthKBps: 900}
                cells:
                  schedule:
                    - {atSeconds: 0, cell: HOME}
                    - {atSeconds: 10, cell: WORK}
                  repeatEverySeconds: 30
              - id: b
            """;

    private static Scenario parse(String fleet) {
        return ScenarioYaml.parse(SEED_YAML + fleet, "fleet.yaml");
    }

    @Test
    void readsDevicesCellsAndTheHandoverRule() {
        Scenario scenario = parse(FLEET);

        Fleet fleet = scenario.fleet();
        assertThat(fleet.devices()).extracting(DeviceSpec::id).containsExactly("a", "b");
        DeviceSpec a = fleet.devices().get(0);
        assertThat(a.workload().orElseThrow().probabilities()).containsEntry("CHESS", 1.0);
        assertThat(a.executions().getAsInt()).isEqualTo(7);
        assertThat(a.meanIdleSeconds()).isEqualTo(0.25);
        assertThat(a.links()).containsExactly(new AccessLink("ER", 9, 900));
        assertThat(a.cells().cellAt(35)).isEqualTo("HOME");
        assertThat(a.cells().cellAt(45)).isEqualTo("WORK");
        assertThat(fleet.devices().get(1).workload()).isEmpty();
        assertThat(fleet.handover()).contains(HandoverRule.FINISH_OLD_PATH);
        assertThat(fleet.lookaheadSeconds()).isEqualTo(1.5);
        assertThat(fleet.cell("WORK").link("EC")).contains(new AccessLink("EC", 4, 4000));
    }

    @Test
    void writingThenReadingAFleetIsLossless() {
        Scenario scenario = parse(FLEET);

        String written = ScenarioYaml.write(scenario);
        Scenario reread = ScenarioYaml.parse(written, "roundtrip");

        assertThat(reread).isEqualTo(scenario);
        assertThat(ScenarioYaml.write(reread)).isEqualTo(written);
    }

    @Test
    void aScenarioWithoutTheSectionsHasNoFleetAndWritesAsBefore() {
        Scenario seed = ScenarioYaml.builtIn("seed");

        assertThat(seed.fleet()).isEqualTo(Fleet.none());
        assertThat(ScenarioYaml.write(seed)).doesNotContain("devices").doesNotContain("cells")
                .doesNotContain("mobility");
    }

    @Test
    void theBuiltInExamplesLoadAndRoundTrip() {
        for (String name : ScenarioYaml.BUILT_IN) {
            Scenario scenario = ScenarioYaml.load(name);

            assertThat(scenario.name()).isEqualTo(name);
            assertThat(ScenarioYaml.parse(ScenarioYaml.write(scenario), "roundtrip")).isEqualTo(scenario);
        }
        assertThat(ScenarioYaml.load("campus-3-devices").fleet().devices()).hasSize(3);
        assertThat(ScenarioYaml.load("commuter-3-hotspots").fleet().cells()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown cell in a schedule|- {atSeconds: 10, cell: WORK}|- {atSeconds: 10, cell: PARK}"
                + "|fleet.yaml: devices[0].cells.schedule[1].cell: unknown cell 'PARK'; known cells: [HOME, WORK]",
        "unknown handover rule|handover: finish-old-path|handover: teleport"
                + "|fleet.yaml: mobility.handover: unknown handover rule 'teleport'; known: [finish-old-path, fail-and-redecide]",
        "link to the device|ER: {latencyMillis: 9|MD: {latencyMillis: 9"
                + "|fleet.yaml: devices[0].links.MD: unknown remote site 'MD'; remote sites: [ED, EC, ER, CD]",
        "negative bandwidth|bandwidthKBps: 900|bandwidthKBps: -1"
                + "|fleet.yaml: devices[0].links.ER: bandwidthKBps must be finite and > 0, but was -1.0",
        "first visit not at zero|- {atSeconds: 0, cell: HOME}|- {atSeconds: 3, cell: HOME}"
                + "|fleet.yaml: devices[0].cells: the first visit must be at 0 s, but was at 3.0",
        "repeat shorter than the schedule|repeatEverySeconds: 30|repeatEverySeconds: 5"
                + "|fleet.yaml: devices[0].cells: repeatEverySeconds must be more than the last visit's time 10.0 s, but was 5.0",
        "duplicate device|- id: b|- id: a|fleet.yaml: devices[1].id: duplicate device id 'a'",
        "unknown application|workload: {CHESS: 1.0}|workload: {SNAKE: 1.0}"
                + "|fleet.yaml: devices[0].workload.SNAKE: unknown application 'SNAKE'; known: [ANTIVIRUS, GPS_NAVIGATOR, FACERECOGNIZER, FACEBOOK, CHESS]",
        "zero executions|executions: 7|executions: 0|fleet.yaml: devices[0].executions: must be >= 1, but was 0",
        "typo in a device field|meanIdleSeconds: 0.25|meanIdle: 0.25"
                + "|fleet.yaml: devices[0].meanIdle: unknown field 'meanIdle'; known fields: [id, workload, executions, meanIdleSeconds, links, cells]",
        "missing handover rule|  handover: finish-old-path|  lookaheadSeconds: 0"
                + "|fleet.yaml: mobility.handover: missing; device a moves between cells",
    })
    void namesTheFieldOfAnInvalidFleet(String problem, String from, String to, String message) {
        String yaml = FLEET.replace(from, to);

        assertThat(yaml).as(problem).isNotEqualTo(FLEET);
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ScenarioException.class).hasMessageStartingWith(message);
    }

    @Test
    void readsACellTraceFileRelativeToTheScenarioAndReportsABadLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("walk.csv"), "atSeconds,cell\n0,HOME\n# lunch\n12.5,WORK\n");
        String fleet = FLEET.replace("""
                      schedule:
                        - {atSeconds: 0, cell: HOME}
                        - {atSeconds: 10, cell: WORK}
                      repeatEverySeconds: 30
                """, """
                      trace: walk.csv
                """);
        Files.writeString(dir.resolve("s.yaml"), SEED_YAML + fleet);

        Scenario scenario = ScenarioYaml.read(dir.resolve("s.yaml"));

        assertThat(fleet).contains("trace: walk.csv");
        assertThat(scenario.fleet().devices().get(0).cells().visits()).extracting(v -> v.atSeconds())
                .containsExactly(0.0, 12.5);
        Files.writeString(dir.resolve("walk.csv"), "0,HOME\nsoon,WORK\n");
        assertThatThrownBy(() -> ScenarioYaml.read(dir.resolve("s.yaml")))
                .hasMessage(dir.resolve("s.yaml") + ": devices[0].cells.trace: walk.csv line 2: atSeconds must be a "
                        + "number, but was 'soon'");
    }
}
