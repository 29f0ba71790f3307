package io.edgeoff.common.mobility;

import java.util.List;

/**
 * The cells a device is in over time: it enters each visit's cell at the visit's time and stays until the next
 * visit; with {@code repeatEverySeconds > 0} the schedule starts over every that many seconds (a commute back and
 * forth), otherwise the device stays in the last cell. {@link #none()} (no visit): the device is in no cell.
 *
 * @param visits              in time order; the first at 0 s, times strictly increasing, consecutive cells different
 * @param repeatEverySeconds  period of the schedule, s: 0 (no repetition) or more than the last visit's time; when
 *                            the schedule repeats, the last cell must differ from the first
 */
public record CellSchedule(List<CellVisit> visits, double repeatEverySeconds) {
    private static final CellSchedule NONE = new CellSchedule(List.of(), 0);

    public CellSchedule {
        visits = List.copyOf(visits);
        if (!(repeatEverySeconds >= 0) || !Double.isFinite(repeatEverySeconds)) {
            throw new IllegalArgumentException("repeatEverySeconds must be finite and >= 0, but was "
                    + repeatEverySeconds);
        }
        if (!visits.isEmpty()) {
            if (visits.get(0).atSeconds() != 0) {
                throw new IllegalArgumentException("the first visit must be at 0 s, but was at "
                        + visits.get(0).atSeconds());
            }
            for (int i = 1; i < visits.size(); i++) {
                if (!(visits.get(i).atSeconds() > visits.get(i - 1).atSeconds())) {
                    throw new IllegalArgumentException("visit times must increase, but visit " + i + " is at "
                            + visits.get(i).atSeconds() + " s after " + visits.get(i - 1).atSeconds() + " s");
                }
                if (visits.get(i).cellId().equals(visits.get(i - 1).cellId())) {
                    throw new IllegalArgumentException("visit " + i + " enters cell " + visits.get(i).cellId()
                            + ", the cell the device is already in");
                }
            }
            double last = visits.get(visits.size() - 1).atSeconds();
            if (repeatEverySeconds > 0 && !(repeatEverySeconds > last)) {
                throw new IllegalArgumentException("repeatEverySeconds must be more than the last visit's time "
                        + last + " s, but was " + repeatEverySeconds);
            }
            if (repeatEverySeconds > 0 && visits.size() > 1
                    && visits.get(0).cellId().equals(visits.get(visits.size() - 1).cellId())) {
                throw new IllegalArgumentException("a repeating schedule must not end in its first cell "
                        + visits.get(0).cellId() + " (the repetition would enter it again)");
            }
        }
        if (visits.isEmpty() && repeatEverySeconds != 0) {
            throw new IllegalArgumentException("repeatEverySeconds needs at least one visit");
        }
    }

    /** No cells: the device keeps its own links all the time. */
    public static CellSchedule none() {
        return NONE;
    }

    /** @return true when the schedule has no visit */
    public boolean isEmpty() {
        return visits.isEmpty();
    }

    /** @return index into {@link #visits()} of the visit in force at {@code seconds}, or -1 without visits */
    public int visitAt(double seconds) {
        if (visits.isEmpty()) {
            return -1;
        }
        double t = repeatEverySeconds > 0 ? seconds % repeatEverySeconds : seconds;
        int index = 0;
        for (int i = 1; i < visits.size() && visits.get(i).atSeconds() <= t; i++) {
            index = i;
        }
        return index;
    }

    /** @return the cell the device is in at {@code seconds}, or null without visits */
    public String cellAt(double seconds) {
        int index = visitAt(seconds);
        return index < 0 ? null : visits.get(index).cellId();
    }

    /**
     * @return the first moment after {@code seconds} (strictly) at which the device changes cell, s; infinity when
     *         it never changes again
     */
    public double nextHandoverAfter(double seconds) {
        int index = visitAt(seconds);
        if (index < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double periodStart = repeatEverySeconds > 0
                ? Math.floor(seconds / repeatEverySeconds) * repeatEverySeconds : 0;
        if (index + 1 < visits.size()) {
            return periodStart + visits.get(index + 1).atSeconds();
        }
        return repeatEverySeconds > 0 && visits.size() > 1 ? periodStart + repeatEverySeconds
                : Double.POSITIVE_INFINITY;
    }
}
