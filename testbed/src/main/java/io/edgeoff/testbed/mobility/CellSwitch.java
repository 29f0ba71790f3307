package io.edgeoff.testbed.mobility;

import io.edgeoff.common.mobility.DeviceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A device enters a cell: the test-bed reshapes its links then.
 *
 * @param atSeconds  seconds since the run's mobility origin (the schedule's own seconds, not compressed), &gt;= 0
 * @param deviceId   the device
 * @param cellId     the cell it enters
 */
public record CellSwitch(double atSeconds, String deviceId, String cellId) {
    public CellSwitch {
        if (!(atSeconds >= 0) || !Double.isFinite(atSeconds)) {
            throw new IllegalArgumentException("atSeconds must be finite and >= 0, but was " + atSeconds);
        }
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(cellId, "cellId");
    }

    /**
     * The switches of the earliest handover strictly after {@code afterSeconds} among {@code devices} (several when
     * devices move at the same moment, in device order); empty when no device moves again.
     */
    public static List<CellSwitch> nextAfter(List<DeviceSpec> devices, double afterSeconds) {
        double next = Double.POSITIVE_INFINITY;
        for (DeviceSpec d : devices) {
            next = Math.min(next, d.cells().nextHandoverAfter(afterSeconds));
        }
        List<CellSwitch> out = new ArrayList<>();
        if (Double.isInfinite(next)) {
            return out;
        }
        for (DeviceSpec d : devices) {
            if (d.cells().nextHandoverAfter(afterSeconds) == next) {
                out.add(new CellSwitch(next, d.id(), d.cells().cellAt(next)));
            }
        }
        return out;
    }

    /** Every switch of {@code devices} after 0 s up to {@code untilSeconds} inclusive, in time then device order. */
    public static List<CellSwitch> until(List<DeviceSpec> devices, double untilSeconds) {
        List<CellSwitch> out = new ArrayList<>();
        double t = 0;
        for (List<CellSwitch> next = nextAfter(devices, t); !next.isEmpty() && next.get(0).atSeconds() <= untilSeconds;
             next = nextAfter(devices, t)) {
            out.addAll(next);
            t = next.get(0).atSeconds();
        }
        return out;
    }
}
