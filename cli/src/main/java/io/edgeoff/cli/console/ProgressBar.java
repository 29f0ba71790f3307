package io.edgeoff.cli.console;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The command line's one progress bar, for simulated samplings and live executions alike: on a terminal one
 * line redrawn at most once per percent, otherwise (a log file, a pipe) one line per tenth of the work. Each
 * line shows the bar, {@code done/total} in the bar's unit, the elapsed time and an estimate of the time left.
 * The clock starts when the bar is made, and again when {@code done = 0} is reported (the work begins now: time
 * spent before it, such as starting sites, does not count towards the estimate). Time comes from an injected
 * monotonic nanosecond source. Thread-safe.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private final String unit;
    private final LongSupplier nanoTime;
    private long startNanos;
    private long lastStep = -1;

    /**
     * @param out       where the bar is drawn (stderr)
     * @param terminal  true to redraw one line in place; false for one line per tenth
     * @param unit      what is counted, plural ("samplings", "executions")
     * @param nanoTime  monotonic time, ns
     */
    public ProgressBar(PrintWriter out, boolean terminal, String unit, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.unit = unit;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** A bar on {@code err}, redrawn in place when the JVM has a console. */
    public static ProgressBar on(PrintWriter err, String unit) {
        return new ProgressBar(err, System.console() != null, unit, System::nanoTime);
    }

    /**
     * Reports that {@code done} of {@code total} are finished.
     *
     * @param label  what the last finished piece was (may be empty)
     */
    public synchronized void step(long done, long total, String label) {
        if (done == 0) {
            startNanos = nanoTime.getAsLong();
        }
        long step = total == 0 ? (terminal ? 100 : 10) : done * (terminal ? 100 : 10) / total;
        if (step == lastStep) {
            return;
        }
        lastStep = step;
        String line = line(done, total, label);
        if (terminal) {
            out.print("\r" + line + " ".repeat(10));
            if (done == total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String line(long done, long total, String label) {
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        long percent = total == 0 ? 100 : 100 * done / total;
        double elapsed = (nanoTime.getAsLong() - startNanos) / 1e9;
        double left = done == 0 ? 0 : elapsed / done * (total - done);
        return String.format(Locale.ROOT, "%s[%s%s] %d%% %d/%d %s, %.0f s elapsed, ~%.0f s left",
                label.isEmpty() ? "" : label + " ", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done,
                total, unit, elapsed, left);
    }
}
