package io.edgeoff.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.mobility.DeviceLinks;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.DagPlacement;
import io.edgeoff.device.FakeSite;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.experiment.FleetComparison;
import io.edgeoff.experiment.LiveListener;
import io.edgeoff.experiment.LiveResult;
import io.edgeoff.experiment.LiveRun;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several devices live, one of them moving: the commuter example with a second device (a cyclist that starts at the
 * OFFICE and rides HOME) runs as one device runtime per device against the same in-process sites, links emulated per
 * cell, schedules four times faster than written, policies greedy and random.
 */
class FleetLiveTest {
    @TempDir
    Path dir;

    private final List<FakeSite> sites = new ArrayList<>();

    @BeforeEach
    void startSites() throws Exception {
        sites.add(new FakeSite("ED", 5000, 0.99));
        sites.add(new FakeSite("EC", 8000, 0.99));
        sites.add(new FakeSite("ER", 5000, 0.99));
        sites.add(new FakeSite("CD", 12000, 0.99));
    }

    @AfterEach
    void stopSites() {
        sites.forEach(FakeSite::close);
    }

    @Test
    void everyDeviceRunsItsExecutionsAndItsLinksChangeWithItsCell() throws Exception {
        Path scenarioFile = twoDeviceCommuter();
        Path config = config(scenarioFile, "");

        LiveResult result = LiveRun.run(config, null, null, null, null, true, LiveListener.NONE);

        Scenario scenario = ScenarioYaml.load(scenarioFile.toString());
        Map<String, FleetComparison.DeviceRun> runs = new LinkedHashMap<>();
        result.outcome().fleet().devices().forEach(d -> runs.put(d.device(), d));
        assertThat(runs.keySet()).containsExactly("commuter", "cyclist");
        assertThat(runs.get("commuter").results()).as("6 executions x 2 policies").hasSize(12);
        assertThat(runs.get("cyclist").results()).as("its own 3 executions x 2 policies").hasSize(6);
        assertThat(runs.get("commuter").handovers().stream().mapToInt(Integer::intValue).sum())
                .as("the commuter left HOME at least once").isPositive();
        Path out = dir.resolve("out");
        List<String> devices = Files.readAllLines(out.resolve("devices.csv"));
        assertThat(devices).hasSize(5);
        assertThat(devices.get(1)).startsWith("greedy,commuter,6,");
        assertThat(devices.get(2)).startsWith("greedy,cyclist,3,");
        assertThat(devices.get(3)).startsWith("random,commuter,6,");
        List<String> cells = Files.readAllLines(out.resolve("cells.csv"));
        assertThat(cells.stream().filter(l -> l.startsWith("random,commuter,")).count())
                .as("the commuter's tasks ran in more than one cell").isGreaterThan(1);
        List<String> commuterCells = cells.stream().filter(l -> l.startsWith("greedy,commuter,"))
                .map(l -> l.split(",")[2]).toList();
        assertThat(commuterCells).as("in the scenario's cell order").isSortedAccordingTo(
                java.util.Comparator.comparing(List.of("HOME", "STATION", "OFFICE")::indexOf));
        assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"devices\"", "id=\"cells\"");
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"handover_interruptions\"");
        // each offload from the device waits at least the emulated latency of its cell's link: a floor, load-safe
        TreeSet<Double> floors = new TreeSet<>();
        Map<String, Object> measured = new java.util.TreeMap<>();
        for (FleetComparison.DeviceRun run : runs.values()) {
            DeviceSpec spec = scenario.fleet().devices().stream().filter(d -> d.id().equals(run.device()))
                    .findFirst().orElseThrow();
            for (ExecutionResult r : run.results()) {
                floors.addAll(checkLatencyFloors(scenario, spec, r, measured));
            }
        }
        io.edgeoff.common.testing.Measurements.record("fleet-live-attempts-per-cell", measured);
        // greedy sends the device's big inputs to the hotspot's own site (Wi-Fi), random to any site (mostly cellular)
        assertThat(floors).as("the same sites over Wi-Fi in one cell, over cellular in another").contains(5.0, 60.0);
    }

    @Test
    void anUnknownFleetDeviceOrScenarioIsAOneLineError() throws Exception {
        Path config = config(twoDeviceCommuter(), "fleetDevice: nobody\n");

        CliRun device = CliRun.of("device", "--config", config.toString());
        CliRun demo = CliRun.of("demo", "--scenario", "campus-4-devices", "--out", dir.resolve("demo").toString());

        assertThat(device.exitCode()).isEqualTo(2);
        assertThat(device.err().strip()).doesNotContain("\n")
                .contains("fleetDevice: unknown device 'nobody'", "[commuter, cyclist]");
        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.err().strip()).doesNotContain("\n").contains("--scenario campus-4-devices",
                "commuter-3-hotspots");
        assertThat(dir.resolve("demo")).doesNotExist();
    }

    /**
     * Checks every successful offload of {@code r} whose input came from the device: it took at least the one-way
     * latency of its cell's link to its site.
     *
     * @return the latencies checked, ms
     */
    private List<Double> checkLatencyFloors(Scenario scenario, DeviceSpec spec, ExecutionResult r,
                                            Map<String, Object> measured) {
        CostModel base = scenario.costModel();
        DeviceLinks links = new DeviceLinks(base, spec, scenario.fleet());
        int device = base.deviceIndex();
        Application app = scenario.application(r.application());
        int[] placement = new int[app.size()];
        Arrays.fill(placement, device);
        r.tasks().forEach(t -> placement[t.taskIndex()] = t.completed() ? t.siteIndex() : device);
        List<Double> floors = new ArrayList<>();
        for (TaskOutcome t : r.tasks()) {
            int from = DagPlacement.previousSite(app, t.taskIndex(), placement, device);
            for (Attempt a : t.attempts()) {
                if (a.succeeded() && a.siteIndex() != device && from == device && !a.siteId().equals("CD")) {
                    double latency = links.actualIn(links.cellNames().indexOf(a.cell())).network()
                            .latencyMillis(device, a.siteIndex());
                    assertThat(a.seconds()).as("%s in %s", a.siteId(), a.cell()).isGreaterThanOrEqualTo(latency / 1000);
                    floors.add(latency);
                    String key = spec.id() + " " + a.cell() + " " + a.siteId();
                    measured.put(key + " floorMillis", latency);
                    measured.merge(key + " minAttemptSeconds", a.seconds(), (x, y) -> Math.min((Double) x, (Double) y));
                    measured.merge(key + " attempts", 1, (x, y) -> (Integer) x + (Integer) y);
                }
            }
        }
        return floors;
    }

    /** The commuter example with a second device that starts at the OFFICE and rides HOME after 6 s. */
    private Path twoDeviceCommuter() throws Exception {
        String text;
        try (InputStream in = ScenarioYaml.class.getResourceAsStream("/scenarios/commuter-3-hotspots.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text += """
                  - id: cyclist
                    executions: 3
                    workload: {FACEBOOK: 0.5, FACERECOGNIZER: 0.5}
                    cells:
                      schedule:
                        - {atSeconds: 0, cell: OFFICE}
                        - {atSeconds: 6, cell: HOME}
                """;
        Path file = dir.resolve("two-device-commuter.yaml");
        Files.writeString(file, text);
        return file;
    }

    private Path config(Path scenario, String extra) throws Exception {
        StringBuilder yaml = new StringBuilder("scenario: " + scenario + "\ntoken: secret\nsites:\n");
        for (FakeSite s : sites) {
            yaml.append("  ").append(s.endpoint().siteId()).append(": ").append(s.endpoint().baseUri()).append('\n');
        }
        yaml.append("policies: [greedy, random]\nexecutions: 6\nseed: 5\nemulateLinks: true\nsyntheticTasks: true\n")
                .append("mobilitySpeedup: 4\nout: ").append(dir.resolve("out")).append('\n').append(extra);
        Path file = dir.resolve("device.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }
}
