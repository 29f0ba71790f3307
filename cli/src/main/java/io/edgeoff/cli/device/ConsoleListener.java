package io.edgeoff.cli.device;

import io.edgeoff.cli.console.ProgressBar;
import io.edgeoff.experiment.LiveListener;
import java.io.PrintWriter;

/** A live run's status lines and progress bar on the console's standard error. */
final class ConsoleListener implements LiveListener {
    private final PrintWriter err;
    private final ProgressBar bar;

    private ConsoleListener(PrintWriter err) {
        this.err = err;
        this.bar = ProgressBar.on(err, "executions");
    }

    static ConsoleListener on(PrintWriter err) {
        return new ConsoleListener(err);
    }

    @Override
    public void log(String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public void step(int done, int total, String label) {
        bar.step(done, total, label);
    }
}
