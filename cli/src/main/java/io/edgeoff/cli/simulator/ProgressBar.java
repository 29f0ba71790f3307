package io.edgeoff.cli.simulator;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/** A one-line progress bar on stderr, redrawn at most once per percent. Thread-safe. */
final class ProgressBar implements LongConsumer {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long total;
    private final String label;
    private int lastPercent = -1;

    ProgressBar(PrintWriter err, long total, String label) {
        this.err = err;
        this.total = total;
        this.label = label;
    }

    @Override
    public synchronized void accept(long done) {
        int percent = (int) (100 * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = (int) (WIDTH * done / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                + done + "/" + total + " samplings");
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
