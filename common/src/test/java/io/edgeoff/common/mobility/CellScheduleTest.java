package io.edgeoff.common.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellScheduleTest {
    private final CellSchedule commute = new CellSchedule(List.of(new CellVisit(0, "A"), new CellVisit(20, "B"),
            new CellVisit(40, "C")), 60);

    @Test
    void aRepeatingScheduleStartsOverEveryPeriod() {
        assertThat(commute.cellAt(0)).isEqualTo("A");
        assertThat(commute.cellAt(19.999)).isEqualTo("A");
        assertThat(commute.cellAt(20)).isEqualTo("B");
        assertThat(commute.cellAt(59)).isEqualTo("C");
        assertThat(commute.cellAt(61)).isEqualTo("A");
    }

    @Test
    void theNextHandoverIsTheNextVisitOrTheNextPeriod() {
        assertThat(commute.nextHandoverAfter(0)).isEqualTo(20);
        assertThat(commute.nextHandoverAfter(20)).isEqualTo(40);
        assertThat(commute.nextHandoverAfter(45)).isEqualTo(60);
        assertThat(commute.nextHandoverAfter(125)).isEqualTo(140);
    }

    @Test
    void withoutRepetitionTheDeviceStaysInTheLastCell() {
        CellSchedule once = new CellSchedule(List.of(new CellVisit(0, "A"), new CellVisit(5, "B")), 0);

        assertThat(once.cellAt(1000)).isEqualTo("B");
        assertThat(once.nextHandoverAfter(6)).isInfinite();
        assertThat(CellSchedule.none().cellAt(3)).isNull();
        assertThat(CellSchedule.none().nextHandoverAfter(3)).isInfinite();
    }

    @Test
    void refusesAVisitToTheCellTheDeviceIsAlreadyIn() {
        assertThatThrownBy(() -> new CellSchedule(List.of(new CellVisit(0, "A"), new CellVisit(5, "A")), 0))
                .hasMessage("visit 1 enters cell A, the cell the device is already in");
    }

    @Test
    void aDevicesLinksInACellAreTheCellsWhereItHasThemAndItsOwnElsewhere() {
        DeviceSpec device = new DeviceSpec("d", java.util.Optional.empty(), java.util.OptionalInt.empty(), 0,
                List.of(new AccessLink("ED", 30, 100), new AccessLink("EC", 30, 100)), CellSchedule.none());
        Cell cell = new Cell("A", List.of(new AccessLink("ED", 5, 5000)));

        assertThat(device.linksIn(cell)).containsExactly(new AccessLink("ED", 5, 5000), new AccessLink("EC", 30, 100));
        assertThat(device.linksIn(null)).isEqualTo(device.links());
    }
}
