package io.edgeoff.cli.device;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr; without a terminal, one line per tenth of the work. */
final class ProgressBar implements PolicyComparison.Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private int lastTenth = -1;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void step(int done, int total, String label) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = done == 0 ? 0 : elapsed / done * (total - done);
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d executions, %.0f s elapsed, ~%.0f s left (%s)",
                "#".repeat(filled), ".".repeat(width - filled), done, total, elapsed, eta, label);
        if (terminal) {
            out.print("\r" + line + " ".repeat(10));
            if (done == total) {
                out.println();
            }
        } else {
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line);
            }
        }
        out.flush();
    }
}
