package io.edgeoff.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.common.mobility.AccessLink;
import io.edgeoff.common.mobility.CellSchedule;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.testing.Measurements;
import io.edgeoff.testbed.mobility.CellSwitcher;
import io.edgeoff.testbed.net.DeviceSiteLink;
import io.edgeoff.testbed.net.LatencyMode;
import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.net.StaleCleanup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet on real namespaces and links (root only): the commuter of {@code commuter-3-hotspots} and a second,
 * stationary device wired to EC, each in its own namespace with its own shaped links; the commuter's links switch
 * when it walks from HOME to STATION (8 s into the run, on the real clock), seen from its namespace; a degradation and
 * a partition reach every device's link to the site; tear-down leaves nothing behind.
 *
 * <p>Round trips go to {@code target/measurements/testbed-fleet-cell-switch.json}. As in {@link SeedTestbedTest},
 * shaped delay is a floor: each asserted round trip must reach 0.9 x the asked one (load only adds to it); the
 * switch's wall time is a floor too (load only delays it). Which link has which delay is also read back from
 * {@code tc qdisc show}, which load cannot change.
 */
class FleetTestbedTest {

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Testbed.available(), "the test-bed needs root on Linux with iproute2");
    }

    @Test
    void givesEachDeviceItsOwnLinksAndSwitchesTheMovingDevicesLinksWithItsCell(@TempDir Path work) {
        Scenario commuter = ScenarioYaml.load("commuter-3-hotspots");
        DeviceSpec lab = new DeviceSpec("lab", Optional.empty(), OptionalInt.empty(), 0,
                List.of(new AccessLink("EC", 3, 12500)), CellSchedule.none());
        Fleet fleet = commuter.fleet();
        Scenario scenario = commuter.withFleet(new Fleet(List.of(fleet.devices().get(0), lab), fleet.cells(),
                fleet.handover(), fleet.lookaheadSeconds()));
        Shell shell = Shell.system();
        StaleCleanup inspect = new StaleCleanup(shell, StaleCleanup.defaultStateDir());
        int run = inspect.firstFreeRun(241, 250);
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        Map<String, Double> rtt = new LinkedHashMap<>();
        Map<String, String> qdiscs = new LinkedHashMap<>();
        List<String> namespaces = new ArrayList<>();
        List<String> switchLog;
        boolean labReachesEdDuringCut;
        boolean commuterReachesEdDuringCut;
        boolean labReachesEdAfterCut;
        LatencyMode mode;

        try (Testbed testbed = Testbed.start(TestbedConfig.of(scenario, run, work), shell, log)) {
            mode = testbed.latencyMode();
            namespaces.addAll(inspect.ownedNamespaces());
            qdiscs.put("commuter-ED at HOME", qdiscsOf(shell, testbed, "commuter", "ED"));
            qdiscs.put("commuter-EC at HOME", qdiscsOf(shell, testbed, "commuter", "EC"));
            qdiscs.put("lab-EC", qdiscsOf(shell, testbed, "lab", "EC"));
            rtt.put("commuter-ED at HOME", testbed.measureRoundTrip("commuter", "ED"));
            rtt.put("commuter-EC at HOME", testbed.measureRoundTrip("commuter", "EC"));
            rtt.put("lab-EC", testbed.measureRoundTrip("lab", "EC"));

            try (CellSwitcher switcher = new CellSwitcher(scenario.fleet().devices(), testbed, Clock.systemUTC(),
                    millis -> sleep(millis)).start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !switcher.done().isEmpty());
                switchLog = switcher.log();
                qdiscs.put("commuter-ED at STATION", qdiscsOf(shell, testbed, "commuter", "ED"));
                qdiscs.put("commuter-EC at STATION", qdiscsOf(shell, testbed, "commuter", "EC"));
                rtt.put("commuter-ED at STATION", testbed.measureRoundTrip("commuter", "ED"));
                rtt.put("commuter-EC at STATION", testbed.measureRoundTrip("commuter", "EC"));
            }

            testbed.degrade("EC", 40, 0);
            rtt.put("commuter-EC at STATION degraded by 40 ms", testbed.measureRoundTrip("commuter", "EC"));
            rtt.put("lab-EC degraded by 40 ms", testbed.measureRoundTrip("lab", "EC"));
            testbed.restore("EC");
            testbed.linkDown("ED");
            labReachesEdDuringCut = testbed.reachableFrom("lab", "ED");
            commuterReachesEdDuringCut = testbed.reachableFrom("commuter", "ED");
            testbed.linkUp("ED");
            labReachesEdAfterCut = testbed.reachableFrom("lab", "ED");
        }

        Map<String, Object> report = new LinkedHashMap<>();
        rtt.forEach((k, v) -> report.put(k + ": roundTripMillis", v));
        report.put("switch", switchLog);
        report.put("latencyMode", mode.name());
        report.put("qdiscs", qdiscs);
        Measurements.record("testbed-fleet-cell-switch", report);
        assertThat(namespaces).contains("eo" + run + "-d0", "eo" + run + "-d1");
        // tbf rates as tc shows them: ED at STATION has the cellular 300 KB/s that EC had at HOME, and EC the Wi-Fi
        // 5000 KB/s that ED had; the lab's 12500 KB/s is neither
        assertThat(rate(qdiscs, "commuter-ED at STATION")).isEqualTo(rate(qdiscs, "commuter-EC at HOME"))
                .isNotEqualTo(rate(qdiscs, "commuter-ED at HOME"));
        assertThat(rate(qdiscs, "commuter-EC at STATION")).isEqualTo(rate(qdiscs, "commuter-ED at HOME"));
        assertThat(rate(qdiscs, "lab-EC")).isNotIn(rate(qdiscs, "commuter-ED at HOME"),
                rate(qdiscs, "commuter-EC at HOME"));
        if (mode == LatencyMode.NETEM) {
            assertThat(qdiscs.get("commuter-ED at HOME")).contains("delay 5ms");
            assertThat(qdiscs.get("lab-EC")).contains("delay 3ms");
            assertThat(qdiscs.get("commuter-ED at STATION")).contains("delay 60ms");
        }
        assertThat(rtt.get("commuter-ED at HOME")).isGreaterThanOrEqualTo(0.9 * 10);
        assertThat(rtt.get("commuter-EC at HOME")).as("EC over the cellular link at HOME, 60 ms one way")
                .isGreaterThanOrEqualTo(0.9 * 120);
        assertThat(rtt.get("lab-EC")).isGreaterThanOrEqualTo(0.9 * 6);
        assertThat(switchLog).hasSize(1);
        assertThat(switchLog.get(0)).contains("commuter enters cell STATION (scheduled at 8.000 s; ok: ")
                .contains("ED 5.0 ms 5000.0 KB/s -> 60.0 ms 300.0 KB/s", "EC 60.0 ms 300.0 KB/s -> 5.0 ms 5000.0 KB/s");
        assertThat(Double.parseDouble(switchLog.get(0).strip().split(" ")[0])).as("wall seconds of the switch")
                .isGreaterThanOrEqualTo(8.0);
        assertThat(rtt.get("commuter-ED at STATION")).as("ED over the cellular link after leaving HOME, 60 ms one way")
                .isGreaterThanOrEqualTo(0.9 * 120);
        assertThat(rtt.get("commuter-EC at STATION")).isGreaterThanOrEqualTo(0.9 * 10);
        assertThat(rtt.get("commuter-EC at STATION degraded by 40 ms")).isGreaterThanOrEqualTo(0.9 * (10 + 80));
        assertThat(rtt.get("lab-EC degraded by 40 ms")).isGreaterThanOrEqualTo(0.9 * (6 + 80));
        assertThat(labReachesEdDuringCut).as("lab reaches ED while ED is partitioned").isFalse();
        assertThat(commuterReachesEdDuringCut).as("commuter reaches ED while ED is partitioned").isFalse();
        assertThat(labReachesEdAfterCut).as("lab reaches ED after the partition").isTrue();
        assertThat(inspect.ownedNamespaces()).noneMatch(ns -> ns.startsWith("eo" + run + "-"));
        assertThat(inspect.ownedRootInterfaces()).noneMatch(dev -> dev.startsWith("eo" + run + "-"));
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("torn down");
    }

    /** The qdiscs of the device's end of its link to the site, as {@code tc} shows them. */
    private static String qdiscsOf(Shell shell, Testbed testbed, String deviceId, String siteId) {
        DeviceSiteLink link = testbed.plan().device(deviceId).link(siteId).orElseThrow();
        return shell.run(List.of("tc", "-n", link.pair().namespaceA(), "qdisc", "show", "dev", link.pair().nameA()))
                .strip();
    }

    /** The tbf rate in {@code tc}'s words, e.g. {@code rate 43Mbit}. */
    private static String rate(Map<String, String> qdiscs, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("tbf .*?(rate \\S+)").matcher(qdiscs.get(key));
        assertThat(m.find()).as("a tbf rate in " + qdiscs.get(key)).isTrue();
        return m.group(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
