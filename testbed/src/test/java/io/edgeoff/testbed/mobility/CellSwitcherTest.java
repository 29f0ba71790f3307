package io.edgeoff.testbed.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CellSwitcherTest {
    private final List<DeviceSpec> commuter = ScenarioYaml.load("commuter-3-hotspots").fleet().devices();
    private final AtomicLong nowMillis = new AtomicLong(1_000_000);
    /** A manual clock: the switcher's sleeper advances it. */
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMillis.get());
        }
    };

    @Test
    void followsTheCommutersRepeatingScheduleWithoutASwitchAtTheOrigin() {
        List<CellSwitch> switches = CellSwitch.until(commuter, 48);

        assertThat(switches).containsExactly(
                new CellSwitch(8, "commuter", "STATION"), new CellSwitch(16, "commuter", "OFFICE"),
                new CellSwitch(24, "commuter", "HOME"), new CellSwitch(32, "commuter", "STATION"),
                new CellSwitch(40, "commuter", "OFFICE"), new CellSwitch(48, "commuter", "HOME"));
    }

    @Test
    void neverSwitchesDevicesWithoutACellSchedule() {
        assertThat(CellSwitch.until(ScenarioYaml.load("campus-3-devices").fleet().devices(), 1000)).isEmpty();
    }

    @Test
    void switchesAtTheScheduleSecondsOnTheInjectedClockAndLogsEachSwitch() {
        List<String> calls = new ArrayList<>();
        CellSwitcher.Target target = (device, cell) -> {
            calls.add((nowMillis.get() - 1_000_000) + " ms " + device + " -> " + cell);
            return List.of("ED 5.0 ms 5000.0 KB/s -> 60.0 ms 300.0 KB/s");
        };
        CellSwitcher switcher = new CellSwitcher(commuter, target, clock, nowMillis::addAndGet);

        switcher.runUntil(20);

        assertThat(calls).containsExactly("8000 ms commuter -> STATION", "16000 ms commuter -> OFFICE");
        assertThat(switcher.done()).extracting(CellSwitch::cellId).containsExactly("STATION", "OFFICE");
        assertThat(switcher.log()).hasSize(2);
        assertThat(switcher.log().get(0)).isEqualTo("   8.000 s  commuter enters cell STATION (scheduled at 8.000 s; "
                + "ok: ED 5.0 ms 5000.0 KB/s -> 60.0 ms 300.0 KB/s)");
    }

    @Test
    void countsTheScheduleFromAnAgreedInstantAheadOfNow() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        CellSwitcher switcher = new CellSwitcher(commuter, (device, cell) -> {
            calls.add((nowMillis.get() - 1_000_000) + " ms " + cell);
            return List.of();
        }, clock, nowMillis::addAndGet);

        switcher.start(Instant.ofEpochMilli(1_000_000 + 15_000));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> calls.size() >= 2);
        switcher.close();

        assertThat(calls.subList(0, 2)).containsExactly("23000 ms STATION", "31000 ms OFFICE");
        assertThat(switcher.log().get(0)).startsWith("   8.000 s  commuter enters cell STATION");
    }

    @Test
    void logsAFailedSwitchAndGoesOn() {
        CellSwitcher switcher = new CellSwitcher(commuter, (device, cell) -> {
            throw new IllegalStateException("tc failed");
        }, clock, nowMillis::addAndGet);

        switcher.runUntil(16);

        assertThat(switcher.log()).hasSize(2).allMatch(l -> l.endsWith("failed: tc failed)"));
    }
}
