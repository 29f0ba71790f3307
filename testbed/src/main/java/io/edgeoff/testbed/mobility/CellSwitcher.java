package io.edgeoff.testbed.mobility;

import io.edgeoff.common.mobility.DeviceSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Moves a fleet's devices between cells while a test-bed run goes: on its own thread, at each handover of the
 * devices' cell schedules ({@link CellSwitch#nextAfter}), it has the target reshape the device's links, and logs
 * each switch with its wall time. The schedule's seconds are wall seconds since the mobility origin ({@link #start()}:
 * now; {@link #start(java.time.Instant)}: an agreed instant): a cell schedule is in the device's own seconds, the seconds its executions take, which a test-bed run
 * spends in real time; the run's time compression compresses failure traces only. The cell each device is in at
 * 0 s is the test-bed's initial shaping, so no switch is made at the origin. Time comes from an injected clock and
 * sleeper, as in the fault injector.
 */
public final class CellSwitcher implements AutoCloseable {
    /** What the switcher moves (the running test-bed, or a recorder in tests). */
    public interface Target {
        /**
         * Reshapes the device's links to those of {@code cellId}.
         *
         * @return one line per link that changed, for the log
         */
        List<String> enterCell(String deviceId, String cellId);
    }

    private final List<DeviceSpec> devices;
    private final Target target;
    private final Clock clock;
    private final LongConsumer sleeper;
    private final List<String> log = new ArrayList<>();
    private final List<CellSwitch> done = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private long origin;

    /**
     * @param devices the devices (those without a cell schedule never move)
     * @param sleeper sleeps the given milliseconds; may be interrupted by {@link #close()}
     */
    public CellSwitcher(List<DeviceSpec> devices, Target target, Clock clock, LongConsumer sleeper) {
        this.devices = List.copyOf(devices);
        this.target = target;
        this.clock = clock;
        this.sleeper = sleeper;
        this.thread = new Thread(this::runSchedule, "cell-switcher");
        this.thread.setDaemon(true);
    }

    /** Sets the mobility origin to now and starts switching on the switcher's thread. */
    public CellSwitcher start() {
        return start(clock.instant());
    }

    /**
     * Starts switching on the switcher's thread with schedule time 0 at {@code origin} (now or later: the switcher
     * waits; the device processes are given the same instant, their {@code mobilityStartAt}).
     */
    public CellSwitcher start(java.time.Instant origin) {
        this.origin = origin.toEpochMilli();
        thread.start();
        return this;
    }

    /** Runs the schedule on the calling thread from now until {@code untilSeconds} (tests). */
    public void runUntil(double untilSeconds) {
        origin = clock.millis();
        loop(untilSeconds);
    }

    private void runSchedule() {
        loop(Double.POSITIVE_INFINITY);
    }

    private void loop(double untilSeconds) {
        double t = 0;
        while (!stopped) {
            List<CellSwitch> next = CellSwitch.nextAfter(devices, t);
            if (next.isEmpty() || next.get(0).atSeconds() > untilSeconds) {
                return;
            }
            long atMillis = Math.round(next.get(0).atSeconds() * 1000);
            long wait;
            while (!stopped && (wait = atMillis - (clock.millis() - origin)) > 0) {
                sleeper.accept(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (stopped) {
                return;
            }
            next.forEach(this::execute);
            t = next.get(0).atSeconds();
        }
    }

    private void execute(CellSwitch s) {
        String outcome;
        try {
            List<String> changes = target.enterCell(s.deviceId(), s.cellId());
            outcome = "ok" + (changes.isEmpty() ? ", no link changed" : ": " + String.join(", ", changes));
        } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage();
        }
        synchronized (log) {
            done.add(s);
            log.add(String.format(Locale.ROOT, "%8.3f s  %s enters cell %s (scheduled at %.3f s; %s)",
                    (clock.millis() - origin) / 1000.0, s.deviceId(), s.cellId(), s.atSeconds(), outcome));
        }
    }

    /** @return one line per executed switch: wall seconds since the origin, device, cell, schedule time, outcome */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** @return the switches executed so far, in order */
    public List<CellSwitch> done() {
        synchronized (log) {
            return List.copyOf(done);
        }
    }

    /** Stops switching (the links stay as they are; the test-bed's tear-down removes them). */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
